import { deepmerge } from 'deepmerge-ts';
import type { CreateBodies, MappedEntity, MappedRecords, WritableEntity } from '../entities.js';

/**
 * The mapping runtime: what a connector's `mappings/<entity>.ts` is written with.
 *
 * A mapping lists every unified field once, as a rule: a function that computes it, `todo(...)`
 * for a field nobody has mapped yet, or `notSupported(...)` for a field the platform has no
 * counterpart for. The rule objects are typed against the generated unified types, so a field
 * missing from a mapping, or an entry for a field the spec no longer has, is a type error; and the
 * three kinds of rule are what the coverage report counts.
 */

/** A field still to be mapped. `ledgerspec generate` writes these for fields new to the spec. */
export interface Todo {
  readonly rule: 'todo';
  readonly description: string;
}

/** A field the platform has no counterpart for; the reason shows in the coverage report. */
export interface NotSupported {
  readonly rule: 'not-supported';
  readonly reason: string;
}

export function todo(description: string): Todo {
  return { rule: 'todo', description };
}

export function notSupported(reason: string): NotSupported {
  return { rule: 'not-supported', reason };
}

/**
 * What a read rule may ask of the records around the one it maps. Platforms sometimes name a
 * related record by something other than its ID (Xero's lines name their account by code:
 * `AccountCode`, never `AccountID`); `lookup` finds that record's platform_id among the records
 * the reader knows — the connector's fixtures in conformance, the company's books in the sandbox.
 */
export interface ReadContext {
  /** The platform_id of the `entity` record whose unified `field` equals `value`; undefined when
   * no known record has it (or `value` is empty). */
  lookup(entity: MappedEntity, field: string, value: unknown): string | undefined;
  /** The unified `field` of the `entity` record with that platform_id (the code a platform's
   * write takes instead of the ID); undefined when no known record has it. */
  valueOf(entity: MappedEntity, platformId: unknown, field: string): unknown;
}

/** A reader that knows no other records: every lookup finds nothing. */
export const NO_RECORDS: ReadContext = { lookup: () => undefined, valueOf: () => undefined };

/** Computes one unified field from the platform's record; `undefined` leaves the field out. */
export type ReadRule<Raw, Value> = ((raw: Raw, context: ReadContext) => Value | undefined) | Todo | NotSupported;

/** One rule per unified field, no more and no fewer. */
export type ReadRules<Raw, Unified> = { [Field in keyof Unified]-?: ReadRule<Raw, Unified[Field]> };

/** What a write rule returns: any part of the platform's request body (merged deeply with the
 * parts the other rules return). */
export type RequestPart<Request> = Request extends readonly unknown[]
  ? Request
  : Request extends object
    ? { [Key in keyof Request]?: RequestPart<Request[Key]> }
    : Request;

/** Turns one field of the unified Create body (present, possibly null) into part of the request;
 * `context` resolves a related record's code where the platform takes codes, not IDs. */
export type WriteRule<Body, Value, Request> =
  ((value: Value, body: Body, context: ReadContext) => RequestPart<Request> | undefined) | Todo | NotSupported;

/** `raw_data` is left out: on writes it carries platform fields as they are, so the runtime merges
 * it into the request last instead of asking each mapping to. */
export type WriteRules<Body, Request> = {
  [Field in Exclude<keyof Body, 'raw_data'>]-?: WriteRule<Body, Exclude<Body[Field], undefined>, Request>;
};

export interface ReadMapping<Entity extends MappedEntity, Raw> {
  readonly direction: 'read';
  readonly rules: ReadRules<Raw, MappedRecords[Entity]>;
  /** The unified record for one platform record (`context`: the records around it, for rules
   * that resolve a related record by code). */
  map(raw: Raw, context?: ReadContext): MappedRecords[Entity];
  /** Why a platform record is not a record of this entity (a refund among payments, a pseudo tax
   * code among tax rates), or undefined when it is. Readers leave such records out. */
  skip(raw: Raw): string | undefined;
}

export interface ReadOptions<Raw> {
  /** Records the platform's endpoint returns that are not this entity: return the reason to leave
   * one out, undefined to map it. Never disguise a record of another kind as this one. */
  skip?: (raw: Raw) => string | undefined;
}

export interface WriteMapping<Entity extends WritableEntity, Request> {
  readonly direction: 'write';
  readonly rules: WriteRules<CreateBodies[Entity], Request>;
  /** The platform's request body for one unified Create body. */
  map(body: CreateBodies[Entity], context?: ReadContext): Request;
}

/** Thrown when a rule throws: names the field, keeps the cause. */
export class MappingError extends Error {
  constructor(
    readonly field: string,
    readonly cause: unknown,
  ) {
    super(`mapping field ${JSON.stringify(field)}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'MappingError';
  }
}

/** The platform record → unified record mapping of one entity. */
export function mapRead<Entity extends MappedEntity, Raw>(
  rules: ReadRules<Raw, MappedRecords[Entity]>,
  options: ReadOptions<Raw> = {},
): ReadMapping<Entity, Raw> {
  const map = (raw: Raw, context: ReadContext = NO_RECORDS): MappedRecords[Entity] => {
    const record: Record<string, unknown> = {};
    for (const [field, rule] of Object.entries(rules) as [string, ReadRule<Raw, unknown>][]) {
      if (typeof rule !== 'function') continue;
      const value = applyRule(field, () => rule(raw, context));
      if (value !== undefined) record[field] = value;
    }
    return record as MappedRecords[Entity];
  };
  const skip = (raw: Raw): string | undefined =>
    options.skip ? applyRule('(skip)', () => options.skip?.(raw)) : undefined;
  return { direction: 'read', rules, map, skip };
}

/** The unified Create body → platform request mapping of one writable entity. */
export function mapWrite<Entity extends WritableEntity, Request>(
  rules: WriteRules<CreateBodies[Entity], Request>,
): WriteMapping<Entity, Request> {
  const map = (body: CreateBodies[Entity], context: ReadContext = NO_RECORDS): Request => {
    const fields = body as unknown as Record<string, unknown>;
    const parts: object[] = [];
    for (const [field, rule] of Object.entries(rules) as [string, WriteRule<unknown, unknown, Request>][]) {
      if (typeof rule !== 'function' || fields[field] === undefined) continue;
      const part = applyRule(field, () => rule(fields[field], body, context));
      if (part !== undefined && part !== null) parts.push(part as object);
    }
    const passThrough = fields['raw_data'];
    if (passThrough && typeof passThrough === 'object') parts.push(passThrough);
    return deepmerge({}, ...parts) as Request;
  };
  return { direction: 'write', rules, map };
}

function applyRule<T>(field: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new MappingError(field, error);
  }
}

/** What a simulated platform knows when it accepts a write (see `storedRecords`). */
export interface StoreContext {
  /** The ID the platform gives the new record (an existing one's on update). */
  platformId: string;
  /** When the platform accepted the write, as an ISO 8601 timestamp. */
  now: string;
}

/** The record a platform would return on a read after accepting `request`. Declared with a
 * method signature so each connector can type `request` as its own request type. */
export type StoredRecord = { simulate(request: never, context: StoreContext): unknown }['simulate'];

/** Why a platform has no counterpart for a unified entity. */
export interface UnsupportedEntity {
  /** One or two sentences a reader can check: what the platform has instead, or why nothing fits. */
  reason: string;
  /** The platform's documentation page that shows it (an https URL). */
  docs: string;
}

/** What a connector declares once, in `connectors/<platform>/connector.ts`. */
export interface ConnectorDefinition {
  /** The platform's name as people write it ("QuickBooks Online"). */
  name: string;
  /** The record inside a fixture file. Fixtures are saved exactly as the platform's API returns
   * them, which for some platforms is an envelope around the record. Default: the whole file. */
  recordOf?: (payload: unknown, entity: MappedEntity) => unknown;
  /** Entities the platform has no counterpart for, each with the reason and the documentation
   * page that shows it (the coverage page prints both). */
  unsupportedEntities?: { readonly [Entity in MappedEntity]?: UnsupportedEntity };
  /** Entities the spec takes writes of but the platform's API does not (it has them, read only),
   * each with the reason and the documentation page; the coverage report shows them as read only
   * instead of "writes not mapped yet". */
  readOnlyEntities?: { readonly [Entity in WritableEntity]?: UnsupportedEntity };
  /**
   * Per writable entity, the platform record a read returns after the platform accepted a write
   * request (the request as the write mapping made it): what the platform echoes back, with its
   * new ID and timestamps, in the shape the read mapping takes (after `recordOf`). The sandbox
   * stores writes this way, and conformance checks `read(storedRecords(write(body)))` gives back
   * the written fields.
   */
  storedRecords?: { readonly [Entity in WritableEntity]?: StoredRecord };
  /**
   * Per writable entity, the fields of the unified Create record the platform itself requires
   * beyond what the spec requires, as JSON pointers into one record: `/contact_id`,
   * `/line_items` (a non-empty array); a `*` segment stands for every element of an array, so
   * `/line_items`, `*`, `account_id` joined by slashes requires an account on every line. A write
   * missing one fails that record with `platform-denied` at its pointer.
   */
  writeRequires?: { readonly [Entity in WritableEntity]?: readonly string[] };
}

export function defineConnector(definition: ConnectorDefinition): ConnectorDefinition {
  return definition;
}

/**
 * The pointers of `requirements` (see `ConnectorDefinition.writeRequires`) that `record` does not
 * satisfy, made concrete (`/line_items/1/account_id`). Absent, null, an empty string and an empty
 * array all count as missing.
 */
export function missingRequirements(record: unknown, requirements: readonly string[]): string[] {
  return requirements.flatMap((requirement) => missingAt(record, requirement.split('/').slice(1), ''));
}

function missingAt(value: unknown, segments: readonly string[], at: string): string[] {
  if (segments.length === 0) return isEmpty(value) ? [at] : [];
  const [head, ...rest] = segments as [string, ...string[]];
  if (head === '*')
    return Array.isArray(value) ? value.flatMap((item, index) => missingAt(item, rest, `${at}/${index}`)) : [];
  const key = head.replace(/~1/g, '/').replace(/~0/g, '~');
  const child =
    value !== null && typeof value === 'object' && Object.hasOwn(value, key)
      ? (value as Record<string, unknown>)[key]
      : undefined;
  if (child === undefined || child === null) return [`${at}/${head}`];
  return missingAt(child, rest, `${at}/${head}`);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** A ReadContext over known unified records, by entity. */
export function recordsContext(records: (entity: MappedEntity) => readonly Record<string, unknown>[]): ReadContext {
  return {
    lookup(entity, field, value) {
      if (value === undefined || value === null || value === '') return undefined;
      const wanted = String(value);
      const found = records(entity).find(
        (record) => record[field] !== undefined && record[field] !== null && String(record[field]) === wanted,
      );
      return typeof found?.platform_id === 'string' ? found.platform_id : undefined;
    },
    valueOf(entity, platformId, field) {
      if (platformId === undefined || platformId === null || platformId === '') return undefined;
      return records(entity).find((record) => record.platform_id === platformId)?.[field];
    },
  };
}

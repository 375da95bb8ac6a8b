import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../shared/connector-layout.ts';
import { readRegularFile } from '../validation/regular-file.ts';

/** One fixture case of an entity: the platform's payload and what it must map to. */
export interface FixtureCase {
  name: string;
  /** `<case>.raw.json`: the record as the platform's API returns it. */
  raw: string;
  /** `<case>.unified.json`: the unified record it must map to. */
  unified: string;
  /** `<case>.request.json`: the platform request the unified Create body must map to. */
  request: string;
  /** `<case>.meta.json`: where the raw payload comes from (see `FixtureMeta`). */
  meta: string;
}

/**
 * What `<case>.meta.json` says about a fixture case. Raw payloads are the platforms' own,
 * copied verbatim; the meta file names the source and how to find the record in it.
 */
export interface FixtureMeta {
  /** Where the payload was copied from: the documentation page (and which example on it), the
   * official OpenAPI document, or the SDK test recording, precise enough to find it again. */
  source: string;
  /** true: copied verbatim, values untouched. false: constructed (an edge case no public payload
   * shows); `notes` must then say what was constructed and why. */
  verbatim: boolean;
  notes?: string;
  /** A JSON pointer to the record within the payload (`/Payments/2`) when the payload holds more
   * than the record: a whole documented response. Without it, the connector's `recordOf` applies. */
  select?: string;
  /** Pointers (a `*` segment for every array element) of references in the unified record whose
   * targets are not among this connector's fixtures: documented samples refer to records the
   * documentation does not show. A pointer also covers everything below it (`/sales_order_ids`
   * covers each ID of the list). Conformance's `references` invariant reads them. */
  external?: string[];
  /** Where the platform's own payload does not add up (a documented example whose total is not
   * the sum of its lines), pointer → why: an invariant broken at or below such a pointer of the
   * unified record is a warning, not a failure, because a faithful mapping cannot repair it. */
  inconsistent?: Record<string, string>;
}

export const RAW_SUFFIX = '.raw.json';

/** The cases of `fixtures/<entity>/`, one per `<case>.raw.json`, sorted by name. The unified and
 * request paths are where those files belong, whether or not they exist yet. */
export function fixtureCases(connectorDir: string, entity: string): FixtureCase[] {
  const dir = fixturesDir(connectorDir, entity);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(RAW_SUFFIX))
    .sort()
    .map((file) => {
      const name = file.slice(0, -RAW_SUFFIX.length);
      return {
        name,
        raw: join(dir, file),
        unified: join(dir, `${name}.unified.json`),
        request: join(dir, `${name}.request.json`),
        meta: join(dir, `${name}.meta.json`),
      };
    });
}

/** Entities with fixtures, whether or not a mapping exists for them. */
export function fixtureEntities(connectorDir: string): string[] {
  const dir = join(connectorDir, 'fixtures');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** `<case>.meta.json` read and checked: the meta, nothing when the file is absent, or what is
 * wrong with it. */
export function readFixtureMeta(data: unknown): { meta: FixtureMeta } | { problem: string; pointer: string } {
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { problem: 'expected an object with source and verbatim', pointer: '' };
  const meta = data as Record<string, unknown>;
  const known = new Set(['source', 'verbatim', 'notes', 'select', 'external', 'inconsistent']);
  const unknown = Object.keys(meta).find((key) => !known.has(key));
  if (unknown !== undefined)
    return {
      problem: `unknown field ${JSON.stringify(unknown)} (known: ${[...known].join(', ')})`,
      pointer: `/${unknown}`,
    };
  if (typeof meta.source !== 'string' || meta.source.trim() === '')
    return { problem: 'source must name where the payload was copied from', pointer: '/source' };
  if (typeof meta.verbatim !== 'boolean')
    return { problem: 'verbatim must be true (copied as published) or false (constructed)', pointer: '/verbatim' };
  if (meta.verbatim === false && (typeof meta.notes !== 'string' || meta.notes.trim() === ''))
    return { problem: 'a constructed case needs notes saying what was constructed and why', pointer: '/notes' };
  if (meta.notes !== undefined && typeof meta.notes !== 'string')
    return { problem: 'notes must be a string', pointer: '/notes' };
  if (meta.select !== undefined && (typeof meta.select !== 'string' || !meta.select.startsWith('/')))
    return { problem: 'select must be a JSON pointer such as /Payments/0', pointer: '/select' };
  if (
    meta.external !== undefined &&
    (!Array.isArray(meta.external) || meta.external.some((p) => typeof p !== 'string' || !p.startsWith('/')))
  )
    return { problem: 'external must be a list of JSON pointers', pointer: '/external' };
  const inconsistent = meta.inconsistent;
  if (
    inconsistent !== undefined &&
    (inconsistent === null ||
      typeof inconsistent !== 'object' ||
      Array.isArray(inconsistent) ||
      Object.entries(inconsistent).some(
        ([p, why]) => !p.startsWith('/') || typeof why !== 'string' || why.trim() === '',
      ))
  ) {
    return {
      problem: 'inconsistent must map JSON pointers to why the platform payload does not add up there',
      pointer: '/inconsistent',
    };
  }
  return { meta: meta as unknown as FixtureMeta };
}

/** The platform record a fixture's payload holds: at `select` when the meta names one, else what
 * the connector's `recordOf` takes out of it (the whole payload without one). Undefined when
 * `select` points at nothing. */
export function recordInPayload(
  payload: unknown,
  meta: FixtureMeta | undefined,
  recordOf: ((payload: unknown, entity: never) => unknown) | undefined,
  entity: string,
): unknown {
  if (meta?.select) return valueAt(payload, meta.select);
  return recordOf ? recordOf(payload, entity as never) : payload;
}

function valueAt(value: unknown, pointer: string): unknown {
  let current = value;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Per entity, the platform_id of every unified fixture record (see `fixtureRecords`): the
 * records a reference in another fixture can lead to. */
export function fixturePlatformIds(records: Map<string, Record<string, unknown>[]>): Map<string, Set<string>> {
  return new Map(
    [...records].map(([entity, list]) => [
      entity,
      new Set(list.flatMap((r) => (typeof r.platform_id === 'string' ? [r.platform_id] : []))),
    ]),
  );
}

/** The unified records of every fixture case of a connector, by entity (cases whose unified file
 * is null or unreadable left out): what a read mapping's `lookup` resolves codes against. */
export function fixtureRecords(connectorDir: string): Map<string, Record<string, unknown>[]> {
  return new Map(
    fixtureEntities(connectorDir).map((entity) => {
      const records = fixtureCases(connectorDir, entity).flatMap((fixture) => {
        // Read as conformance reads it (a FIFO or a device is never opened for reading); what it
        // cannot read conformance reports on the case itself.
        const read = existsSync(fixture.unified) ? readRegularFile(fixture.unified) : undefined;
        if (!read || !('bytes' in read)) return [];
        try {
          const record: unknown = JSON.parse(read.bytes.toString('utf8'));
          return record !== null && typeof record === 'object' && !Array.isArray(record)
            ? [record as Record<string, unknown>]
            : [];
        } catch {
          return [];
        }
      });
      return [entity, records];
    }),
  );
}

/** A read mapping's context over a connector's fixture records: `lookup` finds the platform_id of
 * the record of an entity whose field has the value (same semantics as the runtime's
 * `recordsContext`, which generated code and the sandbox use). */
export function fixtureContext(records: Map<string, Record<string, unknown>[]>): {
  lookup(entity: string, field: string, value: unknown): string | undefined;
  valueOf(entity: string, platformId: unknown, field: string): unknown;
} {
  return {
    valueOf(entity, platformId, field) {
      if (platformId === undefined || platformId === null || platformId === '') return undefined;
      return (records.get(entity) ?? []).find((record) => record.platform_id === platformId)?.[field];
    },
    lookup(entity, field, value) {
      if (value === undefined || value === null || value === '') return undefined;
      const found = (records.get(entity) ?? []).find(
        (record) => record[field] !== undefined && record[field] !== null && String(record[field]) === String(value),
      );
      return typeof found?.platform_id === 'string' ? found.platform_id : undefined;
    },
  };
}

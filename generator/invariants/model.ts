/**
 * The shapes shared by the invariant kinds (see index.ts for the table and README.md,
 * "Connectors and conformance", for what each kind checks).
 *
 * An invariant is a property every unified record of an entity must have beyond validating
 * against its schema: lines that add up to the totals, allocations that add up to the payment,
 * amounts that are never negative, references that lead somewhere, calendar dates that are not
 * shifted. Conformance checks them on every expected and every mapped record.
 */

/** One way a record breaks an invariant. */
export interface InvariantFinding {
  /** The invariant kind (`lines-sum`, `references`, …). */
  kind: string;
  /** JSON pointer into the record: the value that is wrong (a total, a reference, a date). */
  pointer: string;
  message: string;
  expected: string;
  found: string;
}

/** What a check knows beyond the record itself. */
export interface InvariantContext {
  /** The connector's fixtures: per x-entity, the platform_id of every unified fixture record. */
  fixtureIds: ReadonlyMap<string, ReadonlySet<string>>;
  /** The x-entity names of the accounting entities: the relations `references` follows. */
  accountingEntities: ReadonlySet<string>;
  /** The connector's name, for messages. */
  connector: string;
  /** The case's `external` pointers from its meta file (`*` matches every array element). */
  external: readonly string[];
  /** The platform record the unified record was mapped from, when there is one. */
  raw?: unknown;
  /** The bundled spec document: schemas are looked up in it by `$ref`. */
  document: Record<string, unknown>;
  /** components.schemas name of the record's entity (Invoice). */
  model: string;
}

/**
 * One parameter of a declared invariant, as it is written in `x-invariants`.
 * - `field`: the name of a property; `shape` says what it must hold; `within` names the
 *   parameter whose array's items hold the property (a line's amount is within `lines`).
 * - `fields`: a list of such names.
 * - `terms`: a list of amounts: a number property (`tax_amount`) or a path through an array
 *   to a number property of its items (`assets/*\/value`: the sum over the items).
 * - `subset`: a list of names each of which appears in the listed parameters.
 * - `number`: a literal number.
 */
export type ParamSpec = { optional?: boolean; description: string } & (
  | { type: 'field'; shape: FieldShape; within?: string }
  | { type: 'fields'; shape: FieldShape; within?: string }
  | { type: 'terms' }
  | { type: 'subset'; of: readonly string[] }
  | { type: 'number' }
);

/** What a property must hold: a number, an array of objects, or a string. */
export type FieldShape = 'number' | 'array' | 'string';

/** A declared invariant kind: its parameters (checked by `ledgerspec lint`) and the check. */
export interface DeclaredKind<Declaration> {
  /** One line on what the kind checks, for messages and documentation. */
  summary: string;
  params: { readonly [Param in keyof Declaration]-?: ParamSpec };
  check(declaration: Declaration, record: Record<string, unknown>, context: InvariantContext): InvariantFinding[];
}

/** A kind driven by annotations on the schema's fields rather than by an `x-invariants` entry. */
export interface AnnotatedKind {
  summary: string;
  check(record: Record<string, unknown>, context: InvariantContext): InvariantFinding[];
}

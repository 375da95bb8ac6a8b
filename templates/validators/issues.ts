/** Validation issues: Ajv's error objects turned into one readable shape, keeping the errors that
 * explain a failure and dropping the noise of union branches that never applied. Self-contained
 * (no imports), so ledgerspec copies it verbatim into generated/validators/issues.ts and its own
 * `validate` command uses the very same mapping. */

/** One problem with a value: where, what, and what was expected instead of what was found. */
export interface ValidationIssue {
  /** JSON pointer into the validated value; for a missing or unknown property, that property's. */
  pointer: string;
  message: string;
  /** The JSON Schema keyword that failed (`type`, `required`, `enum`, …). */
  keyword: string;
  /** In words, from the schema: `string or null`, `one of Active, Archived`, `format date-time`. */
  expected: string;
  /** Short JSON of the value found, or `nothing` when it is missing. */
  found: string;
}

/** The part of an Ajv error object this module reads. */
export interface RawError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  propertyName?: string;
}

/** Most errors a validator keeps as objects (`errors`); beyond them it only counts
 * (`errorCount`), so one huge bad value costs linear time and bounded memory. ledgerspec's
 * generator caps the compiled code at this number (generator/validation/linear-errors.ts). */
export const MAX_COLLECTED_ERRORS = 1000;

/** A compiled validator, standalone or runtime. */
export interface Validator {
  (data: unknown): boolean;
  errors?: RawError[] | null;
  /** Every error found by the last call, kept in `errors` or not. */
  errorCount?: number;
}

/** Errors the last call of `validate` found but did not keep (beyond MAX_COLLECTED_ERRORS). */
export function uncollectedErrors(validate: Validator): number {
  return Math.max(0, (validate.errorCount ?? 0) - (validate.errors?.length ?? 0));
}

/** A discriminated union (`oneOf`/`anyOf` with an OpenAPI `discriminator`): `at` is the schema
 * path Ajv reports for the union, `mapping` the validator of each tag value. Used to report the
 * errors of the variant the tag names instead of every variant's. */
export interface Discriminator {
  at: string;
  property: string;
  mapping: Record<string, Validator>;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** Thrown by the assert functions; `issues` says what is wrong and where. */
export class ValidationError extends Error {
  readonly issues: ValidationIssue[];
  constructor(model: string, issues: ValidationIssue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(
      `not a valid ${model}${first ? `: ${first.pointer || '/'} ${first.message} (expected ${first.expected}, found ${first.found})${more}` : ''}`,
    );
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

export function validateWith<T>(
  validate: Validator,
  value: unknown,
  discriminators: readonly Discriminator[] = [],
): ValidationResult<T> {
  if (validate(value)) return { ok: true, value: value as T };
  return { ok: false, issues: toIssues(validate.errors ?? [], value, discriminators) };
}

export function assertValid(
  validate: Validator,
  value: unknown,
  model: string,
  discriminators: readonly Discriminator[] = [],
): void {
  if (!validate(value)) throw new ValidationError(model, toIssues(validate.errors ?? [], value, discriminators));
}

/** Ajv errors (from a validator run on `data`) → the issues worth showing, in Ajv's order. */
export function toIssues(
  errors: readonly RawError[],
  data: unknown,
  discriminators: readonly Discriminator[] = [],
): ValidationIssue[] {
  const kept = simplify(refine(errors, data, discriminators));
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const { error, values } of kept) {
    const issue = describe(error, values, data);
    const key = `${issue.pointer}\u0000${issue.keyword}\u0000${issue.expected}`;
    if (!seen.has(key)) issues.push(issue);
    seen.add(key);
  }
  return issues;
}

const UNIONS = new Set(['anyOf', 'oneOf']);
const COMBINATORS = new Set(['anyOf', 'oneOf', 'if', 'not', 'contains', 'propertyNames']);

const under = (path: string, base: string): boolean => path === base || path.startsWith(`${base}/`);

/** Replaces the errors of every variant of a discriminated union by those of the variant its tag
 * names (or by one error on the tag when it names none). */
function refine(errors: readonly RawError[], data: unknown, discriminators: readonly Discriminator[]): RawError[] {
  if (discriminators.length === 0) return [...errors];
  const out: RawError[] = [];
  for (const error of errors) {
    const candidates = UNIONS.has(error.keyword) ? discriminators.filter((d) => d.at === error.schemaPath) : [];
    const value = valueAt(data, error.instancePath);
    if (candidates.length === 0 || !isRecord(value)) {
      out.push(error);
      continue;
    }
    const tag = (d: Discriminator): unknown => value[d.property];
    const chosen =
      candidates.find((d) => typeof tag(d) === 'string' && Object.hasOwn(d.mapping, String(tag(d)))) ?? candidates[0];
    if (!chosen) continue;
    while (out.length > 0 && under(out[out.length - 1]?.instancePath ?? '', error.instancePath)) out.pop();
    const tagValue = tag(chosen);
    const variant =
      typeof tagValue === 'string' && Object.hasOwn(chosen.mapping, tagValue) ? chosen.mapping[tagValue] : undefined;
    if (!variant) {
      const allowedValues = Object.keys(chosen.mapping);
      out.push({
        instancePath: `${error.instancePath}/${escapeToken(chosen.property)}`,
        schemaPath: error.schemaPath,
        keyword: 'discriminator',
        params: { allowedValues },
      });
      continue;
    }
    if (variant(value)) {
      out.push(error);
      continue;
    }
    const nested = (variant.errors ?? []).map((e) => ({ ...e, instancePath: error.instancePath + e.instancePath }));
    out.push(...refine(nested, data, discriminators));
  }
  return out;
}

interface Kept {
  error: RawError;
  /** For merged type/enum/const errors: every allowed type or value. */
  values?: unknown[];
}

/** Drops union noise: a union's own error when a branch error explains it, and "wrong type"
 * errors of branches whose type did not apply when another branch got further. Merges what is
 * left of the same kind at the same place ("must be object" + "must be null" → object or null).
 * Linear in the number of errors: which places have an error at or below them is recorded once
 * up front, not searched for each error, so a body with thousands of bad items costs thousands
 * of steps, not millions. */
function simplify(errors: RawError[]): Kept[] {
  const atOrBelow = new Subtrees();
  const atOrBelowNotType = new Subtrees();
  const strictlyBelow = new Subtrees();
  for (const error of errors) {
    strictlyBelow.addAbove(error.instancePath);
    if (COMBINATORS.has(error.keyword)) continue;
    atOrBelow.add(error.instancePath);
    if (error.keyword !== 'type') atOrBelowNotType.add(error.instancePath);
  }
  // A combinator error is recorded only in strictlyBelow, and a type error not in
  // atOrBelowNotType, so each test below finds errors other than the one tested.
  const explained = (error: RawError): boolean => atOrBelow.has(error.instancePath);
  const deeperOrOther = (error: RawError): boolean =>
    atOrBelowNotType.has(error.instancePath) || strictlyBelow.has(error.instancePath);
  const kept: Kept[] = [];
  const merged = new Map<string, Kept>();
  for (const error of errors) {
    if (
      COMBINATORS.has(error.keyword) &&
      explained(error) &&
      !(error.keyword === 'oneOf' && Array.isArray(error.params.passingSchemas))
    )
      continue;
    if (error.keyword === 'type' && deeperOrOther(error)) continue;
    const mergeable = error.keyword === 'type' || error.keyword === 'enum' || error.keyword === 'const';
    if (!mergeable) {
      kept.push({ error });
      continue;
    }
    const key = `${error.instancePath}\u0000${error.keyword === 'type' ? 'type' : 'enum'}`;
    const values = allowed(error);
    const existing = merged.get(key);
    if (existing) {
      for (const v of values) if (!existing.values?.some((e) => same(e, v))) existing.values?.push(v);
      continue;
    }
    const entry: Kept = { error, values };
    merged.set(key, entry);
    kept.push(entry);
  }
  return kept;
}

/** The JSON pointers with a recorded error at or below them: `add('/a/b')` records '', '/a' and
 * '/a/b'; `addAbove('/a/b')` only '' and '/a'. A recorded pointer has all its ancestors recorded,
 * so recording stops at the first ancestor already there: errors side by side cost one step each. */
class Subtrees {
  private readonly pointers = new Set<string>();
  add(pointer: string): void {
    if (this.pointers.has(pointer)) return;
    this.pointers.add(pointer);
    this.addAbove(pointer);
  }
  addAbove(pointer: string): void {
    for (
      let slash = pointer.lastIndexOf('/');
      slash >= 0;
      slash = slash === 0 ? -1 : pointer.lastIndexOf('/', slash - 1)
    ) {
      const ancestor = pointer.slice(0, slash);
      if (this.pointers.has(ancestor)) return;
      this.pointers.add(ancestor);
    }
  }
  has(pointer: string): boolean {
    return this.pointers.has(pointer);
  }
}

function allowed(error: RawError): unknown[] {
  const p = error.params;
  if (error.keyword === 'type') return (Array.isArray(p.type) ? p.type : String(p.type).split(',')).map(String);
  if (error.keyword === 'const') return [p.allowedValue];
  return Array.isArray(p.allowedValues) ? [...p.allowedValues] : [];
}

function describe(error: RawError, values: unknown[] | undefined, data: unknown): ValidationIssue {
  const p = error.params;
  const at = (name: unknown) => `${error.instancePath}/${escapeToken(String(name))}`;
  const issue = (message: string, expected: string, pointer = error.instancePath): ValidationIssue => ({
    pointer,
    message,
    keyword: error.keyword,
    expected,
    found: shortJson(valueAt(data, pointer)),
  });
  const n = (key: string) => String(p[key]);
  switch (error.keyword) {
    case 'type':
      return issue('wrong type', words((values ?? []).map(String)));
    case 'enum':
    case 'const': {
      const list = (values ?? []).map(literal);
      return issue('not an allowed value', list.length === 1 ? String(list[0]) : `one of ${list.join(', ')}`);
    }
    case 'discriminator': {
      const expected = `one of ${(values ?? allowed(error)).map(literal).join(', ')}`;
      return issue(
        valueAt(data, error.instancePath) === undefined ? 'variant tag is missing' : 'unknown variant',
        expected,
      );
    }
    case 'format':
      return issue(`not a valid ${n('format')}`, `format ${n('format')}`);
    case 'required':
      return issue(
        'required property is missing',
        `property ${JSON.stringify(p.missingProperty)}`,
        at(p.missingProperty),
      );
    case 'dependentRequired':
      return issue(
        'required property is missing',
        `property ${JSON.stringify(p.missingProperty)} (required with ${JSON.stringify(p.property)})`,
        at(p.missingProperty),
      );
    case 'additionalProperties':
      return issue('unknown property', `no property ${JSON.stringify(p.additionalProperty)}`, at(p.additionalProperty));
    case 'unevaluatedProperties':
      return issue(
        'unknown property',
        `no property ${JSON.stringify(p.unevaluatedProperty)}`,
        at(p.unevaluatedProperty),
      );
    case 'minLength':
      return issue('too short', `at least ${n('limit')} character(s)`);
    case 'maxLength':
      return issue('too long', `at most ${n('limit')} character(s)`);
    case 'minimum':
    case 'exclusiveMinimum':
      return issue('too small', `a number ${n('comparison')} ${n('limit')}`);
    case 'maximum':
    case 'exclusiveMaximum':
      return issue('too large', `a number ${n('comparison')} ${n('limit')}`);
    case 'multipleOf':
      return issue('not a multiple', `a multiple of ${n('multipleOf')}`);
    case 'pattern':
      return issue('does not match the pattern', `text matching /${n('pattern')}/`);
    case 'minItems':
      return issue('too few items', `at least ${n('limit')} item(s)`);
    case 'maxItems':
      return issue('too many items', `at most ${n('limit')} item(s)`);
    case 'uniqueItems':
      return issue('duplicate items', `unique items (items ${n('j')} and ${n('i')} are equal)`);
    case 'minProperties':
      return issue('too few properties', `at least ${n('limit')} propert(ies)`);
    case 'maxProperties':
      return issue('too many properties', `at most ${n('limit')} propert(ies)`);
    case 'oneOf':
      return Array.isArray(p.passingSchemas)
        ? issue('matches more than one variant', `exactly one variant (matches ${p.passingSchemas.join(' and ')})`)
        : issue('matches no variant', 'a value matching one variant');
    case 'anyOf':
      return issue('matches no variant', 'a value matching at least one variant');
    case 'not':
      return issue('matches an excluded schema', 'a value not matching it');
    case 'false schema':
      return issue('not allowed here', 'nothing');
    default:
      if (error.propertyName !== undefined)
        return issue(
          'property name not allowed',
          `a valid property name (${error.message ?? error.keyword})`,
          at(error.propertyName),
        );
      return issue(error.message ?? `fails ${error.keyword}`, `${error.keyword} ${JSON.stringify(p)}`);
  }
}

function words(list: string[]): string {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

/** Enum values as written in the spec: strings bare, anything else as JSON. */
function literal(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** At most `max` characters of the value's JSON, built only as far as needed: a huge or deeply
 * nested value costs `max` steps, not its size. Numbers JSON cannot hold (1e400 parses to
 * Infinity) are shown as what they are, not as JSON's `null`. */
export function shortJson(value: unknown, max = 60): string {
  if (value === undefined) return 'nothing';
  const out = { text: '', full: false };
  writeJson(value, out, max);
  return out.full ? `${out.text.slice(0, max - 1)}…` : out.text;
}

function writeJson(value: unknown, out: { text: string; full: boolean }, max: number): void {
  const put = (text: string): boolean => {
    out.text += text;
    if (out.text.length > max) out.full = true;
    return !out.full;
  };
  if (value === null || typeof value === 'boolean') return void put(String(value));
  if (typeof value === 'number') return void put(Number.isFinite(value) ? JSON.stringify(value) : String(value));
  if (typeof value === 'string') return void put(JSON.stringify(value.length > max ? value.slice(0, max) : value));
  if (typeof value !== 'object') return void put(JSON.stringify(value) ?? String(value));
  const array = Array.isArray(value);
  if (!put(array ? '[' : '{')) return;
  let first = true;
  for (const key of array ? value.keys() : Object.keys(value)) {
    const item = (value as Record<string | number, unknown>)[key];
    if (!array && item === undefined) continue;
    if (!first && !put(',')) return;
    first = false;
    if (!array && !put(`${JSON.stringify(key)}:`)) return;
    writeJson(item === undefined ? null : item, out, max);
    if (out.full) return;
  }
  put(array ? ']' : '}');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The value at a JSON pointer, or undefined when the path does not exist. */
export function valueAt(data: unknown, pointer: string): unknown {
  if (pointer === '') return data;
  let current: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^(0|[1-9]\d*)$/.test(token)) current = current[Number(token)];
    else if (isRecord(current) && Object.hasOwn(current, token)) current = current[token];
    else return undefined;
  }
  return current;
}

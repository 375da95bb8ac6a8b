/** Query string decoding by each parameter's declared style, before validation: `form` arrays
 * with explode false are comma lists (`sort=-amount,updated_at`), `deepObject` parameters become
 * nested objects (`filter[amount][gt]=10`, `in` taking a comma list), numbers and booleans are
 * coerced from strings when they read as such (otherwise left for the validator to report).
 * Undeclared parameters are kept as they are, so validation reports them. Copied verbatim. */
import { ServerError } from './errors.js';
import type { QueryParamSpec } from './types.js';

/** Keys that would reach Object.prototype through a plain object. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const BRACKETS = /^([^[\]]+)((?:\[[^[\]]*\])+)$/;

export function decodeQuery(rawUrl: string, params: readonly QueryParamSpec[]): Record<string, unknown> {
  const at = rawUrl.indexOf('?');
  const search = new URLSearchParams(at < 0 ? '' : rawUrl.slice(at + 1));
  const specs = specsByName(params);
  const out: Record<string, unknown> = {};
  for (const [key, value] of search) {
    const bracket = BRACKETS.exec(key);
    const name = bracket ? (bracket[1] as string) : key;
    const path = bracket ? (bracket[2] as string).slice(1, -1).split('][') : [];
    for (const part of [name, ...path]) if (FORBIDDEN.has(part)) throw forbidden(key);
    const spec = specs.get(name);
    if (path.length > 0) setDeep(out, name, path, spec?.style === 'deepObject' ? deepValue(spec, path, value) : value);
    else add(out, name, spec ? formValue(spec, value) : value);
  }
  return out;
}

const byName = new WeakMap<readonly QueryParamSpec[], Map<string, QueryParamSpec>>();

/** The route's parameters by name, made once per route table row. */
function specsByName(params: readonly QueryParamSpec[]): Map<string, QueryParamSpec> {
  let specs = byName.get(params);
  if (!specs) byName.set(params, (specs = new Map(params.map((p) => [p.name, p]))));
  return specs;
}

function forbidden(key: string): ServerError {
  return new ServerError('invalid-params', `Query parameter ${JSON.stringify(key)} is not allowed.`, {
    details: [{ pointer: `/query/${key}`, message: 'reserved key' }],
  });
}

/** A repeated plain parameter collects its values; for an exploded array that is the array. */
function add(out: Record<string, unknown>, name: string, value: unknown): void {
  if (!Object.hasOwn(out, name)) out[name] = value;
  else if (Array.isArray(out[name])) (out[name] as unknown[]).push(...(Array.isArray(value) ? value : [value]));
  else out[name] = [out[name], ...(Array.isArray(value) ? value : [value])];
}

function setDeep(out: Record<string, unknown>, name: string, path: string[], value: unknown): void {
  let node = out;
  const keys = [name, ...path];
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === undefined) node[key] = {};
    // A clash (`filter=x&filter[a][eq]=1`): keep the first, the validator reports its type.
    else if (typeof next !== 'object' || next === null || Array.isArray(next)) return;
    node = node[key] as Record<string, unknown>;
  }
  add(node, keys[keys.length - 1] as string, value);
}

function formValue(spec: QueryParamSpec, value: string): unknown {
  if (spec.type === 'array') {
    const items = spec.explode ? [value] : value === '' ? [] : value.split(',');
    return items.map((item) => coerce(spec.items ?? 'string', item));
  }
  return coerce(spec.type, value);
}

function deepValue(spec: QueryParamSpec, path: string[], value: string): unknown {
  const [field, op] = path;
  const type = path.length === 2 && field !== undefined && op !== undefined ? spec.fields?.[field]?.[op] : undefined;
  if (type === undefined) return value;
  if (type.endsWith('[]')) return value === '' ? [] : value.split(',').map((item) => coerce(type.slice(0, -2), item));
  return coerce(type, value);
}

/** A string as the declared scalar when it reads as one; as it was otherwise. */
function coerce(type: string, value: string): unknown {
  if ((type === 'number' || type === 'integer') && /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value))
    return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

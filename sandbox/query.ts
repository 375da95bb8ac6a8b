/** Filters, sort, expand and select over stored records, driven by the entity metadata. */
import type { EntityMeta, FieldMeta } from '../generated/server/types.ts';
import type { Rec } from './spec-data.ts';

type Conditions = Record<string, Record<string, unknown>>;

/** Records for which every `filter[field][op]` holds. */
export function applyFilter(meta: EntityMeta, records: Rec[], filter: Conditions | undefined): Rec[] {
  if (!filter) return records;
  const checks = Object.entries(filter).flatMap(([field, ops]) =>
    Object.entries(ops).map(([op, operand]) => ({ field, op, operand })),
  );
  return records.filter((r) =>
    checks.every(({ field, op, operand }) => holds(meta.fields[field], r[field], op, operand)),
  );
}

function holds(field: FieldMeta | undefined, value: unknown, op: string, operand: unknown): boolean {
  const time = field?.scalar === 'date-time';
  const norm = (v: unknown) => (time && typeof v === 'string' ? Date.parse(v) : v);
  const a = norm(value);
  switch (op) {
    case 'eq':
      return a === norm(operand);
    case 'ne':
      return a !== norm(operand);
    case 'in':
      return Array.isArray(operand) && operand.map(norm).includes(a);
    case 'contains':
      return (
        typeof value === 'string' && typeof operand === 'string' && value.toLowerCase().includes(operand.toLowerCase())
      );
    default: {
      const b = norm(operand);
      if (a === null || a === undefined || typeof a !== typeof b) return false;
      const x = a as number;
      const y = b as number;
      return op === 'gt' ? x > y : op === 'gte' ? x >= y : op === 'lt' ? x < y : op === 'lte' ? x <= y : false;
    }
  }
}

/** Sorted by each `field` / `-field` in turn, nulls last, then by key so pages are stable. */
export function applySort(meta: EntityMeta, records: Rec[], sort: readonly string[] | undefined): Rec[] {
  const keys = [
    ...(sort ?? []).map((s) => (s.startsWith('-') ? { field: s.slice(1), dir: -1 } : { field: s, dir: 1 })),
    { field: meta.idField, dir: 1 },
  ];
  return [...records].sort((p, q) => {
    for (const { field, dir } of keys) {
      const c = compare(meta.fields[field], p[field], q[field]);
      if (c !== 0) return field === meta.idField && dir === 1 ? c : c * dir;
    }
    return 0;
  });
}

const missing = (v: unknown) => v === null || v === undefined;

function compare(field: FieldMeta | undefined, a: unknown, b: unknown): number {
  if (missing(a) || missing(b)) return missing(a) === missing(b) ? 0 : missing(a) ? 1 : -1;
  const x = field?.scalar === 'date-time' ? Date.parse(String(a)) : a;
  const y = field?.scalar === 'date-time' ? Date.parse(String(b)) : b;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
}

/** A copy of the record as a response shows it: expanded relations embedded as `{ data }` (null
 * when the ID is null or unknown), raw_data only when selected, write-only fields never. */
export function present(
  meta: EntityMeta,
  record: Rec,
  expand: readonly string[],
  select: readonly string[],
  lookup: (entity: string, id: string) => Rec | undefined,
): Rec {
  // Built key by key rather than copied and `delete`d: deleting makes V8 objects slow to serialize.
  const hidden = hiddenFields(meta);
  const withRaw = select.includes('raw_data');
  const out: Rec = {};
  for (const key in record) if (!hidden.has(key) && (withRaw || key !== 'raw_data')) out[key] = record[key];
  for (const name of expand) {
    const relation = meta.relations.find((r) => r.expand === name);
    if (!relation) continue;
    const value = record[relation.field];
    if (relation.many) {
      const ids = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
      out[name] = { data: ids.map((id) => lookup(relation.entity, id)).filter((r): r is Rec => r !== undefined) };
    } else {
      const found = typeof value === 'string' ? lookup(relation.entity, value) : undefined;
      out[name] = found ? { data: found } : null;
    }
  }
  return out;
}

const hiddenCache = new WeakMap<EntityMeta, Set<string>>();

/** Fields never shown: write-only ones. */
function hiddenFields(meta: EntityMeta): Set<string> {
  let hidden = hiddenCache.get(meta);
  if (!hidden) {
    hidden = new Set(
      Object.entries(meta.fields)
        .filter(([, f]) => f.writeOnly)
        .map(([name]) => name),
    );
    hiddenCache.set(meta, hidden);
  }
  return hidden;
}

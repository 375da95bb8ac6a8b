import { levelFor, report, schemaRuleId, type DiffContext, type SchemaScope } from '../context.ts';
import type { JsonObject } from '../../source/schema-walk.ts';
import { viewOf, type SchemaNode, type SchemaView } from '../schema-view.ts';
import { compareConstraints } from './constraints.ts';
import { compareEnums } from './enums.ts';
import { compareProperties } from './properties.ts';
import { compareVariants } from './variants.ts';

/** Deep enough for any real model; stops a pathological spec from recursing forever. */
const MAX_DEPTH = 64;

/** Compares the schema at `base` with the one at `head`, in the direction and operation of
 * `scope`: nullability at the place of use, then (once per pair of locations, so recursive
 * models end) types, enums, constraints, properties, items and oneOf/anyOf branches. */
export function compareSchemas(ctx: DiffContext, scope: SchemaScope, base: SchemaNode, head: SchemaNode): void {
  const b = viewOf(ctx.base, base);
  const h = viewOf(ctx.head, head);
  compareNullability(ctx, scope, b, h);
  compareDeprecation(ctx, scope, b, h);
  const key = `${scope.direction}|${b.at}|${h.at}`;
  if (scope.seen.has(key) || scope.depth > MAX_DEPTH) return;
  scope.seen.add(key);
  if (!compareTypes(ctx, scope, b, h)) return;
  compareEnums(ctx, scope, b, h);
  compareConstraints(ctx, scope, b, h);
  compareProperties(ctx, scope, b, h);
  // An array's items are its values: a parameter's stay `parameter`, a body's stay `body`.
  if (b.items && h.items) ctx.compare({ ...scope, depth: scope.depth + 1 }, b.items, h.items);
  compareVariants(ctx, scope, b, h);
}

/** A response value that may now be null breaks code that reads it; a request value that may
 * no longer be null breaks code that sends null. The other way round is a relaxation. */
function compareNullability(ctx: DiffContext, scope: SchemaScope, b: SchemaView, h: SchemaView): void {
  if (b.nullable === h.nullable) return;
  const what = h.nullable ? 'became-nullable' : 'became-not-nullable';
  const hurts = scope.direction === 'response' ? h.nullable : !h.nullable;
  report(ctx, scope, {
    id: schemaRuleId(scope, what),
    level: hurts ? 'breaking' : 'non-breaking',
    message: h.nullable
      ? `may now be null${scope.direction === 'response' ? ' (the SDK type gains `| null`)' : ''}`
      : `may no longer be null${scope.direction === 'request' ? ' (sending null is rejected)' : ''}`,
    pointer: h.site,
    side: 'head',
  });
}

function compareDeprecation(ctx: DiffContext, scope: SchemaScope, b: SchemaView, h: SchemaView): void {
  if (b.deprecated || !h.deprecated) return;
  report(ctx, scope, {
    id: schemaRuleId(scope, 'deprecated'),
    level: 'non-breaking',
    message: 'is now deprecated',
    pointer: h.site,
    side: 'head',
  });
}

/** Reports a type change; returns false when the types have nothing in common, so comparing
 * their insides would only repeat the same news as a list of removed fields. */
function compareTypes(ctx: DiffContext, scope: SchemaScope, b: SchemaView, h: SchemaView): boolean {
  // Two unions are compared branch by branch (variants.ts); only a plain schema that became a
  // union, or the reverse, is a type change.
  const unions = Boolean(b.variants && h.variants);
  const before = unions ? b.types : effectiveTypes(ctx.base, b);
  const after = unions ? h.types : effectiveTypes(ctx.head, h);
  if (sameTypes(before, after)) return true;
  const widened = after === undefined || (before !== undefined && before.every((t) => admits(after, t)));
  const narrowed = before === undefined || (after !== undefined && after.every((t) => admits(before, t)));
  const name = (types: string[] | undefined) => (types === undefined ? 'any type' : types.join(' | '));
  const message = `type changed from ${name(before)} to ${name(after)}`;
  const pointer = `${h.at}/type`;
  if (widened)
    report(ctx, scope, {
      id: schemaRuleId(scope, 'type-widened'),
      level: levelFor(scope, { request: 'non-breaking', response: 'breaking' }),
      message: `${message} (widened)`,
      pointer,
      side: 'head',
    });
  else if (narrowed)
    report(ctx, scope, {
      id: schemaRuleId(scope, 'type-narrowed'),
      level: levelFor(scope, { request: 'breaking', response: 'non-breaking' }),
      message: `${message} (narrowed)`,
      pointer,
      side: 'head',
    });
  else
    report(ctx, scope, { id: schemaRuleId(scope, 'type-changed'), level: 'breaking', message, pointer, side: 'head' });
  return widened || narrowed;
}

/** The declared types, or for a oneOf/anyOf without its own `type` the union of its branches'. */
export function effectiveTypes(document: JsonObject, view: SchemaView): string[] | undefined {
  if (view.types) return view.types;
  if (!view.variants) return undefined;
  const branches = view.variants.members.map((m) => effectiveTypes(document, viewOf(document, m)));
  if (branches.some((t) => t === undefined)) return undefined;
  return [...new Set(branches.flat() as string[])].sort();
}

/** integer is a number: a type list admits integer when it admits number. */
function admits(types: string[], type: string): boolean {
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

function sameTypes(a: string[] | undefined, b: string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.every((t) => admits(b, t)) && b.every((t) => admits(a, t));
}

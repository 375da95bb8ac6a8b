import { describeValue, levelFor, report, schemaRuleId, type DiffContext, type SchemaScope } from '../context.ts';
import pointer from 'json-pointer';
import type { JsonObject } from '../../source/schema-walk.ts';
import type { SchemaView } from '../schema-view.ts';

/** Enum values are a set: reordering them is no change. A value removed from a request enum
 * breaks callers that send it; one removed from a response enum only leaves dead branches in
 * code that handled it (potentially breaking). A value added to a response enum reaches code
 * with an exhaustive switch that has no branch for it (potentially breaking); added to a request
 * enum it is a new option (non-breaking). Gaining an enum narrows a request and loses one widens
 * a response (the SDK type goes from a union to plain string). `null` is nullability, reported
 * by the schema rules. */
export function compareEnums(ctx: DiffContext, scope: SchemaScope, b: SchemaView, h: SchemaView): void {
  if (!b.enum && !h.enum) return;
  if (!b.enum && h.enum) {
    report(ctx, scope, {
      id: schemaRuleId(scope, 'became-enum'),
      level: levelFor(scope, { request: 'breaking', response: 'non-breaking' }),
      message: `now limited to ${h.enum.map(describeValue).join(', ')}`,
      pointer: `${h.at}/enum`,
      side: 'head',
    });
    return;
  }
  if (b.enum && !h.enum) {
    report(ctx, scope, {
      id: schemaRuleId(scope, 'enum-dropped'),
      level: levelFor(scope, { request: 'non-breaking', response: 'breaking' }),
      message: `no longer limited to ${b.enum.map(describeValue).join(', ')}`,
      pointer: `${b.at}/enum`,
      side: 'base',
    });
    return;
  }
  const before = b.enum ?? [];
  const after = h.enum ?? [];
  const keys = (values: unknown[]) => new Set(values.map(describeValue));
  const [had, has] = [keys(before), keys(after)];
  for (const value of before) {
    if (has.has(describeValue(value))) continue;
    report(ctx, scope, {
      id: schemaRuleId(scope, 'enum-value-removed'),
      level: levelFor(scope, { request: 'breaking', response: 'potentially-breaking' }),
      message: `enum value ${describeValue(value)} removed`,
      pointer: valuePointer(ctx.base, b, value),
      side: 'base',
    });
  }
  for (const value of after) {
    if (had.has(describeValue(value))) continue;
    report(ctx, scope, {
      id: schemaRuleId(scope, 'enum-value-added'),
      level: levelFor(scope, { request: 'non-breaking', response: 'potentially-breaking' }),
      message: `enum value ${describeValue(value)} added`,
      pointer: valuePointer(ctx.head, h, value),
      side: 'head',
    });
  }
}

/** Pointer to the value in the enum array as written (null included), so an acknowledgement
 * names one value; the enum itself when the value came from elsewhere (a const, an allOf part). */
function valuePointer(document: JsonObject, view: SchemaView, value: unknown): string {
  const at = `${view.at}/enum`;
  const raw = pointer.has(document, at) ? pointer.get(document, at) : undefined;
  const index = Array.isArray(raw) ? raw.findIndex((v) => describeValue(v) === describeValue(value)) : -1;
  return index < 0 ? at : `${at}/${index}`;
}

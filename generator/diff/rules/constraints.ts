import { isDeepStrictEqual } from 'node:util';
import { describeValue, levelFor, report, schemaRuleId, type DiffContext, type SchemaScope } from '../context.ts';
import { LOWER_BOUNDS, OTHER_CONSTRAINTS, UPPER_BOUNDS, type SchemaView } from '../schema-view.ts';

type Movement = { keyword: string; tightened: boolean; message: string; side: 'base' | 'head' };

/** Validation keywords do not change SDK types, but they change what the server accepts and
 * what it may send. A tighter request constraint rejects calls that used to pass (breaking); a
 * looser response constraint sends values old code never had to handle (potentially breaking,
 * as oasdiff rates it). The mirror images are relaxations. Then format and default. */
export function compareConstraints(ctx: DiffContext, scope: SchemaScope, b: SchemaView, h: SchemaView): void {
  for (const m of movements(b, h)) {
    const hurts = scope.direction === 'request' ? m.tightened : !m.tightened;
    report(ctx, scope, {
      id: schemaRuleId(scope, m.tightened ? 'constraint-tightened' : 'constraint-loosened'),
      level: hurts ? (scope.direction === 'request' ? 'breaking' : 'potentially-breaking') : 'non-breaking',
      message: m.message,
      pointer: `${m.side === 'head' ? h.at : b.at}/${m.keyword}`,
      side: m.side,
    });
  }
  compareFormat(ctx, scope, b, h);
  compareDefault(ctx, scope, b, h);
}

function movements(b: SchemaView, h: SchemaView): Movement[] {
  const found: Movement[] = [];
  const bound = (keyword: string, upper: boolean) => {
    const [was, is] = [b.constraints[keyword], h.constraints[keyword]];
    if (typeof was !== 'number' && typeof is !== 'number') return;
    if (typeof was === 'number' && typeof is === 'number') {
      if (was === is) return;
      found.push({
        keyword,
        tightened: upper ? is < was : is > was,
        message: `${keyword} ${is > was ? 'increased' : 'decreased'} from ${was} to ${is}`,
        side: 'head',
      });
    } else if (typeof is === 'number')
      found.push({ keyword, tightened: true, message: `${keyword} ${is} set`, side: 'head' });
    else found.push({ keyword, tightened: false, message: `${keyword} ${String(was)} removed`, side: 'base' });
  };
  for (const keyword of UPPER_BOUNDS) bound(keyword, true);
  for (const keyword of LOWER_BOUNDS) bound(keyword, false);
  // Unordered: any new or different value may reject what passed before.
  for (const keyword of OTHER_CONSTRAINTS) {
    const [was, is] = [b.constraints[keyword], h.constraints[keyword]];
    if (isDeepStrictEqual(was, is)) continue;
    if (is === undefined)
      found.push({ keyword, tightened: false, message: `${keyword} ${describeValue(was)} removed`, side: 'base' });
    else
      found.push({
        keyword,
        tightened: true,
        message:
          was === undefined
            ? `${keyword} ${describeValue(is)} set`
            : `${keyword} changed from ${describeValue(was)} to ${describeValue(is)}`,
        side: 'head',
      });
  }
  if (b.additionalProperties !== h.additionalProperties) {
    found.push(
      h.additionalProperties
        ? {
            keyword: 'additionalProperties',
            tightened: false,
            message: 'now allows fields the spec does not list',
            side: 'head',
          }
        : {
            keyword: 'additionalProperties',
            tightened: true,
            message: 'no longer allows fields the spec does not list',
            side: 'head',
          },
    );
  }
  return found;
}

/** A new or different format in a request rejects values that passed (`date` → `date-time`);
 * in a response it changes what code parsing the value gets. */
function compareFormat(ctx: DiffContext, scope: SchemaScope, b: SchemaView, h: SchemaView): void {
  if (b.format === h.format) return;
  const pointer = h.format === undefined ? `${b.at}/format` : `${h.at}/format`;
  const side = h.format === undefined ? 'base' : 'head';
  const message =
    b.format === undefined
      ? `format ${h.format} set`
      : h.format === undefined
        ? `format ${b.format} removed`
        : `format changed from ${b.format} to ${h.format}`;
  const id = schemaRuleId(
    scope,
    b.format === undefined ? 'format-added' : h.format === undefined ? 'format-removed' : 'format-changed',
  );
  const level =
    b.format === undefined
      ? levelFor(scope, { request: 'breaking', response: 'non-breaking' })
      : h.format === undefined
        ? levelFor(scope, { request: 'non-breaking', response: 'potentially-breaking' })
        : levelFor(scope, { request: 'breaking', response: 'potentially-breaking' });
  report(ctx, scope, { id, level, message, pointer, side });
}

/** A default is behaviour: in a request it is what the server assumes when the SDK leaves the
 * value out, so changing it changes what existing calls do. */
function compareDefault(ctx: DiffContext, scope: SchemaScope, b: SchemaView, h: SchemaView): void {
  if (b.hasDefault === h.hasDefault && isDeepStrictEqual(b.default, h.default)) return;
  const message = !b.hasDefault
    ? `default ${describeValue(h.default)} set`
    : !h.hasDefault
      ? `default ${describeValue(b.default)} removed`
      : `default changed from ${describeValue(b.default)} to ${describeValue(h.default)}`;
  const side = h.hasDefault ? 'head' : 'base';
  report(ctx, scope, {
    id: schemaRuleId(scope, 'default-changed'),
    level: 'potentially-breaking',
    message,
    pointer: `${side === 'head' ? h.at : b.at}/default`,
    side,
  });
}

import { levelFor, report, schemaRuleId, type DiffContext, type SchemaScope } from '../context.ts';
import { sortKeys } from '../../pipeline/normalize.ts';
import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import { viewOf, type SchemaNode, type SchemaView } from '../schema-view.ts';

/** oneOf/anyOf branches, matched by the model they name (or, inline, by their content without
 * documentation). A branch added to a response widens the SDK's union type: code that narrows
 * it exhaustively no longer compiles or misses a case (breaking). A branch removed from a
 * request rejects calls that used it (breaking). The mirror images are non-breaking. Matched
 * branches are compared in turn. (A plain schema that becomes a union, or the reverse, shows as
 * a type change.) */
export function compareVariants(ctx: DiffContext, scope: SchemaScope, b: SchemaView, h: SchemaView): void {
  if (!b.variants || !h.variants) return;
  const before = keyed(ctx.base, b.variants.members);
  const after = keyed(ctx.head, h.variants.members);
  const keyword = h.variants.keyword;
  for (const [key, node] of before) {
    const kept = after.get(key);
    if (kept) ctx.compare(scope, node, kept);
    else
      report(ctx, scope, {
        id: schemaRuleId(scope, 'variant-removed'),
        level: levelFor(scope, { request: 'breaking', response: 'non-breaking' }),
        message: `${b.variants.keyword} branch ${label(key)} removed`,
        pointer: node.pointer,
        side: 'base',
      });
  }
  for (const [key, node] of after) {
    if (before.has(key)) continue;
    report(ctx, scope, {
      id: schemaRuleId(scope, 'variant-added'),
      level: levelFor(scope, { request: 'non-breaking', response: 'breaking' }),
      message: `${keyword} branch ${label(key)} added`,
      pointer: node.pointer,
      side: 'head',
    });
  }
}

function keyed(document: JsonObject, members: SchemaNode[]): Map<string, SchemaNode> {
  return new Map(
    members.map((m) => {
      const view: SchemaView = viewOf(document, m);
      return [
        view.component ? `model ${view.component}` : `inline ${JSON.stringify(sortKeys(withoutDocs(m.schema)))}`,
        m,
      ];
    }),
  );
}

function label(key: string): string {
  return key.startsWith('model ') ? key.slice('model '.length) : key.slice('inline '.length);
}

const DOC_KEYS = new Set(['description', 'title', 'examples', 'example', '$comment']);

function withoutDocs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDocs);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !DOC_KEYS.has(k))
      .map(([k, v]) => [k, withoutDocs(v)]),
  );
}

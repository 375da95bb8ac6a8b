import { scalarKind, topLevelProperties } from '../../source/entities.ts';
import { isObject } from '../../source/schema-walk.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import type { LintContext, OperationSite } from '../context.ts';
import { operationKind, parseResourceUrl } from '../../source/resource-url.ts';
import { findParameter } from '../operation-parameters.ts';
import type { LintRule } from '../rule.ts';

/** The list parameters restate the schema's flags for tools that only read parameters; this
 * keeps the two from drifting apart. */
export const listQueryMatchesSchema: LintRule = {
  code: 'list-query-matches-schema',
  description:
    "A list operation's sort, filter and expand parameters offer exactly the entity's x-sortable, x-filterable and x-expands fields.",
  check: (ctx) => ctx.operations.filter((op) => operationKind(op) === 'list').flatMap((op) => checkList(ctx, op)),
};

function checkList(ctx: LintContext, op: OperationSite): Diagnostic[] {
  const url = parseResourceUrl(op.url);
  const entity = ctx.entities.find((e) => e.entity === url?.entity && e.area === url?.area);
  if (!entity) return [];
  const props = topLevelProperties(entity.doc);
  // Broken flags (on non-scalars, or expanding no relation) are other rules' to report; only
  // the well-formed ones can be offered by the parameters.
  const scalar = (s: Record<string, unknown>) => scalarKind(ctx.sources, entity.source.specPath, s) !== undefined;
  const relation = (name: unknown) => props.some(([n, s]) => n === name && s['x-relation'] !== undefined);
  const names = (flag: string) =>
    props.filter(([, s]) => (flag === 'x-expands' ? relation(s[flag]) : s[flag] === true && scalar(s))).map(([n]) => n);
  const sortable = names('x-sortable');
  return [
    compare(ctx, op, 'sort', (schema) => enumOf(schema.items).filter((v) => !v.startsWith('-')), sortable),
    compare(
      ctx,
      op,
      'filter',
      (schema) => (isObject(schema.properties) ? Object.keys(schema.properties) : []),
      names('x-filterable'),
    ),
    compare(ctx, op, 'expand', (schema) => enumOf(schema.items), names('x-expands')),
  ].flat();
}

function compare(
  ctx: LintContext,
  op: OperationSite,
  name: string,
  offered: (schema: Record<string, unknown>) => string[],
  wanted: string[],
): Diagnostic[] {
  const found = findParameter(ctx, op, name);
  const schema = found && isObject(found.param.schema) ? found.param.schema : {};
  const have = found ? offered(schema) : [];
  const missing = wanted.filter((w) => !have.includes(w));
  const extra = have.filter((h) => !wanted.includes(h));
  if (!missing.length && !extra.length) return [];
  const at = found && found.index >= 0 ? `${op.pointer}/parameters/${found.index}` : `${op.pointer}/parameters`;
  const parts = [
    missing.length ? `missing ${missing.join(', ')}` : '',
    extra.length ? `not flagged in the schema: ${extra.join(', ')}` : '',
  ].filter(Boolean);
  return [
    ctx.diagnostic(
      'list-query-matches-schema',
      op.file,
      at,
      `\`${name}\` parameter of ${String(op.operation.operationId)} does not match ${entity(op)}: ${parts.join('; ')}`,
    ),
  ];
}

const entity = (op: OperationSite) => parseResourceUrl(op.url)?.entity ?? op.url;

function enumOf(schema: unknown): string[] {
  return isObject(schema) && Array.isArray(schema.enum)
    ? schema.enum.filter((v): v is string => typeof v === 'string')
    : [];
}

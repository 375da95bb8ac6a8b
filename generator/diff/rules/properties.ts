import { inner, report, schemaRuleId, type DiffContext, type SchemaScope } from '../context.ts';
import type { JsonObject } from '../../source/schema-walk.ts';
import { viewOf, type SchemaNode, type SchemaView } from '../schema-view.ts';

/** Fields added, removed, made required or optional, then each kept field compared. A
 * readOnly field is not part of a request and a writeOnly one not part of a response (OpenAPI's
 * rule, and the generated Create/Update types already leave read-only fields out), so those
 * count as absent on that side. */
export function compareProperties(ctx: DiffContext, scope: SchemaScope, b: SchemaView, h: SchemaView): void {
  const before = visibleProperties(ctx.base, scope, b);
  const after = visibleProperties(ctx.head, scope, h);
  const child = inner(scope);
  for (const [name, node] of before) {
    const kept = after.get(name);
    if (!kept) removed(ctx, child, name, node, b.required.has(name));
    else {
      requiredness(ctx, child, name, kept, b.required.has(name), h.required.has(name));
      ctx.compare(child, node, kept);
    }
  }
  for (const [name, node] of after) if (!before.has(name)) added(ctx, child, name, node, h.required.has(name));
}

function visibleProperties(document: JsonObject, scope: SchemaScope, view: SchemaView): Map<string, SchemaNode> {
  const hidden = scope.direction === 'request' ? 'readOnly' : 'writeOnly';
  return new Map([...view.properties].filter(([, node]) => !viewOf(document, node)[hidden]));
}

function removed(ctx: DiffContext, scope: SchemaScope, name: string, node: SchemaNode, wasRequired: boolean): void {
  const why =
    scope.direction === 'response'
      ? 'code that reads it no longer compiles against the new SDK type'
      : 'the SDK type no longer accepts it and the server may reject it';
  report(ctx, scope, {
    id: schemaRuleId(scope, 'removed'),
    level: 'breaking',
    message: `${wasRequired ? 'required' : 'optional'} field \`${name}\` removed: ${why}`,
    pointer: node.pointer,
    side: 'base',
  });
}

function added(ctx: DiffContext, scope: SchemaScope, name: string, node: SchemaNode, isRequired: boolean): void {
  const breaking = scope.direction === 'request' && isRequired;
  report(ctx, scope, {
    id: schemaRuleId(scope, breaking ? 'added-required' : 'added'),
    level: breaking ? 'breaking' : 'non-breaking',
    message: breaking
      ? `new required field \`${name}\`: existing calls do not send it`
      : `new ${isRequired ? 'required' : 'optional'} field \`${name}\``,
    pointer: node.pointer,
    side: 'head',
  });
}

/** Optional → required breaks request writers; required → optional breaks response readers
 * (the SDK type gains `| undefined`). */
function requiredness(
  ctx: DiffContext,
  scope: SchemaScope,
  name: string,
  node: SchemaNode,
  was: boolean,
  is: boolean,
): void {
  if (was === is) return;
  const hurts = scope.direction === 'request' ? is : !is;
  report(ctx, scope, {
    id: schemaRuleId(scope, is ? 'became-required' : 'became-optional'),
    level: hurts ? 'breaking' : 'non-breaking',
    message: `field \`${name}\` is now ${is ? 'required' : 'optional'}`,
    pointer: node.pointer,
    side: 'head',
  });
}

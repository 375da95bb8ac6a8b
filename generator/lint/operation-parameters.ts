import { isObject, type JsonObject } from '../source/schema-walk.ts';
import type { LintContext, OperationSite } from './context.ts';

/** An operation's parameters (its own and its path item's), each followed through `$ref`. */
export function resolvedParameters(ctx: LintContext, op: OperationSite): { param: JsonObject; index: number }[] {
  const own = Array.isArray(op.operation.parameters) ? op.operation.parameters : [];
  return [...op.pathParameters.map((p) => [p, -1] as const), ...own.map((p, i) => [p, i] as const)].flatMap(
    ([p, index]) => {
      const { value } = ctx.deref(op.file, p);
      return isObject(value) ? [{ param: value, index }] : [];
    },
  );
}

export function findParameter(
  ctx: LintContext,
  op: OperationSite,
  name: string,
): { param: JsonObject; index: number } | undefined {
  return resolvedParameters(ctx, op).find(({ param }) => param.name === name && param.in === 'query');
}

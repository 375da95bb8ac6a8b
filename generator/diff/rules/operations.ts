import type { DiffContext } from '../context.ts';
import { describeOperation, operationSites, type OperationPair, type OperationSite } from '../operations.ts';

/** Operations added and removed, and for each kept one, its operationId and deprecation.
 * Returns the operations both sides have, for the per-operation rules. An operation that moved
 * to another URL but kept its method and operationId is reported once, as moved. */
export function compareOperations(ctx: DiffContext): OperationPair[] {
  const before = operationSites(ctx.base);
  const after = operationSites(ctx.head);
  const pairs: OperationPair[] = [];
  const moved = new Set<string>();
  for (const [key, base] of before) {
    const head = after.get(key);
    if (head) {
      pairs.push({ base, head });
      continue;
    }
    const target = movedTo(
      base,
      [...after.values()].filter((h) => !before.has(h.key)),
    );
    if (target) {
      moved.add(target.key);
      ctx.changes.add(
        {
          id: 'operation-path-changed',
          level: 'breaking',
          message: `${base.ref.operationId} moved from ${base.ref.path} to ${target.ref.path}: SDKs built before the move call a URL that no longer exists`,
          pointer: target.pointer,
          side: 'head',
        },
        target.ref,
      );
      pairs.push({ base, head: target });
    } else {
      ctx.changes.add(
        {
          id: 'operation-removed',
          level: 'breaking',
          message: `${describeOperation(base.ref)} removed${base.ref.operationId ? ` (${base.ref.operationId})` : ''}`,
          pointer: base.pointer,
          side: 'base',
        },
        base.ref,
      );
    }
  }
  for (const [key, head] of after) {
    if (before.has(key) || moved.has(key)) continue;
    ctx.changes.add(
      {
        id: 'operation-added',
        level: 'non-breaking',
        message: `${describeOperation(head.ref)} added${head.ref.operationId ? ` (${head.ref.operationId})` : ''}`,
        pointer: head.pointer,
        side: 'head',
      },
      head.ref,
    );
  }
  for (const pair of pairs) compareOperationMeta(ctx, pair);
  return pairs;
}

function movedTo(base: OperationSite, added: OperationSite[]): OperationSite | undefined {
  if (!base.ref.operationId) return undefined;
  return added.find((h) => h.ref.method === base.ref.method && h.ref.operationId === base.ref.operationId);
}

/** The operationId names the operation's types in the generated SDK (`operations['listInvoices']`)
 * and its handler on the generated server: changing it is a rename. */
function compareOperationMeta(ctx: DiffContext, { base, head }: OperationPair): void {
  const [was, is] = [base.ref.operationId, head.ref.operationId];
  if (was !== is) {
    ctx.changes.add(
      {
        id: 'operation-id-changed',
        level: 'breaking',
        message: `operationId changed from ${was ?? '(none)'} to ${is ?? '(none)'}: the SDK's names for the operation change`,
        pointer: `${head.pointer}/operationId`,
        side: 'head',
      },
      head.ref,
    );
  }
  if (base.operation.deprecated !== true && head.operation.deprecated === true) {
    ctx.changes.add(
      {
        id: 'operation-deprecated',
        level: 'non-breaking',
        message: `${describeOperation(head.ref)} is now deprecated`,
        pointer: `${head.pointer}/deprecated`,
        side: 'head',
      },
      head.ref,
    );
  }
}

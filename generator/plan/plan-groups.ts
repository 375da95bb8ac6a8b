import { camelCase, pascalCase } from 'change-case';
import type { OperationIR } from '../ir/model.ts';
import { claimNames } from './claims.ts';
import { identifier } from './identifier.ts';
import { groupTag, operationKey, type GroupNames } from './name-plan.ts';

/** Operations of no resource (every operation of a third-party spec), by the tag they are grouped by. */
export function looseOperationsByTag(operations: readonly OperationIR[]): Map<string, OperationIR[]> {
  const byTag = new Map<string, OperationIR[]>();
  for (const op of operations)
    if (op.entity === undefined) byTag.set(groupTag(op), [...(byTag.get(groupTag(op)) ?? []), op]);
  return byTag;
}

/** The client groups: one camelCase property per tag (`client.asset` for `Asset`) beside the areas (never one of their names), and for
 * the untagged group none (its methods sit on the client). Interfaces and files are claimed apart:
 * `abc` and `Abc` are two properties but would be one interface, and one file on a
 * case-insensitive disk. */
export function planGroups(tags: readonly string[], areaNames: readonly string[]): Map<string, GroupNames> {
  const tagged = tags.filter((t) => t !== '');
  const properties = claimNames(
    tagged.map((tag) => {
      const wanted = identifier(camelCase(tag), 'member', 'operations');
      return { identity: tag, wanted, exact: wanted === tag };
    }),
    { taken: areaNames },
  );
  const stems = new Map(tags.map((tag) => [tag, properties.get(tag) ?? 'untagged']));
  const factories = new Map(tags.map((tag) => [tag, identifier(`${stems.get(tag)!}Operations`, 'camel')]));
  // A factory and an interface are imported side by side: `_1ClickOperations` may not be both.
  const interfaces = claimNames(
    tags.map((tag) => ({
      identity: tag,
      wanted: `${identifier(pascalCase(stems.get(tag)!), 'pascal', 'Untagged')}Operations`,
    })),
    { taken: factories.values() },
  );
  const files = claimNames(
    tags.map((tag) => ({ identity: tag, wanted: stems.get(tag)! })),
    { fold: (name) => name.toLowerCase(), taken: tags.includes('') ? [] : ['untagged'] },
  );
  return new Map(
    tags.map((tag) => {
      const property = properties.get(tag);
      const names: GroupNames = {
        ...(property === undefined ? {} : { property }),
        factory: factories.get(tag)!,
        clientInterface: interfaces.get(tag)!,
        file: files.get(tag)!,
      };
      return [tag, names];
    }),
  );
}

/** Method names per group, from operationIds (else method and path); the untagged group's share
 * the client with the areas and the tagged groups, so those names are taken there. */
export function planGroupMethods(
  byTag: Map<string, OperationIR[]>,
  groups: Map<string, GroupNames>,
  areaNames: readonly string[],
): Map<string, string> {
  const methods = new Map<string, string>();
  const onClient = [...areaNames, ...[...groups.values()].flatMap((g) => (g.property ? [g.property] : []))];
  for (const [tag, ops] of byTag) {
    const requests = ops.map((op) => {
      const raw = op.operationId || `${op.method} ${op.path}`;
      const wanted = identifier(raw, 'member', op.method);
      return { identity: operationKey(op), wanted, exact: wanted === raw };
    });
    for (const [key, name] of claimNames(requests, { taken: tag === '' ? onClient : [] })) methods.set(key, name);
  }
  return methods;
}

import pointer from 'json-pointer';
import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import type { DiffContext } from '../context.ts';

/** Every component schema becomes an exported type (and validator) of the generated SDK, so a
 * removed or renamed one breaks code that imports it, even if no operation uses it. Changes
 * inside a model are reported through the operations that use it. */
export function compareModels(ctx: DiffContext): void {
  const before = schemaNames(ctx.base);
  const after = schemaNames(ctx.head);
  for (const name of before) {
    if (!after.has(name))
      ctx.changes.add({
        id: 'model-removed',
        level: 'breaking',
        message: `model ${name} removed: the SDK no longer exports its type`,
        pointer: `/components/schemas/${pointer.escape(name)}`,
        side: 'base',
      });
  }
  for (const name of after) {
    if (!before.has(name))
      ctx.changes.add({
        id: 'model-added',
        level: 'non-breaking',
        message: `model ${name} added`,
        pointer: `/components/schemas/${pointer.escape(name)}`,
        side: 'head',
      });
  }
}

function schemaNames(document: JsonObject): Set<string> {
  const components = isObject(document.components) ? document.components : {};
  return new Set(isObject(components.schemas) ? Object.keys(components.schemas) : []);
}

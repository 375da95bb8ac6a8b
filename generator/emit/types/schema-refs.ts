import pointer from 'json-pointer';
import type { JsonObject } from '../../source/schema-walk.ts';
import { claim, compare, safeIdentifier, type ModelName } from './naming.ts';

export const COMPONENT_PREFIX = '/components/schemas/';

/** A place inside a component's schema that some `$ref` points at
 * (`#/components/schemas/Account/properties/category`): it becomes a named type, declared in
 * its component's file and imported wherever else it is referred to. */
export interface RefTarget {
  /** components.schemas key of the component that holds it. */
  owner: string;
  name: string;
}

/** Every pointer into (not at) a component schema that a `$ref` anywhere in the document names
 * (`SpecIR.schemaRefs`), named `<Owner><Path>` (properties left out: `AccountCategory`), claimed
 * in pointer order. */
export function refTargets(
  refs: readonly string[],
  document: JsonObject,
  names: Map<string, ModelName>,
  used: Set<string>,
): Map<string, RefTarget> {
  const targets = new Map<string, RefTarget>();
  for (const at of [...refs].sort(compare)) {
    if (!at.startsWith(COMPONENT_PREFIX)) continue;
    const [head = '', ...rest] = at.slice(COMPONENT_PREFIX.length).split('/');
    const owner = pointer.unescape(head);
    const model = names.get(owner);
    if (!model || rest.length === 0 || !pointer.has(document, at)) continue;
    targets.set(at, { owner, name: claim([`${model.ident}${pathLabel(rest.map((s) => pointer.unescape(s)))}`], used) });
  }
  return targets;
}

/** Schema-position segments → a name part: `properties` is dropped, `items` reads `Item`,
 * `additionalProperties` `Value`, array positions are letters (no name ends in a digit). */
export function pathLabel(segments: string[]): string {
  return segments
    .filter((s) => s !== 'properties' && s !== 'patternProperties')
    .map((s) =>
      s === 'items'
        ? 'Item'
        : s === 'additionalProperties'
          ? 'Value'
          : /^\d+$/.test(s)
            ? letter(Number(s))
            : safeIdentifier(s),
    )
    .join('');
}

/** 0 → A, 25 → Z, 26 → AA. */
function letter(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : `${letter(Math.floor(i / 26) - 1)}${letter(i % 26)}`;
}

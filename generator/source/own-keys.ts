/** Sets `key` as an own property even when it is `__proto__`: a plain `out[key] = value` with a
 * key taken from the spec would set the object's prototype instead (and lose the key). Every map
 * the generator builds from spec names goes through this, `Object.fromEntries` or a `Map`. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** `Object.hasOwn` for lookups by a spec name: `schemas.constructor` is not a schema. */
export function ownValue<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The value at a JSON pointer, through own properties and array indexes only (json-pointer's
 * `get` also finds `#/constructor` on every object: Object.prototype's); undefined when missing. */
export function ownPointerGet(document: unknown, ptr: string): unknown {
  if (ptr === '') return document;
  if (!ptr.startsWith('/')) return undefined;
  let node = document;
  for (const raw of ptr.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = /^(0|[1-9]\d*)$/.test(token) ? node[Number(token)] : undefined;
    else if (typeof node === 'object' && node !== null && Object.hasOwn(node, token))
      node = (node as Record<string, unknown>)[token];
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

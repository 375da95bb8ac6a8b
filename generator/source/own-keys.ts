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

import { generatorFingerprint } from './fingerprint.ts';
import { hashOf, type CacheStore } from './store.ts';

/** Memoizes a pure, slow text computation of an emitter (json-schema-to-typescript on one schema,
 * Ajv's standalone code for a set of schemas) in the cache, named by the hash of the running
 * generator (its code, templates and library versions), the area and every input part. Without a
 * cache it just computes. */
export interface Memo {
  sync(area: string, parts: readonly string[], compute: () => string): string;
  async(area: string, parts: readonly string[], compute: () => Promise<string>): Promise<string>;
}

export function memoIn(cache: CacheStore | undefined): Memo {
  if (!cache) return NO_MEMO;
  const named = (area: string, parts: readonly string[]) => ({ area, key: hashOf(generatorFingerprint(), ...parts) });
  const kept = (entry: { area: string; key: string }, value: string) => {
    cache.put(entry.area, entry.key, value);
    return value;
  };
  return {
    sync(area, parts, compute) {
      const entry = named(area, parts);
      return cache.get(entry.area, entry.key) ?? kept(entry, compute());
    },
    async async(area, parts, compute) {
      const entry = named(area, parts);
      return cache.get(entry.area, entry.key) ?? kept(entry, await compute());
    },
  };
}

/** For emitters run outside generate (tests, docs): no cache. */
export const NO_MEMO: Memo = {
  sync: (_area, _parts, compute) => compute(),
  async: (_area, _parts, compute) => compute(),
};

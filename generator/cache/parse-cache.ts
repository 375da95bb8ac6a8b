import type { ParseCache } from '../source/parse-cache.ts';
import { generatorFingerprint } from './fingerprint.ts';
import { CacheStore, hashOf } from './store.ts';

const AREA = 'parsed';

/** The parse cache of a project's cache folder (none without one): entries named by the running
 * generator's fingerprint (its code, the yaml package's version) and the text's hash. */
export function parseCacheIn(cacheDir: string | undefined): ParseCache | undefined {
  if (cacheDir === undefined) return undefined;
  const store = new CacheStore(cacheDir);
  const key = (textHash: string) => hashOf(generatorFingerprint(), textHash);
  return {
    get: (textHash) => store.get(AREA, key(textHash)),
    put: (textHash, json) => store.put(AREA, key(textHash), json),
  };
}

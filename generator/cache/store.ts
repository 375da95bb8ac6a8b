import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A content-addressed folder (`node_modules/.cache/ledgerspec` by default): every entry is named
 * by the hash of everything that determines it, so an entry is either right or never asked for.
 * Reads that fail are misses, writes that fail are skipped: the cache can make a run faster, never
 * make it fail or differ. Entries are written to a temporary name and renamed, so a reader (another
 * process included) sees a whole entry or none. */
export class CacheStore {
  constructor(readonly dir: string) {}

  get(area: string, key: string): string | undefined {
    try {
      return readFileSync(this.path(area, key), 'utf8');
    } catch {
      return undefined;
    }
  }

  put(area: string, key: string, contents: string): void {
    const target = this.path(area, key);
    const staged = `${target}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(staged, contents);
      renameSync(staged, target);
    } catch {
      // A read-only or full disk: the run goes on uncached.
    }
  }

  /** Where the entry of `key` is (or would be) kept. */
  path(area: string, key: string): string {
    return join(this.dir, area, key.slice(0, 2), key);
  }
}

/** sha256 of the parts, each length-prefixed so that ('ab', 'c') and ('a', 'bc') differ. */
export function hashOf(...parts: (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(`${Buffer.byteLength(part)}:`);
    hash.update(part);
  }
  return hash.digest('hex');
}

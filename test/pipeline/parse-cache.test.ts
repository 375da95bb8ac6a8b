import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCacheIn } from '../../generator/cache/parse-cache.ts';
import { DiagnosticError } from '../../generator/diagnostics.ts';
import { parseThroughCache, type ParseCache } from '../../generator/source/parse-cache.ts';
import { parseSourceText } from '../../generator/source/yaml-file.ts';
import { loadSpecSources } from '../../generator/source/spec-sources.ts';
import { SPEC_DIR } from '../helpers/spec.ts';
import { tempDirs } from '../helpers/temp.ts';

// A spec file parsed once is read back from the cache as JSON; what comes back must be exactly
// what parsing gives (data and the line of every pointer), and only a clean parse is ever kept.

const tempDir = tempDirs('ledgerspec-parse-cache-');

/** A cache in memory that counts what is asked of it. */
function memoryCache(): ParseCache & { entries: Map<string, string>; hits: number } {
  const entries = new Map<string, string>();
  const cache = {
    entries,
    hits: 0,
    get: (key: string) => {
      const found = entries.get(key);
      if (found !== undefined) cache.hits++;
      return found;
    },
    put: (key: string, json: string) => void entries.set(key, json),
  };
  return cache;
}

const INVOICE = join(SPEC_DIR, 'schemas/accounting/invoice.yaml');

describe('the parse cache', () => {
  it('gives back the data and the lines of a fresh parse', () => {
    const cache = memoryCache();
    const text = readFileSync(INVOICE, 'utf8');
    const fresh = parseSourceText(INVOICE, text);
    parseThroughCache(INVOICE, text, cache, parseSourceText);
    const cached = parseThroughCache(INVOICE, text, cache, parseSourceText);
    expect(cache.hits).toBe(1);
    expect(cached.data).toEqual(fresh.data);
    for (const pointer of ['', '/properties/line_items/items', '/examples/0/total_amount', '/properties/nowhere'])
      expect(cached.lineOf(pointer), pointer).toBe(fresh.lineOf(pointer));
  });

  it('keeps nothing for a text that does not parse: the error comes every time', () => {
    const cache = memoryCache();
    for (let i = 0; i < 2; i++)
      expect(() => parseThroughCache('bad.yaml', 'a: [\n', cache, parseSourceText)).toThrow(DiagnosticError);
    expect(cache.entries.size).toBe(0);
  });

  it('keeps nothing JSON would not give back as it is', () => {
    const cache = memoryCache();
    for (const text of ['a: .inf\n', 'a: .nan\n', 'a: -0\n', '__proto__: { b: 1 }\n']) {
      const first = parseThroughCache('odd.yaml', text, cache, parseSourceText);
      expect(parseThroughCache('odd.yaml', text, cache, parseSourceText).data).toEqual(first.data);
    }
    expect(cache.entries.size).toBe(0);
  });

  it('parses again when an entry is damaged', () => {
    const cache = memoryCache();
    const text = 'a: 1\n';
    parseThroughCache('a.yaml', text, cache, parseSourceText);
    for (const key of cache.entries.keys()) cache.entries.set(key, '{"a": ');
    expect(parseThroughCache('a.yaml', text, cache, parseSourceText).data).toEqual({ a: 1 });
  });

  it("in a project's cache folder: the whole spec loads the same from it", () => {
    const dir = tempDir();
    const cache = parseCacheIn(dir);
    const fresh = loadSpecSources(SPEC_DIR);
    loadSpecSources(SPEC_DIR, 'openapi.yaml', cache);
    const kept = readdirSync(join(dir, 'parsed'), { recursive: true }).filter((f) =>
      /^[0-9a-f]{64}$/.test(basename(String(f))),
    );
    expect(kept.length).toBe(1 + fresh.schemas.length + fresh.paths.length);
    const cached = loadSpecSources(SPEC_DIR, 'openapi.yaml', cache);
    expect(cached.root.data).toEqual(fresh.root.data);
    expect(cached.schemas.map((s) => [s.specPath, s.file.data])).toEqual(
      fresh.schemas.map((s) => [s.specPath, s.file.data]),
    );
    expect(cached.paths.map((p) => p.data)).toEqual(fresh.paths.map((p) => p.data));
  });
});

import { createHash } from 'node:crypto';
import type { SourceFile } from './yaml-file.ts';

/** Where parsed spec files are kept between runs, by the hash of their text (the caller names the
 * parser's version into the key: cache/parse-cache.ts). A text parsed once is read back as JSON:
 * on our spec, ~40 ms against ~1 s of YAML parsing in a fresh process. */
export interface ParseCache {
  get(textHash: string): string | undefined;
  put(textHash: string, json: string): void;
}

/** `parse(path, text)`, or its data from the cache. Only texts that parsed without a problem are
 * kept (a problem is thrown, never cached), and only when JSON gives the data back exactly. A file
 * read from the cache parses its YAML only if a diagnostic asks for a line. */
export function parseThroughCache(
  path: string,
  text: string,
  cache: ParseCache,
  parse: (path: string, text: string) => SourceFile,
): SourceFile {
  const key = createHash('sha256').update(text).digest('hex');
  const kept = cache.get(key);
  if (kept !== undefined) {
    const data = jsonData(kept);
    if (data.ok) return withLazyLines(path, text, data.value, parse);
  }
  const file = parse(path, text);
  const json = exactJson(file.data);
  if (json !== undefined) cache.put(key, json);
  return file;
}

function jsonData(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false }; // a damaged entry: parse again
  }
}

function withLazyLines(
  path: string,
  text: string,
  data: unknown,
  parse: (path: string, text: string) => SourceFile,
): SourceFile {
  let parsed: SourceFile | undefined;
  return { path, data, lineOf: (pointer) => (parsed ??= parse(path, text)).lineOf(pointer) };
}

/** The data as JSON text, unless JSON would not give it back as it is: a non-finite number or -0
 * (YAML has `.inf`, `.nan`, `-0`), or a key `__proto__` (JSON.parse makes it an own property;
 * which way a YAML parser goes is its own). */
function exactJson(data: unknown): string | undefined {
  let exact = true;
  const text = JSON.stringify(data, (key, value: unknown) => {
    if (key === '__proto__' || (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))))
      exact = false;
    return value;
  });
  return exact ? text : undefined;
}

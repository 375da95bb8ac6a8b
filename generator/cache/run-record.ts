import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import type { GeneratedFile } from '../ir/model.ts';
import type { MappingUpdate } from '../connectors/merge-stage.ts';
import { hashOf, type CacheStore } from './store.ts';

/** What a generate run produced from one key (see runKey): each output file's hash, the mapping
 * merge's verdicts and the warnings to show again. Mappings in a record never carry `contents`: a
 * record is kept only once they are in step with the spec. */
export interface RunRecord {
  files: { path: string; hash: string }[];
  mappings: MappingUpdate[];
  warnings: Diagnostic[];
}

const AREA = 'runs';

export function saveRun(store: CacheStore, key: string, files: GeneratedFile[], mappings: MappingUpdate[], warnings: Diagnostic[]): void {
  const record: RunRecord = {
    files: files.map((f) => ({ path: f.path, hash: hashOf(f.contents) })),
    mappings: mappings.map(({ path, added, flagged }) => ({ path, added, flagged })),
    warnings,
  };
  store.put(AREA, key, JSON.stringify(record));
}

/** The recorded output of `key`, read back from `outDir` — only when every file there still has
 * the recorded contents (an edited or missing file means a full run). */
export function recordedRun(store: CacheStore, key: string, outDir: string): { record: RunRecord; files: GeneratedFile[] } | undefined {
  const text = store.get(AREA, key);
  if (text === undefined) return undefined;
  let record: RunRecord;
  try {
    record = JSON.parse(text) as RunRecord;
  } catch {
    return undefined;
  }
  const files: GeneratedFile[] = [];
  for (const { path, hash } of record.files) {
    let contents: string;
    try {
      contents = readFileSync(join(outDir, path), 'utf8');
    } catch {
      return undefined;
    }
    if (hashOf(contents) !== hash) return undefined;
    files.push({ path, contents });
  }
  return { record, files };
}

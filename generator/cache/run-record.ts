import { readFileSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import type { GeneratedFile } from '../ir/model.ts';
import type { MappingUpdate } from '../shared/mapping-update.ts';
import { hashOf, type CacheStore } from './store.ts';

/** What a generate run produced from one key (see runKey): each output file's hash and the stat
 * it had when recorded, the mapping merge's verdicts and the warnings to show again. Mappings in a
 * record never carry `contents`: a record is kept only once they are in step with the spec. */
export interface RunRecord {
  files: RecordedFile[];
  mappings: MappingUpdate[];
  warnings: Diagnostic[];
  /** When the stats were taken (ms since the epoch). */
  recordedAt: number;
}

interface RecordedFile {
  path: string;
  hash: string;
  stat: FileStat | undefined;
}

/** What changes when a file is written, renamed over or touched: any write or utimes moves ctime,
 * which no tool can set back. */
type FileStat = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

const AREA = 'runs';
/** Per output folder, the key of the run recorded last (trustedOutput). */
const LATEST_AREA = 'runs-latest';

/** A file whose ctime is this close to the moment it was recorded may still be written again in
 * the same tick of a coarse file-system clock without its stat changing (git's "racily clean"
 * entries): it is hashed, not trusted. */
const RACY_MS = 2_000;

export function saveRun(
  store: CacheStore,
  key: string,
  outDir: string,
  files: readonly { path: string; hash: string }[],
  mappings: MappingUpdate[],
  warnings: Diagnostic[],
): void {
  const recordedAt = Date.now();
  const record: RunRecord = {
    files: files.map(({ path, hash }) => ({ path, hash, stat: statOf(join(outDir, path)) })),
    mappings: mappings.map(({ path, added, flagged }) => ({ path, added, flagged })),
    warnings,
    recordedAt,
  };
  store.put(AREA, key, JSON.stringify(record));
  store.put(LATEST_AREA, hashOf(resolve(outDir)), key);
}

/** The files of the run recorded last for `outDir` that still have the stat recorded for them
 * (the rule of recordedRun: same size, mtime, ctime and inode, not racily recorded), by path:
 * their hash. A run after an edit then compares its output with those by hash, without reading
 * them. */
export function trustedOutput(store: CacheStore, outDir: string): Map<string, string> {
  const trustedFiles = new Map<string, string>();
  const key = store.get(LATEST_AREA, hashOf(resolve(outDir)));
  const record = key === undefined ? undefined : readRecord(store, key);
  for (const file of record?.files ?? []) {
    const now = statOf(join(outDir, file.path));
    if (now && trusted(file.stat, now, (record as RunRecord).recordedAt)) trustedFiles.set(file.path, file.hash);
  }
  return trustedFiles;
}

export function outputHashes(files: readonly GeneratedFile[]): { path: string; hash: string }[] {
  return files.map((f) => ({ path: f.path, hash: hashOf(f.contents) }));
}

/** The recorded output of `key`, when every file in `outDir` still has the recorded contents (an
 * edited or missing file means a full run). A file is read and hashed only when its stat differs
 * from the recorded one or was taken too close to writing (RACY_MS); when any was, the record is
 * saved again with fresh stats, so the next run reads nothing. The files' contents are read only
 * if asked for. */
export function recordedRun(
  store: CacheStore,
  key: string,
  outDir: string,
): { record: RunRecord; files: GeneratedFile[] } | undefined {
  const record = readRecord(store, key);
  if (!record) return undefined;
  let hashed = false;
  for (const file of record.files) {
    const now = statOf(join(outDir, file.path));
    if (!now || (file.stat && now[0] !== file.stat[0])) return undefined;
    if (trusted(file.stat, now, record.recordedAt)) continue;
    if (hashOf(readFileSync(join(outDir, file.path), 'utf8')) !== file.hash) return undefined;
    hashed = true;
  }
  if (hashed) saveRun(store, key, outDir, record.files, record.mappings, record.warnings);
  return { record, files: record.files.map(({ path }) => lazyFile(outDir, path)) };
}

function trusted(recorded: FileStat | undefined, now: FileStat, recordedAt: number): boolean {
  return recorded !== undefined && recorded.every((value, i) => value === now[i]) && recorded[2] < recordedAt - RACY_MS;
}

function readRecord(store: CacheStore, key: string): RunRecord | undefined {
  const text = store.get(AREA, key);
  if (text === undefined) return undefined;
  try {
    const record = JSON.parse(text) as RunRecord;
    return Array.isArray(record.files) && typeof record.recordedAt === 'number' ? record : undefined;
  } catch {
    return undefined;
  }
}

function statOf(file: string): FileStat | undefined {
  let stat: Stats | undefined;
  try {
    stat = statSync(file);
  } catch {
    return undefined;
  }
  return stat.isFile() ? [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino] : undefined;
}

function lazyFile(outDir: string, path: string): GeneratedFile {
  let contents: string | undefined;
  return {
    path,
    get contents() {
      contents ??= readFileSync(join(outDir, path), 'utf8');
      return contents;
    },
  };
}

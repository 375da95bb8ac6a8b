import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { GeneratedFile } from '../ir/model.ts';
import { byCodeUnit } from '../source/compare.ts';

export type FileChange = { path: string; change: 'added' | 'changed' | 'removed' };

/** What writing `files` into `outDir` would change: new, different and no-longer-produced files. */
export function planChanges(outDir: string, files: GeneratedFile[]): FileChange[] {
  const wanted = new Map(files.map((f) => [f.path, f.contents]));
  const onDisk = new Set(listFiles(outDir));
  const changes: FileChange[] = [];
  for (const [path, contents] of wanted) {
    if (!onDisk.has(path)) changes.push({ path, change: 'added' });
    else if (readFileSync(join(outDir, path), 'utf8') !== contents) changes.push({ path, change: 'changed' });
  }
  for (const path of onDisk) if (!wanted.has(path)) changes.push({ path, change: 'removed' });
  return changes.sort((a, b) => byCodeUnit(a.path, b.path));
}

const TMP = '.ledgerspec-tmp';

/** Stage 8: writes only what changed, all or nothing. Every new content is first written beside
 * its target as a temporary file; only when all are on disk are they renamed over their targets
 * (a rename within a folder is atomic) and stale files removed. If any temporary write fails,
 * the temporaries are deleted and the tree is as it was. Unchanged files are not touched. */
export function writeChanges(outDir: string, files: GeneratedFile[], changes: FileChange[]): void {
  const byPath = new Map(files.map((f) => [f.path, f.contents]));
  const staged: string[] = [];
  try {
    for (const { path, change } of changes) {
      if (change === 'removed') continue;
      const target = join(outDir, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target + TMP, byPath.get(path) ?? '');
      staged.push(target);
    }
  } catch (error) {
    for (const target of staged) rmSync(target + TMP, { force: true });
    throw error;
  }
  for (const target of staged) renameSync(target + TMP, target);
  for (const { path, change } of changes) if (change === 'removed') rmSync(join(outDir, path));
}

/** Files below a folder, as posix paths relative to it (leftover temporaries excluded). */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile() && !d.name.endsWith(TMP))
    .map((d) => relative(dir, join(d.parentPath ?? (d as unknown as { path: string }).path, d.name)).split(sep).join('/'))
    .sort();
}

import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { GeneratedFile } from '../ir/model.ts';
import { byCodeUnit } from '../source/compare.ts';
import { killPointReached } from './kill-points.ts';

export type FileChange = { path: string; change: 'added' | 'changed' | 'removed' };

/** Whether a file on disk holds `contents`, when that is known without reading it (undefined:
 * read it). */
export type KnownOnDisk = (path: string, contents: string) => boolean | undefined;

/** What writing `files` into `outDir` would change: new, different and no-longer-produced files.
 * A file on disk is read unless `known` can tell (generate's run record, by stat and hash). */
export function planChanges(outDir: string, files: GeneratedFile[], known?: KnownOnDisk): FileChange[] {
  const wanted = new Map(files.map((f) => [f.path, f.contents]));
  const onDisk = new Set(listFiles(outDir));
  const changes: FileChange[] = [];
  for (const [path, contents] of wanted) {
    if (!onDisk.has(path)) changes.push({ path, change: 'added' });
    else if (!(known?.(path, contents) ?? readFileSync(join(outDir, path), 'utf8') === contents))
      changes.push({ path, change: 'changed' });
  }
  for (const path of onDisk) if (!wanted.has(path)) changes.push({ path, change: 'removed' });
  return changes.sort((a, b) => byCodeUnit(a.path, b.path));
}

/** Suffix of a staged file beside its target. */
export const TMP = '.ledgerspec-tmp';
/** The switch's journal, in the folder that `switchIn` is given: its presence is the commit. */
export const JOURNAL = '.ledgerspec-switch.json';

/** One folder's share of a switch: the files to write into it and the changes planned there. */
export interface WriteSet {
  dir: string;
  files: GeneratedFile[];
  changes: FileChange[];
}

interface Journal {
  /** Every folder the switch writes into (for the clean-up of its staged files). */
  dirs: string[];
  /** Staged file → its target, absolute. */
  renames: [string, string][];
  /** Files to delete, absolute. */
  removes: string[];
}

/** Stage 8: writes only what changed, across every folder at once, as one switch.
 *
 * 1. Every new content is written beside its target as `<file>.ledgerspec-tmp` (a failure here
 *    deletes them again: nothing changed).
 * 2. A journal naming every rename and removal is written and renamed into place in
 *    `journalDir`: that rename is the commit. Before it, the folders are as they were.
 * 3. The staged files are renamed over their targets (each rename is atomic), stale files are
 *    removed, and the journal is deleted.
 *
 * A run killed in step 3 leaves the journal; the next run finishes it (`recoverSwitch`, which
 * `generate` calls before it reads anything), so the tree ends as that run's spec makes it. A
 * run killed before step 2 leaves only staged files, which the next run deletes. Unchanged
 * files are never touched. Callers recover first. */
export function switchIn(journalDir: string, sets: WriteSet[]): void {
  const journal: Journal = { dirs: sets.map((s) => resolve(s.dir)), renames: [], removes: [] };
  try {
    for (const { dir, files, changes } of sets) {
      const byPath = new Map(files.map((f) => [f.path, f.contents]));
      for (const { path, change } of changes) {
        const target = resolve(dir, path);
        if (change === 'removed') {
          journal.removes.push(target);
          continue;
        }
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target + TMP, byPath.get(path) ?? '');
        journal.renames.push([target + TMP, target]);
        killPointReached('staged', journal.renames.length);
      }
    }
  } catch (error) {
    for (const [staged] of journal.renames) rmSync(staged, { force: true });
    throw error;
  }
  if (journal.renames.length === 0 && journal.removes.length === 0) return;
  mkdirSync(journalDir, { recursive: true });
  const journalFile = join(journalDir, JOURNAL);
  writeFileSync(journalFile + TMP, JSON.stringify(journal));
  renameSync(journalFile + TMP, journalFile);
  killPointReached('committed', 1);
  finish(journalFile, journal);
}

/** `switchIn` for one folder, its journal kept there (the coverage report uses it). A killed
 * earlier run of it is finished first; only its own files' staged leftovers are cleaned, since
 * the folder may hold another switch's staged files. */
export function writeChanges(outDir: string, files: GeneratedFile[], changes: FileChange[]): void {
  recoverSwitch([outDir], []);
  for (const { path } of changes) rmSync(resolve(outDir, path) + TMP, { force: true });
  switchIn(outDir, [{ dir: outDir, files, changes }]);
}

/** Finishes every switch a killed run committed (a journal in one of `journalDirs`), then deletes
 * the staged files below `cleanDirs` that no journal names any more (a run killed before its
 * commit). Returns what it did. Safe at any time: with nothing left over it does nothing. */
export function recoverSwitch(journalDirs: string[], cleanDirs: string[]): 'finished' | 'cleaned' | 'nothing' {
  let outcome: 'finished' | 'cleaned' | 'nothing' = 'nothing';
  for (const journalDir of journalDirs) {
    const journalFile = join(journalDir, JOURNAL);
    const journal = readJournal(journalFile);
    if (journal) {
      finish(journalFile, journal);
      outcome = 'finished';
    }
    rmSync(journalFile + TMP, { force: true });
  }
  for (const dir of new Set(cleanDirs.map((d) => resolve(d)))) {
    for (const staged of stagedFiles(dir)) {
      rmSync(staged, { force: true });
      if (outcome === 'nothing') outcome = 'cleaned';
    }
  }
  return outcome;
}

function finish(journalFile: string, journal: Journal): void {
  journal.renames.forEach(([staged, target], i) => {
    // Already renamed by the run that was killed: the staged file is gone, the target is new.
    if (existsSync(staged)) renameSync(staged, target);
    killPointReached('renamed', i + 1);
  });
  for (const file of journal.removes) rmSync(file, { force: true });
  rmSync(journalFile, { force: true });
}

function readJournal(file: string): Journal | undefined {
  if (!existsSync(file)) return undefined;
  const journal = JSON.parse(readFileSync(file, 'utf8')) as Journal;
  if (!Array.isArray(journal.renames) || !Array.isArray(journal.removes) || !Array.isArray(journal.dirs)) {
    throw new Error(`${file} is not a ledgerspec switch journal; delete it if no ledgerspec command is running`);
  }
  return journal;
}

/** Staged files below a folder (absolute paths); symbolic links are not followed. */
function stagedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile() && d.name.endsWith(TMP))
    .map((d) => join(d.parentPath ?? (d as unknown as { path: string }).path, d.name));
}

/** Files below a folder, as posix paths relative to it (staged files and the journal excluded). */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile() && !d.name.endsWith(TMP) && d.name !== JOURNAL)
    .map((d) =>
      relative(dir, join(d.parentPath ?? (d as unknown as { path: string }).path, d.name))
        .split(sep)
        .join('/'),
    )
    .sort();
}

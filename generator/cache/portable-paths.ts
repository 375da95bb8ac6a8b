import { isAbsolute, join, relative } from 'node:path';
import type { LedgerspecConfig } from '../config.ts';

/** Paths as a run's key and record keep them: relative to the folder they are in (the spec folder
 * or the connectors folder), marked with which. What generate writes depends on the files' contents
 * and their places inside those folders, not on where the folders are; so a copy or a second
 * checkout of a project that shares the cache (a linked node_modules) finds the record of an
 * identical tree, and the warnings it replays name the copy's files. */
type Folders = Pick<LedgerspecConfig, 'specDir' | 'connectorsDir'>;

const FOLDERS = [
  ['$spec', 'specDir'],
  ['$connectors', 'connectorsDir'],
] as const;

export function portablePath(folders: Folders, file: string): string {
  for (const [mark, folder] of FOLDERS) {
    const inside = relative(folders[folder], file);
    if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) return `${mark}/${inside}`;
  }
  return file;
}

export function localPath(folders: Folders, file: string): string {
  for (const [mark, folder] of FOLDERS)
    if (file.startsWith(`${mark}/`)) return join(folders[folder], file.slice(mark.length + 1));
  return file;
}

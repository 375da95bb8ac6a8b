import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { writeChanges } from '../pipeline/write.ts';

/** Puts `entry` at the top of a changelog's entries: before its first `## ` heading, so a
 * `# Changelog` title and any introduction stay on top; at the end when it has no entries yet;
 * a new file gets a title. Written atomically (a temporary file renamed over the old one). */
export function prependToChangelog(file: string, entry: string): void {
  const path = resolve(file);
  const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
  writeChanges(
    dirname(path),
    [{ path: basename(path), contents: withEntry(before, entry) }],
    [{ path: basename(path), change: before ? 'changed' : 'added' }],
  );
}

export function withEntry(changelog: string, entry: string): string {
  if (changelog.trim() === '') return `# Changelog\n\n${entry}`;
  const lines = changelog.split('\n');
  const first = lines.findIndex((l) => l.startsWith('## '));
  if (first < 0) return `${changelog.replace(/\n*$/, '')}\n\n${entry}`;
  return [...lines.slice(0, first), ...entry.replace(/\n*$/, '').split('\n'), '', ...lines.slice(first)].join('\n');
}

import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listFiles, planChanges, writeChanges } from '../../generator/pipeline/write.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function outDir(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'ledgerspec-write-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('writeChanges', () => {
  it('writes added and changed files, removes stale ones, and leaves unchanged files untouched', () => {
    const out = outDir({ 'a.ts': 'same', 'b.ts': 'old', 'stale.ts': 'x' });
    const untouched = statSync(join(out, 'a.ts')).mtimeMs;
    const files = [
      { path: 'a.ts', contents: 'same' },
      { path: 'b.ts', contents: 'new' },
      { path: 'sub/c.ts', contents: 'c' },
    ];
    const changes = planChanges(out, files);
    expect(changes).toEqual([
      { path: 'b.ts', change: 'changed' },
      { path: 'stale.ts', change: 'removed' },
      { path: 'sub/c.ts', change: 'added' },
    ]);
    writeChanges(out, files, changes);
    expect(listFiles(out)).toEqual(['a.ts', 'b.ts', 'sub/c.ts']);
    expect(readFileSync(join(out, 'b.ts'), 'utf8')).toBe('new');
    expect(statSync(join(out, 'a.ts')).mtimeMs).toBe(untouched);
    expect(planChanges(out, files)).toEqual([]);
  });

  it('changes nothing when one file cannot be written', () => {
    const out = outDir({ 'a.ts': 'old a', blocker: 'a file where a folder is needed' });
    const files = [
      { path: 'a.ts', contents: 'new a' },
      { path: 'blocker/b.ts', contents: 'b' },
      { path: 'blocker', contents: 'a file where a folder is needed' },
    ];
    expect(() => writeChanges(out, files, planChanges(out, files))).toThrow();
    expect(readFileSync(join(out, 'a.ts'), 'utf8')).toBe('old a');
    expect(listFiles(out)).toEqual(['a.ts', 'blocker']);
    expect(readFileSync(join(out, 'blocker'), 'utf8')).toBe('a file where a folder is needed');
  });
});

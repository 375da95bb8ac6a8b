import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runWatch, type Watcher } from '../../generator/commands/watch.ts';
import { DEFAULT_CONFIG } from '../../generator/config.ts';
import { sharedMemoCache } from '../helpers/cache.ts';
import { SPEC_DIR } from '../helpers/spec.ts';

const dir = mkdtempSync(join(tmpdir(), 'ledgerspec-watch-'));
const specDir = join(dir, 'spec');
const outDir = join(dir, 'generated');
cpSync(SPEC_DIR, specDir, { recursive: true });
// Watching is the point, not a cold generation: the runs share the project cache's memo areas.
const cacheDir = sharedMemoCache(mkdtempSync(join(tmpdir(), 'ledgerspec-watch-cache-')));
const lines: string[] = [];
let watcher: Watcher | undefined;
afterAll(async () => {
  await watcher?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

const runs = () => lines.filter((l) => /^(regenerated|generation failed) in \d+ms/.test(l)).length;
const waitForRuns = (n: number) => vi.waitFor(() => expect(runs()).toBe(n), { timeout: 60_000, interval: 50 });

function edit(file: string, from: string, to: string): void {
  const path = join(specDir, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe('generate --watch', () => {
  it('generates once at start, then after each (debounced) burst of spec changes', async () => {
    watcher = runWatch(
      { ...DEFAULT_CONFIG, specDir, outDir, connectorsDir: join(outDir, '..', 'no-connectors'), cacheDir },
      { debounceMs: 300 },
      (l) => lines.push(l),
    );
    await watcher.ready;
    await waitForRuns(1);
    expect(readFileSync(join(outDir, 'types/currency.ts'), 'utf8')).toContain('display name');

    lines.length = 0;
    edit('schemas/accounting/currency.yaml', "The currency's display name", "The currency's full name");
    edit('schemas/accounting/currency.yaml', 'The symbol printed', 'The sign printed');
    await waitForRuns(1);
    expect(lines[0]).toBe(`changed: ${relative(process.cwd(), join(specDir, 'schemas/accounting/currency.yaml'))}`);
    expect(lines.some((l) => /changed +.*types\/currency\.ts$/.test(l))).toBe(true);
    expect(readFileSync(join(outDir, 'types/currency.ts'), 'utf8')).toContain("The currency's full name");
  });

  it('reports a broken spec, keeps the output, and goes on watching', async () => {
    lines.length = 0;
    const before = readFileSync(join(outDir, 'types/currency.ts'), 'utf8');
    edit('schemas/accounting/currency.yaml', 'x-entity: currencies', 'x-entity: [currencies');
    await waitForRuns(1);
    expect(lines.join('\n')).toMatch(/currency\.yaml:\d+/);
    expect(lines.at(-1)).toMatch(/^generation failed in/);
    expect(readFileSync(join(outDir, 'types/currency.ts'), 'utf8')).toBe(before);

    edit('schemas/accounting/currency.yaml', 'x-entity: [currencies', 'x-entity: currencies');
    await waitForRuns(2);
    expect(lines.at(-1)).toMatch(/^regenerated in/);
  });
});

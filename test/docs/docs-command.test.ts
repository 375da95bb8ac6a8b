import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../helpers/spec.ts';

const dir = mkdtempSync(join(tmpdir(), 'ledgerspec-docs-cli-'));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(PROJECT_DIR, 'bin', 'ledgerspec.js'), ...args], {
    cwd: PROJECT_DIR,
    encoding: 'utf8',
  });

describe('ledgerspec docs', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the site to --out, then finds nothing to rewrite: the same bytes on every build', () => {
    const first = run('docs', '--out', dir);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      /^\d+ file\(s\) written, 0 unchanged, in .*\(\d+ operation pages, \d+ data-model pages, coverage of \d+ connector\(s\)\)\n/,
    );
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
    expect(readFileSync(join(dir, 'model-invoices.html'), 'utf8')).toContain('<th>Connectors</th>');
    const second = run('docs', '--out', dir);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^0 file\(s\) written, \d+ unchanged/);
  }, 120_000);

  it('lists the command in --help', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^\s+docs \[options\]\s+Build the documentation site/m);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDocs } from '../../generator/commands/docs.ts';
import { loadConfig } from '../../generator/config.ts';
import { capturedOutput } from '../helpers/captured-output.ts';
import { PROJECT_DIR, projectIR } from '../helpers/spec.ts';

const dir = mkdtempSync(join(tmpdir(), 'ledgerspec-docs-cli-'));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(PROJECT_DIR, 'bin', 'ledgerspec.js'), ...args], {
    cwd: PROJECT_DIR,
    encoding: 'utf8',
  });

/** `ledgerspec docs --out <dir>` in the project, in-process: the command's run function with the
 * CLI's own Output and the project's cached IR (what the CLI's compileSpecCached gives). The
 * command's exit codes and streams are spawned in test/cli/conventions.test.ts. */
async function docsTo(out: string) {
  const output = capturedOutput();
  const status = await runDocs(
    await loadConfig(PROJECT_DIR),
    await projectIR(),
    { coverage: true, out },
    output.output,
  );
  return { status, stdout: output.stdout(), stderr: output.stderr() };
}

describe('ledgerspec docs', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the site to --out, then finds nothing to rewrite: the same bytes on every build', async () => {
    const first = await docsTo(dir);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      /^\d+ file\(s\) written, 0 unchanged, in .*\(\d+ operation pages, \d+ data-model pages, coverage of \d+ connector\(s\)\)\n/,
    );
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
    expect(readFileSync(join(dir, 'model-invoices.html'), 'utf8')).toContain('<th>Connectors</th>');
    const second = await docsTo(dir);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^0 file\(s\) written, \d+ unchanged/);
  }, 120_000);

  it('lists the command in --help', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^\s+docs \[options\]\s+Build the documentation site/m);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../helpers/spec.ts';
import { expectNoStackTrace } from './no-stack-trace.ts';
import { CASES, make } from './corpus/data-file-cases.ts';

// The whole data-file corpus through the real CLI (a process of its own, as a user runs it):
// whatever it is fed, no stack trace, no path into the toolkit's sources or node_modules, and the
// exit code of the worst case (2: some input could not be read). The other corpus tests grep
// their own outputs (server answers, generate after a kill) with the same check.

const BIN = join(PROJECT_DIR, 'bin/ledgerspec.js');
let dir = '';
const args: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledgerspec-hostile-cli-'));
  CASES.forEach((c, i) => {
    // Cases about the arguments (an unknown --entity, a pattern matching nothing) stop a run before any file.
    if (c.entity || c.name.startsWith('a pattern matching nothing')) return;
    const root = join(dir, `case-${i}`);
    make(root, c.files);
    args.push(...(c.args ?? [Object.keys(c.files)[0] as string]).map((a) => join(root, a)));
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...extra: string[]) =>
  spawnSync('node', [BIN, 'validate', ...extra], { cwd: PROJECT_DIR, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

describe('ledgerspec validate over the whole corpus', () => {
  it.each([['text'], ['json']])('--format %s: exit 2, no stack trace', (format) => {
    const cli = run('--format', format, ...args);
    expectNoStackTrace(cli.stdout + cli.stderr, `validate --format ${format}`);
    expect(cli.status, cli.stderr).toBe(2);
    if (format === 'json') expect(() => JSON.parse(cli.stdout)).not.toThrow();
  });

  it('a FIFO alone: exit 2 with the reason, promptly', () => {
    const fifo = CASES.findIndex((c) => c.name.startsWith('a FIFO is refused'));
    const cli = run(join(dir, `case-${fifo}`, 'invoice_payments.json'));
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/cannot read file: not a regular file \(a FIFO\)/);
    expectNoStackTrace(cli.stdout + cli.stderr);
  });

  it('--help states the exit codes and the limits', () => {
    const cli = spawnSync('node', [BIN, 'validate', '--help'], { encoding: 'utf8' });
    expect(cli.stdout).toMatch(/Exit codes: 0 .*1 .*2 /s);
    expect(cli.stdout).toMatch(/8 MiB/);
    expect(cli.stdout).toMatch(/64 levels/);
  });
});

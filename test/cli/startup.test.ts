import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBundle } from '../helpers/project-copy.ts';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(PROJECT, 'dist/cli/cli.js');
const RECORDER = fileURLToPath(new URL('helpers/record-packages.mjs', import.meta.url));
const VERSION = (JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as { version: string }).version;

// The built CLI (what the package runs) starts without compiling anything and without loading
// what only some command needs. Which packages it loads is checked, never how long it takes.
let scratch: string;
let runs = 0;

beforeAll(() => {
  ensureCliBundle();
  scratch = mkdtempSync(join(tmpdir(), 'ledgerspec-startup-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the built CLI with `args`; returns its outcome and the npm packages it loaded. */
function runBuilt(args: string[]): { status: number | null; stdout: string; stderr: string; packages: string[] } {
  const record = join(scratch, `run-${++runs}.txt`);
  writeFileSync(record, '');
  const result = spawnSync(process.execPath, ['--import', RECORDER, CLI, ...args], {
    cwd: scratch,
    encoding: 'utf8',
    env: { ...process.env, RECORD_PACKAGES: record },
  });
  const urls = readFileSync(record, 'utf8').split('\n').filter(Boolean);
  const packages = [
    ...new Set(urls.map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] as string)),
  ].sort();
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, packages };
}

describe('the built CLI at start-up', () => {
  it('prints its version from package.json with --version and -V, loading only commander', () => {
    for (const flag of ['--version', '-V']) {
      const run = runBuilt([flag]);
      expect(run).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '', packages: ['commander'] });
    }
  });

  it('prints the help with --help, loading only commander', () => {
    const run = runBuilt(['--help']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Usage: ledgerspec \[options\] \[command\]/);
    expect(run.stdout).toContain('-V, --version');
    expect(run.packages).toEqual(['commander']);
  });

  it("prints a command's help without loading the command", () => {
    const run = runBuilt(['generate', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: ledgerspec generate \[options\]/);
    expect(run.packages).toEqual(['commander']);
  });

  it('is JavaScript with no TypeScript loader: no tsx or esbuild until a user .ts file is imported', () => {
    const run = runBuilt(['lint', '--spec', join(PROJECT, 'spec')]);
    expect(run.stdout.trim()).toBe('ledgerspec lint: no problems');
    expect(run.status).toBe(0);
    for (const heavy of ['tsx', 'esbuild', 'typescript', 'prettier', 'openapi-typescript', 'json-schema-to-typescript'])
      expect(run.packages).not.toContain(heavy);
  });
});

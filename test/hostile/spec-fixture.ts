import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, type LedgerspecConfig } from '../../generator/config.ts';
import { PROJECT_DIR } from '../helpers/spec.ts';

/** The small, lint-clean spec the hostile spec cases start from (a widget and a gadget). */
export const BASE_SPEC = join(PROJECT_DIR, 'test/fixtures/lint-base');
export const BIN = join(PROJECT_DIR, 'bin/ledgerspec.js');
export const WIDGET = 'schemas/accounting/widget.yaml';
export const GADGET = 'schemas/accounting/gadget.yaml';

/** A file of the spec, relative to it, and what it becomes: its new text, or a function of the old. */
export type SpecEdits = Record<string, string | ((text: string) => string)>;

const temps: string[] = [];

/** Removes every folder made by `specFixture` (call from afterAll). */
export function removeSpecFixtures(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A copy of the base spec in a fresh temporary folder, with `edits` applied; returns the folder
 * that holds `spec/` (and, once generated, `out/` and `connectors/`). Nothing touches the repo. */
export function specFixture(edits: SpecEdits = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerspec-hostile-'));
  temps.push(dir);
  const spec = join(dir, 'spec');
  cpSync(BASE_SPEC, spec, { recursive: true });
  // The generated code imports its runtime packages (ajv, re2js): resolve them from the project.
  symlinkSync(join(PROJECT_DIR, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(spec, file);
    const text = typeof edit === 'string' ? edit : edit(readFileSync(path, 'utf8'));
    writeFileSync(path, text);
  }
  return dir;
}

/** The generate configuration for a fixture folder: output and connectors inside it. */
export function fixtureConfig(dir: string, overrides: Partial<LedgerspecConfig> = {}): LedgerspecConfig {
  return {
    ...DEFAULT_CONFIG,
    specDir: join(dir, 'spec'),
    outDir: join(dir, 'out'),
    connectorsDir: join(dir, 'connectors'),
    ...overrides,
  };
}

/** Runs the CLI in the fixture folder (relative paths in its output), as a user would. */
export function runCli(dir: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('node', [BIN, '--spec', 'spec', ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** What no user may ever see: a JavaScript stack frame. */
export const STACK_FRAME = /^\s+at .+[(:]\d+|node:internal|Node\.js v\d+/m;

import { cpSync, existsSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_DIR } from './spec.ts';

/** What a working copy of the project needs to generate, lint, run conformance and its own
 * spec-driven tests: sources, spec, connectors, generated output, tests and their configs. */
const PARTS = [
  'package.json',
  'ledgerspec.config.ts',
  'tsconfig.json',
  'vitest.config.ts',
  'redocly.yaml',
  'bin',
  'dist/cli',
  'generator',
  'templates',
  'spec',
  'connectors',
  'generated',
  'sandbox',
  'scripts',
  'test',
];

/** Build products and test leftovers that a copy must not inherit. */
const LEFT_OUT = ['generated/docs', 'test/.artifacts'];

/** Copies the project into `target` (an empty folder) and links its node_modules. Timestamps are
 * kept so that a fresh CLI bundle (dist/cli, checked by size and mtime) stays fresh in the copy
 * and `npx ledgerspec` there starts as fast as here. */
export function copyProject(target: string): void {
  const keep = (source: string) => !LEFT_OUT.includes(relative(PROJECT_DIR, source));
  for (const part of PARTS) {
    const source = join(PROJECT_DIR, part);
    if (existsSync(source))
      cpSync(source, join(target, part), { recursive: true, preserveTimestamps: true, filter: keep });
  }
  symlinkSync(join(PROJECT_DIR, 'node_modules'), join(target, 'node_modules'), 'dir');
}

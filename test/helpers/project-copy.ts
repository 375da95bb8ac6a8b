import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleIsFresh } from '../../bin/bundle-freshness.js';
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
 * kept to the nanosecond, so that a fresh CLI bundle (dist/cli, checked against each source
 * file's size and mtimeMs, which has sub-millisecond digits) stays fresh in the copy and
 * `npx ledgerspec` there runs it as here, not the sources through tsx (about 0.6 CPU-s more a
 * call). Node's own copy sets times with millisecond precision only, so `cp -a` copies, with
 * Node's copy as the fallback where there is no such `cp`. */
export function copyProject(target: string): void {
  for (const [folder, paths] of byFolder(pathsToCopy())) {
    const destination = join(target, folder);
    mkdirSync(destination, { recursive: true });
    const sources = paths.map((path) => join(PROJECT_DIR, path));
    try {
      execFileSync('cp', ['-a', ...sources, destination], { stdio: 'pipe' });
    } catch {
      for (const path of paths) cpSync(join(PROJECT_DIR, path), join(target, path), copyOptions);
    }
  }
  symlinkSync(join(PROJECT_DIR, 'node_modules'), join(target, 'node_modules'), 'dir');
}

const copyOptions = { recursive: true, preserveTimestamps: true, force: true } as const;

/** PARTS that exist, a part holding something LEFT_OUT replaced by its other entries. */
function pathsToCopy(): string[] {
  return PARTS.filter((part) => existsSync(join(PROJECT_DIR, part))).flatMap((part) =>
    LEFT_OUT.some((left) => left.startsWith(`${part}/`))
      ? readdirSync(join(PROJECT_DIR, part))
          .map((entry) => `${part}/${entry}`)
          .filter((path) => !LEFT_OUT.includes(path))
      : [part],
  );
}

/** The paths grouped by the folder they sit in, so that one `cp` copies each group. */
function byFolder(paths: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const path of paths) groups.set(dirname(path), [...(groups.get(dirname(path)) ?? []), path]);
  return groups;
}

/** Whether `root`'s CLI bundle is fresh, by bin/ledgerspec.js's own rule. */
export function cliBundleIsFresh(root: string): boolean {
  return bundleIsFresh(pathToFileURL(`${root.replace(/\/$/, '')}/`));
}

/** Builds the CLI bundle (scripts/build-cli.mjs) unless it is fresh already, as it is in CI, which
 * builds before the tests: the script's own up-to-date check costs a CPU-second. */
export function ensureCliBundle(): void {
  if (!cliBundleIsFresh(PROJECT_DIR))
    execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: PROJECT_DIR, stdio: 'pipe' });
}

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliBundleIsFresh, copyProject } from '../helpers/project-copy.ts';
import { readmeShellBlocks, type ShellBlock } from '../helpers/readme.ts';
import { PROJECT_DIR } from '../helpers/spec.ts';
import { runBlock } from '../helpers/shell-runner.ts';
import { tempDirs } from '../helpers/temp.ts';

// Every ```sh block of the README runs as written, in a copy of the project: servers and mocks
// are started and stopped around the block's curl calls, whose answers must have the status they
// ask for (or a 2xx). A block that cannot run here says why in an HTML comment just above it,
// `<!-- readme-test: skip — reason -->`, and is listed as skipped; one that needs files a user
// would have (payloads to validate, an older spec) names the command that makes them,
// `<!-- readme-test: setup — command -->`, run first.
// The copy is a git repository (branch main, the state tagged v1.4.0: a released version), as
// the `ledgerspec diff` examples assume of a project. The README's scaffold example is left to
// test/scaffold/readme-example.test.ts, which runs it and then the spec-driven tests.

const temp = tempDirs('ledgerspec-readme-shell-');
const project = temp();
const home = temp();
const blocks = readmeShellBlocks();
const skipped = blocks.filter((b) => b.note?.startsWith('skip'));
const runnable = blocks.filter((b) => !skipped.includes(b));
const scaffoldExample = /^npx ledgerspec scaffold resource /;
const shims = join(home, 'bin');

/** `npx ledgerspec …` as npm resolves it in this project (the package's own bin, bin/ledgerspec.js),
 * and `npx prism …` as it resolves an installed package's bin (node_modules/.bin/prism), without
 * npm's start-up: npx costs 1.7 CPU-s a call, more than most of the commands, and the README calls
 * it a dozen times. Anything else goes to the real npx. One test below runs the real npx to show
 * that it resolves to the same CLI. */
const NPX_SHIM = `#!/bin/sh
if [ "$1" = ledgerspec ]; then shift; exec "${process.execPath}" bin/ledgerspec.js "$@"; fi
if [ -x "node_modules/.bin/$1" ]; then bin="$1"; shift; exec "node_modules/.bin/$bin" "$@"; fi
PATH="\${PATH#*:}" exec npx "$@"
`;

/** A shell's environment, offline, with curl told (by ~/.curlrc) to print each answer's status. */
function shellEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    npm_config_cache: join(process.env.HOME ?? home, '.npm'),
    npm_config_offline: 'true',
    REDOCLY_TELEMETRY: 'off',
    REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    CI: '1',
    NO_COLOR: '1',
    PATH: `${shims}:${process.env.PATH ?? ''}`,
  };
  for (const name of Object.keys(env)) if (/^VITEST|^TEST$|^NODE_ENV$/.test(name)) delete env[name];
  return env;
}

beforeAll(() => {
  copyProject(project);
  mkdirSync(shims);
  writeFileSync(join(shims, 'npx'), NPX_SHIM, { mode: 0o755 });
  writeFileSync(join(home, '.curlrc'), 'silent\nshow-error\nwrite-out = "\\nreadme-test-status %{http_code}\\n"\n');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: project, env: shellEnv(), stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=readme', '-c', 'user.email=readme@example.com', 'commit', '-q', '-m', 'v1.4.0');
  git('tag', 'v1.4.0');
});

describe('README shell examples', () => {
  it('says why each skipped block cannot run here', () => {
    const reasons = skipped.map((b) => `README.md:${b.line}: ${b.note}`);
    console.log(`${skipped.length} of ${blocks.length} README shell blocks skipped:\n${reasons.join('\n')}`);
    for (const block of skipped) expect(block.note).toMatch(/^skip — \S/);
    expect(runnable.length).toBeGreaterThan(skipped.length);
  });

  it("resolves `npx ledgerspec` to the project's own CLI through the real npx", () => {
    const { PATH: _shimmed, ...env } = shellEnv();
    const npx = (...args: string[]) =>
      execFileSync('npx', args, { cwd: project, env: { ...env, PATH: process.env.PATH }, encoding: 'utf8' });
    expect(npx('ledgerspec', '--version')).toBe(
      execFileSync(process.execPath, ['bin/ledgerspec.js', '--version'], { cwd: project, encoding: 'utf8' }),
    );
  });

  it('runs the CLI bundle in the copy whenever the project does (as the README says CI and the tests do)', () => {
    // A copy whose dist/cli looked stale would run every command through tsx: the same answers,
    // slower (copies must keep each file's mtime to the sub-millisecond).
    expect(cliBundleIsFresh(project)).toBe(cliBundleIsFresh(PROJECT_DIR));
  });

  it.each(runnable.map((b) => [b.line, b] as [number, ShellBlock]))(
    'the block at README.md:%i runs as written',
    async (_line, block) => {
      const setup = block.note?.startsWith('setup — ') ? [block.note.slice('setup — '.length)] : [];
      const commands = [...setup, ...block.commands.filter((c) => !scaffoldExample.test(c))];
      const results = await runBlock(commands, project, shellEnv());
      console.log(results.map((r) => `${r.seconds}s ${r.command.slice(0, 100)}`).join('\n'));
      expect(results.filter((r) => r.problem).map((r) => `${r.command}\n  ${r.problem}`)).toEqual([]);
    },
    600_000, // the everyday block generates, lints, runs conformance and builds the docs
  );
});

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConformanceCommand } from '../../generator/commands/conformance.ts';
import { runGenerate } from '../../generator/commands/generate.ts';
import { runLint } from '../../generator/commands/lint.ts';
import { loadConfig, type LedgerspecConfig } from '../../generator/config.ts';
import { compileSpecCached } from '../../generator/pipeline/compiled-spec.ts';
import { copyProject } from '../helpers/project-copy.ts';
import { readmeShellBlocks } from '../helpers/readme.ts';
import { PROJECT_DIR } from '../helpers/spec.ts';
import { tempDirs } from '../helpers/temp.ts';

// The README's scaffold example, run as a new user would (the command as the README writes it,
// through npx) in a copy of the project; then the checks that read the spec must all pass there:
// lint, generate --check, tsc over generated/, conformance (which refreshes the coverage report,
// as the README's everyday block does next) and the test files that go over every entity.
const run = promisify(execFile);
const project = tempDirs('ledgerspec-readme-example-')();
const example = readmeShellBlocks()
  .flatMap((b) => b.commands)
  .find((c) => c.startsWith('npx ledgerspec scaffold resource '));

/** Test files that iterate the spec's entities or resources (none may assume how many there are). */
const SPEC_DRIVEN_TESTS = [
  'test/spec/entities.test.ts',
  'test/spec/examples.test.ts',
  'test/spec/seeds.test.ts',
  'test/emit/client.test.ts',
  'test/connectors/conformance.test.ts',
  'test/validators/generated.test.ts',
  'test/validators/precompiled.test.ts',
  'test/server/seed.test.ts',
];

/** The environment of a command typed at a shell: offline npm, no traces of this vitest run. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_offline: 'true', CI: '1', NO_COLOR: '1' };
  for (const name of Object.keys(env)) if (/^VITEST|^TEST$|^NODE_ENV$/.test(name)) delete env[name];
  return env;
}

let config: LedgerspecConfig;
/** tsc over the copy's generated/, started once the example has run: it overlaps the other checks. */
let typeCheck: Promise<unknown>;
const lines: string[] = [];
const collect = (line: string) => void lines.push(line);

beforeAll(async () => {
  expect(example, 'README has a `npx ledgerspec scaffold resource` example').toBeDefined();
  copyProject(project);
  await run('sh', ['-c', example!], { cwd: project, env: userEnv() });
  config = await loadConfig(project);
  const tsc = join(PROJECT_DIR, 'node_modules/typescript/bin/tsc');
  typeCheck = run(process.execPath, [tsc, '--noEmit', '-p', join(project, 'generated')]);
  typeCheck.catch(() => {}); // awaited by its own test; not an unhandled rejection before that
});

describe("the README's scaffold example", () => {
  it('adds the resource to the spec and to generated/', async () => {
    const name = /scaffold resource (\w+)/.exec(example!)![1]!;
    const ir = await compileSpecCached(config);
    expect(ir.entities.map((e) => e.name)).toContain(name);
  });

  it('leaves a spec that lints, and generated/ up to date', async () => {
    expect(runLint(config, { format: 'text' }, collect), lines.join('\n')).toBe(0);
    expect(await runGenerate(config, { check: true }, collect), lines.join('\n')).toBe(0);
  });

  it('leaves generated/ type-checking under strict', async () => {
    await typeCheck;
  });

  it('passes conformance, and then the spec-driven tests of the copy', async () => {
    const ir = await compileSpecCached(config);
    expect(
      await runConformanceCommand(config, ir, { format: 'text', report: config.connectorsDir }, collect),
      lines.join('\n'),
    ).toBe(0);
    const vitest = join(PROJECT_DIR, 'node_modules/vitest/vitest.mjs');
    const result = await run(process.execPath, [vitest, 'run', ...SPEC_DRIVEN_TESTS], {
      cwd: project,
      env: userEnv(),
    }).catch((error: { stdout: string; stderr: string }) => error);
    expect('code' in result ? `${result.stdout}\n${result.stderr}` : '').toBe('');
    expect(result.stdout).toMatch(new RegExp(`Test Files\\s+\\S*${SPEC_DRIVEN_TESTS.length} passed`));
  });
});

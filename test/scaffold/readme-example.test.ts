import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConformanceCommand } from '../../generator/commands/conformance.ts';
import { runGenerate } from '../../generator/commands/generate.ts';
import { runLint } from '../../generator/commands/lint.ts';
import { runScaffoldResource } from '../../generator/commands/scaffold-resource.ts';
import { loadConfig, type LedgerspecConfig } from '../../generator/config.ts';
import { compileSpecCached } from '../../generator/pipeline/compiled-spec.ts';
import { typeCheckProject } from '../helpers/compile.ts';
import { copyProject } from '../helpers/project-copy.ts';
import { readmeShellBlocks } from '../helpers/readme.ts';
import { PROJECT_DIR } from '../helpers/spec.ts';
import { tempDirs } from '../helpers/temp.ts';

// The README's scaffold example, run as a new user would (the command as the README writes it,
// through npx) in a copy of the project; then the checks that read the spec must all pass there:
// lint, generate --check, tsc over generated/, conformance (which refreshes the coverage report,
// as the README's everyday block does next) and the test files that go over every entity. The new
// resource must also work end to end: the spec edited only where it must be, strict types, the
// generated server and sandbox, and the generated client talking to it over HTTP. (One scaffolded
// copy serves all of it: a scaffold regenerates the whole tree, and tsc over it is seconds more.)
const run = promisify(execFile);
const project = tempDirs('ledgerspec-readme-example-')();
const example = readmeShellBlocks()
  .flatMap((b) => b.commands)
  .find((c) => c.startsWith('npx ledgerspec scaffold resource '));
/** The resource the README's example adds (fixed_assets). */
const resource = /scaffold resource (\w+)/.exec(example ?? '')?.[1] ?? '';

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
const lines: string[] = [];
const collect = (line: string) => void lines.push(line);

beforeAll(async () => {
  expect(example, 'README has a `npx ledgerspec scaffold resource` example').toBeDefined();
  copyProject(project);
  await run('sh', ['-c', example!], { cwd: project, env: userEnv() });
  config = await loadConfig(project);
});

describe("the README's scaffold example", () => {
  it('adds the resource to the spec and to generated/', async () => {
    const ir = await compileSpecCached(config);
    expect(ir.entities.map((e) => e.name)).toContain(resource);
    const root = readFileSync(join(project, 'spec/openapi.yaml'), 'utf8');
    expect(root).toContain(`/accounting/${resource}: { $ref: paths/accounting/${resource}.yaml#/collection }`);
    expect(root).toContain('FixedAsset:\n      $ref: schemas/accounting/fixed_asset.yaml');
    for (const file of ['types/fixed_asset.ts', 'types/fixed_asset_create.ts', 'client/resources/fixed_assets.ts'])
      expect(existsSync(join(project, 'generated', file)), file).toBe(true);
  });

  it('leaves the rest of the spec as it was', () => {
    const original = readFileSync(join(PROJECT_DIR, 'spec/openapi.yaml'), 'utf8').split('\n');
    const changed = readFileSync(join(project, 'spec/openapi.yaml'), 'utf8').split('\n');
    // Lines are only added, and a list's last entry gains the comma the new entry needs.
    const gone = original.filter((l) => !changed.includes(l));
    expect(gone.every((l) => changed.includes(`${l},`))).toBe(true);
    expect(changed.length - original.length).toBeLessThan(12);
    expect(readFileSync(join(project, 'spec/paths/accounting/invoices.yaml'), 'utf8')).toBe(
      readFileSync(join(PROJECT_DIR, 'spec/paths/accounting/invoices.yaml'), 'utf8'),
    );
  });

  it('is served by the sandbox and reached through the generated client', async () => {
    writeFileSync(
      join(project, 'check.ts'),
      `
      import { startSandbox } from './sandbox/server.ts';
      import { createClient } from './generated/client/index.ts';
      const sandbox = await startSandbox({ port: 0, apiKey: 'k' });
      const client = createClient({ baseUrl: sandbox.url, apiKey: 'k', validateResponses: true });
      const page = await client.accounting.fixedAssets.list({ company_id: 'com_xero', sort: ['-name'] });
      const job = await client.accounting.fixedAssets.create({ company_id: 'com_xero', data: { name: 'Delivery van' } });
      const id = job.data.records[0]!.response!.platform_id;
      const { data } = await client.accounting.fixedAssets.get(id, { company_id: 'com_xero' });
      console.log(JSON.stringify({ listed: page.data.length, status: job.data.status, name: data.name }));
      await sandbox.close();
    `,
    );
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'check.ts'], { cwd: project });
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(result.listed).toBeGreaterThan(0);
    expect(result).toMatchObject({ status: 'SUCCESS', name: 'Delivery van' });
  });

  it('refuses a name already taken (exit 1), or not plural snake_case (a usage error: exit 2), and writes nothing', async () => {
    const before = readFileSync(join(project, 'spec/openapi.yaml'), 'utf8');
    const out: string[] = [];
    const scaffold = (name: string, area: 'core' | 'accounting') =>
      runScaffoldResource(config, name, { area, ops: ['list'], generate: false }, (l) => out.push(l));
    expect(await scaffold('invoices', 'accounting')).toBe(1);
    expect(await scaffold(resource, 'accounting')).toBe(1);
    expect(await scaffold('FixedThings', 'accounting')).toBe(2);
    expect(await scaffold('vehicle', 'core')).toBe(2);
    expect(out.join('\n')).toMatch(
      /already defines invoices[\s\S]*already defines fixed_assets[\s\S]*plural snake_case[\s\S]*should be plural \(vehicles\)/,
    );
    expect(readFileSync(join(project, 'spec/openapi.yaml'), 'utf8')).toBe(before);
  });

  it('leaves a spec that lints, and generated/ up to date', async () => {
    expect(runLint(config, { format: 'text' }, collect), lines.join('\n')).toBe(0);
    expect(await runGenerate(config, { check: true }, collect), lines.join('\n')).toBe(0);
  });

  it('leaves generated/ type-checking under strict', () => {
    // `tsc --noEmit -p generated` in the copy, in-process (test/helpers/compile.ts): with the
    // TypeScript this worker has loaded and the lib files it has parsed already. tsc's diagnostics, none.
    expect(typeCheckProject(join(project, 'generated'), { noEmit: true })).toBe('');
  });

  it('passes conformance, and then the spec-driven tests of the copy', async () => {
    const ir = await compileSpecCached(config);
    expect(
      await runConformanceCommand(config, ir, { format: 'text', report: config.connectorsDir }, collect),
      lines.join('\n'),
    ).toBe(0);
    const vitest = join(PROJECT_DIR, 'node_modules/vitest/vitest.mjs');
    // One worker: the eight files then load the generator, Ajv and the compiled spec once, not once
    // per worker (the outer run keeps both cores busy anyway); a thread, which starts for less than
    // a process.
    const result = await run(
      process.execPath,
      [vitest, 'run', '--maxWorkers=1', '--pool=threads', ...SPEC_DRIVEN_TESTS],
      {
        cwd: project,
        env: userEnv(),
      },
    ).catch((error: { stdout: string; stderr: string }) => error);
    expect('code' in result ? `${result.stdout}\n${result.stderr}` : '').toBe('');
    expect(result.stdout).toMatch(new RegExp(`Test Files\\s+\\S*${SPEC_DRIVEN_TESTS.length} passed`));
  });
});

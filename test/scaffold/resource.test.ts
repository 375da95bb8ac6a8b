import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScaffoldResource } from '../../generator/commands/scaffold-resource.ts';
import { DEFAULT_CONFIG, type LedgerspecConfig } from '../../generator/config.ts';
import { PROJECT_DIR } from '../helpers/spec.ts';

// A copy of the project (spec, sandbox, the connectors it writes through and the generator code
// it loads them with; node_modules linked) gets a new resource scaffolded
// and regenerated; the resource must then work end to end: strict types, validators, the
// generated server and sandbox, and the generated client talking to it over HTTP.
const project = mkdtempSync(join(tmpdir(), 'ledgerspec-scaffold-'));
const config: LedgerspecConfig = {
  ...DEFAULT_CONFIG,
  specDir: join(project, 'spec'),
  outDir: join(project, 'generated'),
  connectorsDir: join(project, 'connectors'),
};
const lines: string[] = [];
const run = promisify(execFile);

beforeAll(async () => {
  for (const dir of ['spec', 'sandbox', 'generated', 'generator', 'connectors', 'templates'])
    cpSync(join(PROJECT_DIR, dir), join(project, dir), { recursive: true });
  symlinkSync(join(PROJECT_DIR, 'node_modules'), join(project, 'node_modules'), 'dir');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  const code = await runScaffoldResource(
    config,
    'fixed_assets',
    { area: 'accounting', ops: ['list', 'get', 'create'] },
    (l) => lines.push(l),
  );
  expect(code, lines.join('\n')).toBe(0);
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('scaffold resource', () => {
  it('writes the schema, the path items and the root entries, then regenerates', () => {
    expect(lines.slice(0, 3)).toEqual([
      expect.stringMatching(/wrote .*spec\/schemas\/accounting\/fixed_asset\.yaml$/),
      expect.stringMatching(/wrote .*spec\/paths\/accounting\/fixed_assets\.yaml$/),
      expect.stringMatching(/wrote .*spec\/openapi\.yaml$/),
    ]);
    const root = readFileSync(join(project, 'spec/openapi.yaml'), 'utf8');
    expect(root).toContain('/accounting/fixed_assets: { $ref: paths/accounting/fixed_assets.yaml#/collection }');
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

  it('type-checks under strict', async () => {
    await run(process.execPath, [
      join(PROJECT_DIR, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(project, 'generated'),
    ]);
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
    expect(
      await runScaffoldResource(config, 'invoices', { area: 'accounting', ops: ['list'], generate: false }, (l) =>
        out.push(l),
      ),
    ).toBe(1);
    expect(
      await runScaffoldResource(config, 'FixedThings', { area: 'accounting', ops: ['list'], generate: false }, (l) =>
        out.push(l),
      ),
    ).toBe(2);
    expect(
      await runScaffoldResource(config, 'vehicle', { area: 'core', ops: ['list'], generate: false }, (l) =>
        out.push(l),
      ),
    ).toBe(2);
    expect(out.join('\n')).toMatch(
      /already defines invoices[\s\S]*plural snake_case[\s\S]*should be plural \(vehicles\)/,
    );
    expect(readFileSync(join(project, 'spec/openapi.yaml'), 'utf8')).toBe(before);
  });
});

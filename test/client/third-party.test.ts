/** The client generated from a real third-party spec — Xero's Assets API, verbatim
 * (test/fixtures/third-party/README.md) — called against Stoplight Prism mocking that same spec.
 * Prism checks every request against the spec (400 for a missing required header or query
 * parameter, 401 without credentials), so a 2xx here means the client sent what Xero's spec
 * asks for: path, query, header parameters and body where the spec puts them. */
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGenerate } from '../../generator/commands/generate.ts';
import { loadConfig } from '../../generator/config.ts';
import { capturedOutput } from '../helpers/captured-output.ts';
import { compileVirtual, typeCheckProject } from '../helpers/compile.ts';
import { startPrism, stopPrism, type PrismProcess } from '../helpers/prism.ts';
import { PROJECT_DIR } from '../helpers/spec.ts';
import { tempDirs } from '../helpers/temp.ts';

const FIXTURE = join(PROJECT_DIR, 'test/fixtures/third-party/xero-assets.yaml');
const TENANT = { 'xero-tenant-id': 'a3a4dbaf-3495-a808-ed7a-2f5d3e3a44d6' };

// Loose on purpose: the generated module is imported at run time, its types are checked by tsc below.
type AnyClient = Record<string, Record<string, (args?: unknown, options?: unknown) => Promise<unknown>>>;
interface ClientModule {
  createClient(options: object): AnyClient;
  ApiError: new (...args: never[]) => Error & { status: number };
}

let project: string;
let prism: PrismProcess;
let client: AnyClient;
let ApiError: ClientModule['ApiError'];
const sent: Request[] = [];

beforeAll(async () => {
  project = tempDirs('ledgerspec-third-party-client-')();
  mkdirSync(join(project, 'spec'));
  cpSync(FIXTURE, join(project, 'spec/openapi.yaml'));
  symlinkSync(join(PROJECT_DIR, 'node_modules'), join(project, 'node_modules'), 'dir');
  writeFileSync(join(project, 'package.json'), '{ "type": "module" }\n');
  // `ledgerspec generate --no-house-rules --no-cache` in the project, in-process with the CLI's Output.
  const generated = capturedOutput();
  const config = await loadConfig(project, { houseRules: false, cacheDir: false });
  const status = await runGenerate(config, { check: false }, generated.output);
  if (status !== 0) throw new Error(`generate failed (${status}):\n${generated.stderr()}`);
  prism = await startPrism(['mock', FIXTURE], 90_000);
  const module = (await import(join(project, 'generated/client/index.ts'))) as ClientModule;
  ApiError = module.ApiError;
  client = module.createClient({
    baseUrl: prism.url,
    headers: { authorization: 'Bearer test-token' },
    retries: 0,
    middleware: [{ onRequest: ({ request }: { request: Request }) => (sent.push(request.clone()), request) }],
  });
}, 120_000);

afterAll(async () => {
  if (prism) await stopPrism(prism);
});

describe('a client generated from Xero Assets API spec, against Prism mocking it', () => {
  it('groups the operations by tag and names them by operationId', () => {
    expect(Object.keys(client).sort()).toEqual(['asset']);
    expect(Object.keys(client.asset!).sort()).toEqual([
      'createAsset',
      'createAssetType',
      'getAssetById',
      'getAssetSettings',
      'getAssetTypes',
      'getAssets',
    ]);
  });

  it('sends the required header and query parameters where the spec puts them', async () => {
    const page = (await client.asset!.getAssets!({
      header: TENANT,
      query: { status: 'REGISTERED', page: 1, pageSize: 5, orderBy: 'AssetName', sortDirection: 'asc' },
    })) as { items?: unknown[] };
    expect(Array.isArray(page.items)).toBe(true);
    const request = sent.at(-1)!;
    expect(new URL(request.url).search).toBe(
      '?status=REGISTERED&page=1&pageSize=5&orderBy=AssetName&sortDirection=asc',
    );
    expect(request.headers.get('xero-tenant-id')).toBe(TENANT['xero-tenant-id']);
  });

  it('fills path parameters', async () => {
    const id = '68f17094-af97-4f1b-b36b-013b45b6ad3c';
    const asset = (await client.asset!.getAssetById!({ header: TENANT, path: { id } })) as { assetId?: string };
    expect(typeof asset).toBe('object');
    expect(new URL(sent.at(-1)!.url).pathname).toBe(`/Assets/${id}`);
  });

  it('sends a JSON body, and an Idempotency-Key header parameter once, as given', async () => {
    const body = { assetName: 'Computer74863', assetNumber: '123477544', assetStatus: 'Draft' };
    const created = (await client.asset!.createAsset!({
      header: { ...TENANT, 'Idempotency-Key': 'key-from-the-caller' },
      body,
    })) as { assetName?: string };
    expect(typeof created.assetName).toBe('string');
    const request = sent.at(-1)!;
    expect(request.method).toBe('POST');
    expect(await request.json()).toEqual(body);
    expect(request.headers.get('idempotency-key')).toBe('key-from-the-caller');
    expect(request.headers.get('content-type')).toBe('application/json');
  });

  it('gets a 400 from Prism when a required header is left out (so the 2xx above are real checks)', async () => {
    const error = await client.asset!.getAssetSettings!({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as { status: number }).status).toBe(400);
    await expect(client.asset!.getAssetSettings!({ header: TENANT })).resolves.toBeTypeOf('object');
  });

  it('types each call from the spec: required groups, enums, bodies and results', () => {
    const usage = `import { createClient } from './generated/client/index.js';
const client = createClient({ baseUrl: 'http://127.0.0.1:1', headers: { authorization: 'Bearer t' } });
const tenant = { 'xero-tenant-id': 't' };
export async function ok() {
  const page = await client.asset.getAssets({ header: tenant, query: { status: 'DRAFT', pageSize: 5 } });
  const names: (string | undefined)[] | undefined = page.items?.map((a) => a.assetName);
  const one = await client.asset.getAssetById({ header: tenant, path: { id: 'x' } });
  const settings = await client.asset.getAssetSettings({ header: tenant });
  await client.asset.createAsset({ header: tenant, body: { assetName: 'Laptop' } });
  return [names, one.assetId, settings.assetNumberPrefix];
}
export async function wrong() {
  // @ts-expect-error the xero-tenant-id header is required
  await client.asset.getAssetSettings({});
  // @ts-expect-error status is an enum
  await client.asset.getAssets({ header: tenant, query: { status: 'LOST' } });
  // @ts-expect-error createAsset needs a body
  await client.asset.createAsset({ header: tenant });
  // @ts-expect-error assetName is required in the body
  await client.asset.createAsset({ header: tenant, body: { assetNumber: 'FA-1' } });
  // @ts-expect-error there is no such operation
  await client.asset.deleteAsset;
}
`;
    const problems = compileVirtual(new Map([[join(project, 'usage.ts'), usage]]), { types: ['node'] });
    expect(problems).toEqual([]);
    // `tsc -p generated`, in-process (test/helpers/compile.ts): tsc's diagnostics, none.
    expect(typeCheckProject(join(project, 'generated'))).toBe('');
  }, 60_000);
});

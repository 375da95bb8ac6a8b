import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSpecServer, type SpecServer } from '../client/helpers/spec-server.ts';
import { typeCheckProject } from '../helpers/compile.ts';
import { installedPackages, installOffline } from './offline-install.ts';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const exec = promisify(execFile);
const manifest = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as {
  version: string;
  peerDependencies: Record<string, string>;
};

// `npm pack` (which builds dist/ at prepack), then the tarball installed with npm into empty
// projects outside the repository, as a user would: a client-only one and a server one (which
// adds fastify, the server export's peer). Plain Node ESM programs import the package there.
let server: SpecServer;
let work: string;
let packedFiles: string[];
let clientApp: string;
let serverApp: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ledgerspec-tarball-'));
  const { stdout } = await exec('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: PROJECT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  packedFiles = packed!.files.map((file) => file.path).sort();
  const tarball = join(work, packed!.filename);
  clientApp = join(work, 'client-app');
  serverApp = join(work, 'server-app');
  mkdirSync(clientApp);
  mkdirSync(serverApp);
  await Promise.all([
    installOffline(clientApp, tarball, PROJECT),
    installOffline(serverApp, tarball, PROJECT, { fastify: manifest.peerDependencies.fastify as string }),
  ]);
  server = await startSpecServer();
}, 600_000);
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Runs `source` as `app`'s main.mjs, asynchronously: the API it calls lives in this process. */
async function run(app: string, source: string): Promise<{ stdout: string; stderr: string }> {
  writeFileSync(join(app, 'main.mjs'), source);
  return exec(process.execPath, ['main.mjs'], {
    cwd: app,
    encoding: 'utf8',
    env: { ...process.env, API_URL: server.url },
  });
}

describe('npm pack', () => {
  it('ships the built JavaScript, declarations, templates and openapi.json', () => {
    for (const file of [
      'bin/ledgerspec.js',
      'dist/cli/cli.js',
      'dist/client/index.js',
      'dist/client/index.d.ts',
      'dist/server/index.js',
      'dist/validators/index.js',
      'dist/validators/standalone.js',
      'dist/types/index.js',
      'generated/openapi.json',
      'templates/client/resource.ts.hbs',
      'package.json',
      'README.md',
    ]) {
      expect(packedFiles).toContain(file);
    }
  });

  it('ships no sources, tests, fixtures, spec, connectors or build records', () => {
    const unwanted = packedFiles.filter(
      (file) =>
        /^(generator|test|spec|connectors|sandbox|bench|scripts|\.ci)\//.test(file) ||
        file.startsWith('dist/connectors/') ||
        file === 'dist/cli/inputs.json' ||
        file.endsWith('.tsbuildinfo'),
    );
    expect(unwanted).toEqual([]);
    // TypeScript outside templates/ would be source: only declarations ship.
    expect(
      packedFiles.filter((file) => /\.ts$/.test(file) && !file.endsWith('.d.ts') && !file.startsWith('templates/')),
    ).toEqual([]);
  });
});

describe('the installed tarball, client only', () => {
  it('installs ajv and its own dependencies, nothing of the generator or the server', async () => {
    const names = (await installedPackages(clientApp)).map((entry) => entry.replace(/@[^@]+$/, ''));
    expect([...new Set(names)].sort()).toEqual([
      'ajv',
      'ajv-formats',
      'fast-deep-equal',
      'fast-uri',
      'json-schema-traverse',
      'ledgerspec',
      're2js',
      'require-from-string',
    ]);
  });

  it('serves ledgerspec/client to a plain Node ESM program', async () => {
    const result = await run(
      clientApp,
      `
      import { createClient, NotFoundError } from 'ledgerspec/client';
      const client = createClient({ baseUrl: process.env.API_URL, apiKey: 'k', validateResponses: true });
      const page = await client.accounting.invoices.list({ company_id: 'c1', limit: 2 });
      console.log(page.data.map((i) => i.platform_id).join(','), typeof NotFoundError);
    `,
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('invoices-1,invoices-2 function');
  });

  it('serves ledgerspec/validators and ledgerspec/types', async () => {
    const result = await run(
      clientApp,
      `
      import { isInvoice, validateInvoicePayment } from 'ledgerspec/validators';
      import * as types from 'ledgerspec/types';
      const check = validateInvoicePayment({ platform_id: 'p', amount: 'ten' });
      console.log(isInvoice({}), check.ok, check.ok ? '' : check.issues[0].pointer, Object.keys(types).length);
    `,
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('false false /amount 0');
  });

  it("type-checks a TypeScript program against the exports' declarations", async () => {
    writeFileSync(
      join(clientApp, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        include: ['check.ts'],
      }),
    );
    writeFileSync(
      join(clientApp, 'check.ts'),
      [
        "import { createClient } from 'ledgerspec/client';",
        "import type { Invoice } from 'ledgerspec/types';",
        "import { isInvoice } from 'ledgerspec/validators';",
        "const client = createClient({ baseUrl: 'http://localhost', apiKey: 'k' });",
        "export const first = async (): Promise<Invoice | undefined> => (await client.accounting.invoices.list({ company_id: 'c1' })).data[0];",
        'export const check: (value: unknown) => boolean = isInvoice;',
        '// @ts-expect-error limit is a number',
        "export const wrong = () => client.accounting.invoices.list({ company_id: 'c1', limit: 'two' });",
        '',
      ].join('\n'),
    );
    // `tsc -p tsconfig.json` in the app, in-process (test/helpers/compile.ts): tsc's diagnostics in
    // check.ts and the package's declarations (skipLibCheck off), none.
    expect(typeCheckProject(clientApp, {}, ['ledgerspec'])).toBe('');
  });

  it('keeps everything else private', async () => {
    const result = await run(
      clientApp,
      `import('ledgerspec/dist/client/index.js').then(() => console.log('open'), (e) => console.log(e.code));`,
    );
    expect(result.stdout.trim()).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  it("says how to install the CLI's dependencies when the CLI runs without them (stderr, exit 2)", async () => {
    const result = await exec(join(clientApp, 'node_modules/.bin/ledgerspec'), ['--version'], {
      cwd: clientApp,
      encoding: 'utf8',
    }).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("ledgerspec: the CLI needs the package 'commander', which is not installed.");
    expect(result.stderr).toContain('npm install --save-dev @babel/code-frame@');
  });
});

describe('the installed tarball, with fastify', () => {
  it('serves ledgerspec/server: the Fastify app answers over HTTP', async () => {
    const result = await run(
      serverApp,
      `
      import { createServer, ROUTES, ServerError } from 'ledgerspec/server';
      const handlers = {};
      for (const route of ROUTES) (handlers[route.entity] ??= {})[route.handler] = () => { throw new ServerError('not-found', 'nothing here'); };
      const app = await createServer({ handlers, authenticate: (key) => key === 'k' });
      await app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = app.server.address();
      const base = 'http://127.0.0.1:' + port;
      const denied = await fetch(base + '/core/companies');
      const missing = await fetch(base + '/core/companies/c1', { headers: { api_key: 'k' } });
      console.log(ROUTES.length > 90, denied.status, (await denied.json()).error.code, missing.status, (await missing.json()).error.code);
      await app.close();
    `,
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('true 401 unauthorized 404 not-found');
  });
});

describe('the packed CLI, with its peer dependencies installed', () => {
  // The installed package (copied: Node resolves a linked one from where it really is), with the
  // CLI's peers linked from the repository's node_modules rather than installed a second time
  // (130 MB). No generator/ sources exist there, so this is the JavaScript bundle a user runs.
  let cliApp: string;
  beforeAll(() => {
    cliApp = join(work, 'cli-app');
    mkdirSync(join(cliApp, 'node_modules'), { recursive: true });
    cpSync(join(clientApp, 'node_modules/ledgerspec'), join(cliApp, 'node_modules/ledgerspec'), { recursive: true });
    for (const entry of readdirSync(join(PROJECT, 'node_modules'))) {
      if (entry !== 'ledgerspec' && entry !== '.bin' && !entry.startsWith('.'))
        symlinkSync(join(PROJECT, 'node_modules', entry), join(cliApp, 'node_modules', entry), 'dir');
    }
    writeFileSync(join(cliApp, 'payment.json'), JSON.stringify({ platform_id: 'p', amount: 'ten' }));
  });

  const cli = (args: string[]) =>
    exec(process.execPath, [join(cliApp, 'node_modules/ledgerspec/bin/ledgerspec.js'), ...args], {
      cwd: cliApp,
      encoding: 'utf8',
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        stdout: error.stdout,
        stderr: error.stderr,
      }),
    );

  it('prints its version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
  });

  it('lints a spec', async () => {
    expect(await cli(['lint', '--spec', join(PROJECT, 'spec')])).toEqual({
      code: 0,
      stdout: 'ledgerspec lint: no problems\n',
      stderr: '',
    });
  });

  it('validates a record against the spec and reports the problem', async () => {
    const result = await cli([
      '--spec',
      join(PROJECT, 'spec'),
      'validate',
      'payment.json',
      '--entity',
      'InvoicePayment',
    ]);
    // The problems on stderr, after the notice that this project has no generated validators.
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(
        /^ledgerspec validate: compiling validators at run time: .*\npayment\.json:1 \/amount: wrong type \(expected number or null, found "ten"\)\nledgerspec validate: 1 issue\(s\) in 1 of 1 file\(s\) \(1 record\(s\) checked\)\n$/,
      ),
    });
  });

  it('scaffolds a connector from the templates it ships', async () => {
    const result = await cli([
      '--spec',
      join(PROJECT, 'spec'),
      'scaffold',
      'connector',
      'freshbooks',
      '--entities',
      'invoices',
      '--name',
      'FreshBooks',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      'created   connectors/freshbooks/connector.ts',
      'created   connectors/freshbooks/README.md',
      'created   connectors/freshbooks/mappings/invoices.ts',
    ]);
    expect(readFileSync(join(cliApp, 'connectors/freshbooks/connector.ts'), 'utf8')).toMatch(
      /name: ["']FreshBooks["'],/,
    );
  });
});

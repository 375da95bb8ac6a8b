import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformanceCommand, type ConformanceOptions } from '../../generator/commands/conformance.ts';
import { runValidate } from '../../generator/commands/validate.ts';
import { loadConfig, type LedgerspecConfig } from '../../generator/config.ts';
import { capturedOutput } from '../helpers/captured-output.ts';
import { inFolder } from '../helpers/in-folder.ts';
import { PROJECT_DIR, projectIR } from '../helpers/spec.ts';

// A small connector written for this test ("demo", contacts only), run the way a user runs
// `ledgerspec --spec <the real spec> conformance|validate …` from the project folder, but
// in-process: the command's run function with the CLI's own Output (the same lines on the same
// streams), the configuration the CLI finds there, and the spec's IR from the project's cache
// (what the CLI's compileSpecCached gives); the working folder is the project's while it runs,
// as paths are printed relative to it. The CLI's own exit codes and streams for these commands
// are spawned in test/cli/conventions.test.ts.
const project = mkdtempSync(join(tmpdir(), 'ledgerspec-conformance-'));
const runtime = join(PROJECT_DIR, 'generated/connectors/index.ts');

function fromProject(
  command: (config: LedgerspecConfig, output: ReturnType<typeof capturedOutput>) => Promise<number>,
  format = 'text',
) {
  return inFolder(project, async () => {
    const output = capturedOutput(format);
    const code = await command(await loadConfig(project, { specDir: join(PROJECT_DIR, 'spec') }), output);
    return { code, out: output.stdout() + output.stderr(), stdout: output.stdout() };
  });
}

/** `ledgerspec conformance [--connector c] [--entity e] [--no-report] [--format f]`. */
const conformance = (options: Partial<ConformanceOptions> = {}) =>
  fromProject(
    async (config, output) =>
      runConformanceCommand(
        config,
        await projectIR(),
        { format: 'text', report: config.connectorsDir, ...options },
        output.output,
      ),
    options.format,
  );

/** `ledgerspec validate <file>`. */
const validate = (file: string) =>
  fromProject(async (config, output) =>
    runValidate(await projectIR(), [file], { format: 'text' }, output.output, { outDir: config.outDir }),
  );

function put(path: string, contents: unknown): void {
  const file = join(project, 'connectors/demo', path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof contents === 'string' ? contents : `${JSON.stringify(contents, null, 2)}\n`);
}

/** Puts fixture files in place for one test; the good ones come back afterwards whatever happens. */
async function withFixtures(files: Record<string, unknown>, check: () => Promise<void>): Promise<void> {
  for (const [path, contents] of Object.entries(files)) put(path, contents);
  try {
    await check();
  } finally {
    putGoodFixtures();
  }
}

function putGoodFixtures(): void {
  put('fixtures/contacts/acme.raw.json', { Contact: raw, time: '2024-03-01T10:00:00Z' });
  put('fixtures/contacts/acme.unified.json', unified);
  put('fixtures/contacts/acme.request.json', { DisplayName: 'Acme Ltd', Kind: 'customer' });
  put('fixtures/contacts/acme.meta.json', {
    source: 'Constructed for test/connectors/conformance-cli.test.ts',
    verbatim: false,
    notes: 'A one-contact demo platform.',
  });
}

const raw = { Id: 'C-1', DisplayName: 'Acme Ltd', Kind: 'customer', Email: null };
const unified = { platform_id: 'C-1', name: 'Acme Ltd', contact_type: 'Customer', email: null };

beforeAll(() => {
  writeFileSync(join(project, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  put(
    'connector.ts',
    `import { defineConnector } from ${JSON.stringify(runtime)};\nexport default defineConnector({ name: 'Demo', recordOf: (payload) => (payload as { Contact: unknown }).Contact, unsupportedEntities: { projects: { reason: 'Demo has no projects', docs: 'https://demo.example/docs/projects' } }, storedRecords: { contacts: (request: Record<string, unknown>, { platformId }) => ({ Id: platformId, ...request }) } });\n`,
  );
  put(
    'mappings/contacts.ts',
    `import { enumValue } from ${JSON.stringify(join(PROJECT_DIR, 'connectors/lib/values.ts'))};
import { mapRead, mapWrite, notSupported, todo } from ${JSON.stringify(runtime)};
type Raw = { Id: string; DisplayName: string; Kind?: string; Email?: string | null };
export const read = mapRead<'contacts', Raw>({
  platform_id: (raw) => raw.Id,
  name: (raw) => raw.DisplayName,
  contact_type: (raw) => enumValue({ customer: 'Customer', vendor: 'Vendor' } as const, raw.Kind, 'Unknown'),
  email: (raw) => raw.Email ?? null,
  tax_number: notSupported('Demo keeps no tax numbers'),
} as never);
export const write = mapWrite<'contacts', Record<string, unknown>>({
  name: (name) => ({ DisplayName: name }),
  contact_type: (type) => ({ Kind: type === 'Customer' ? 'customer' : 'vendor' }),
  email: todo('The email.'),
} as never);
`,
  );
  putGoodFixtures();
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('ledgerspec conformance', () => {
  it('passes a connector whose mappings reproduce its fixtures, and writes the coverage report', async () => {
    const { code, out } = await conformance();
    expect(out).toContain('demo: 1 mapping(s), 1 fixture case(s), 1 write(s), 1 round trip(s) — all pass');
    expect(out).toContain('conformance: 1 mapping(s) conform');
    expect(code, out).toBe(0);
    const markdown = readFileSync(join(project, 'connectors/coverage.md'), 'utf8');
    expect(markdown).toMatch(
      /\| \[contacts\]\(#contacts\) \| read 4\/\d+ \(\d+%\)<br>write \d+\/\d+ \(\d+%\)<br>pass · 1 fixture \(1 constructed\)<br>\[mapping\]\(demo\/mappings\/contacts\.ts\) · \[fixtures\]\(demo\/fixtures\/contacts\/\) \|/,
    );
    expect(markdown).toContain(
      '- Demo has no projects: Demo has no projects ([documentation](https://demo.example/docs/projects))',
    );
    expect(markdown).toContain('- Demo `tax_number`: Demo keeps no tax numbers');
    const html = readFileSync(join(project, 'connectors/coverage.html'), 'utf8');
    expect(html).toMatch(
      /<tr><th scope="row">name<\/th><td class="field-mapped" data-connector="demo">mapped<\/td><\/tr>/,
    );
    expect(html).toMatch(
      /<td class="field-not-supported" data-connector="demo" title="Demo keeps no tax numbers">not supported by the platform<\/td>/,
    );
    expect(html).toContain(
      '<li data-connector="demo"><strong>Demo</strong>: no projects: Demo has no projects <a href="https://demo.example/docs/projects">documentation</a></li>',
    );
    // Self-contained: nothing loaded from elsewhere.
    expect(html).not.toMatch(/<link|src=|@import|url\(/);
  });

  it('names connector, entity, file:line, pointer, expected and found for a wrong value; exit 1', async () => {
    await withFixtures({ 'fixtures/contacts/acme.unified.json': { ...unified, name: 'Acme Limited' } }, async () => {
      const { code, out } = await conformance({ report: false });
      expect(code).toBe(1);
      expect(out).toContain(
        'FAIL demo contacts connectors/demo/fixtures/contacts/acme.unified.json:3 /name: read.map(raw) differs from the unified record (expected "Acme Limited", found "Acme Ltd") [read]',
      );
    });
  });

  it('reports an expected record that breaks the schema, with its line', async () => {
    await withFixtures({ 'fixtures/contacts/acme.unified.json': { ...unified, contact_type: 'Client' } }, async () => {
      const { code, out } = await conformance({ report: false });
      expect(code).toBe(1);
      expect(out).toMatch(
        /FAIL demo contacts connectors\/demo\/fixtures\/contacts\/acme\.unified\.json:4 \/contact_type: not an allowed value \(expected one of Customer, Vendor, Both, Unknown, null, found "Client"\) \[expected-valid\]/,
      );
    });
  });

  it('reports a malformed fixture by line, and a request the write mapping does not produce', async () => {
    const broken = '{\n  "Contact": {\n    "Id": "C-1",\n  }\n}\n';
    await withFixtures(
      {
        'fixtures/contacts/acme.raw.json': broken,
        'fixtures/contacts/acme.request.json': { DisplayName: 'Acme Ltd', Kind: 'vendor' },
      },
      async () => {
        const { code, out } = await conformance({ connector: 'demo', entity: 'contacts' });
        expect(code).toBe(1);
        expect(out).toMatch(
          /FAIL demo contacts connectors\/demo\/fixtures\/contacts\/acme\.raw\.json:4 \/: malformed JSON/,
        );
        expect(out).toContain(
          'FAIL demo contacts connectors/demo/fixtures/contacts/acme.request.json:3 /Kind: write.map(body) differs from the request fixture (expected "vendor", found "customer") [write]',
        );
      },
    );
  });

  it('fails a case without a meta file: every fixture names its source', async () => {
    rmSync(join(project, 'connectors/demo/fixtures/contacts/acme.meta.json'));
    try {
      const { code, out } = await conformance({ report: false });
      expect(code).toBe(1);
      expect(out).toContain(
        'FAIL demo contacts connectors/demo/fixtures/contacts/acme.meta.json /: no meta file: where the raw payload was copied from, and which references are external (expected a <case>.meta.json, found none) [meta]',
      );
    } finally {
      putGoodFixtures();
    }
  });

  it('prints JSON with --format json, and refuses an unknown connector with exit 2', async () => {
    const json = await conformance({ format: 'json', report: false });
    expect(JSON.parse(json.stdout)).toMatchObject({
      failures: [],
      warnings: [],
      entities: [
        { connector: 'demo', entity: 'contacts', cases: 1, writes: 1, roundTrips: 1, failures: 0, warnings: 0 },
      ],
    });
    const unknown = await conformance({ connector: 'nope' });
    expect(unknown.code).toBe(2);
    expect(unknown.out).toContain('no connector "nope" in connectors; there are: demo');
  });
});

describe('ledgerspec validate on a broken fixture', () => {
  it('names the file, the pointer and the line of each problem', async () => {
    put(
      'fixtures/contacts/broken.unified.json',
      '{\n  "platform_id": "C-2",\n  "name": 42,\n  "contact_type": "Customer",\n  "colour": "blue"\n}\n',
    );
    const { code, out } = await validate('connectors/demo/fixtures/contacts/broken.unified.json');
    expect(code).toBe(1);
    expect(out).toMatch(
      /^connectors\/demo\/fixtures\/contacts\/broken\.unified\.json:3 \/name: .*\(expected string.*found 42\)$/m,
    );
    expect(out).toMatch(/^connectors\/demo\/fixtures\/contacts\/broken\.unified\.json:5 \/colour: unknown property/m);
  });

  it('names the line of a syntax error', async () => {
    put(
      'fixtures/contacts/broken.unified.json',
      '{\n  "platform_id": "C-2",\n  "name": "Acme"\n  "contact_type": "Customer"\n}\n',
    );
    const { code, out } = await validate('connectors/demo/fixtures/contacts/broken.unified.json');
    expect(code).toBe(1);
    expect(out).toMatch(/^connectors\/demo\/fixtures\/contacts\/broken\.unified\.json:4 \/: malformed JSON/m);
  });
});

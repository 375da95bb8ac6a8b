import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const CLIENT = fileURLToPath(new URL('../../generated/client/index.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ledgerspec-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bundles `source` as an app would (ESM, code splitting), and returns the code that loads
 * with it at start: the entry and its static imports, not chunks behind a dynamic import(). */
async function bundle(name: string, source: string): Promise<{ startup: string; all: string }> {
  const entry = join(dir, `${name}.ts`);
  writeFileSync(entry, source.replaceAll('CLIENT', JSON.stringify(CLIENT)));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    outdir: join(dir, name),
    metafile: true,
    write: true,
    logLevel: 'silent',
    external: ['ajv', 'ajv-formats'],
  });
  const read = (files: string[]) => files.map((file) => readFileSync(file, 'utf8')).join('\n');
  const entryOutput = Object.keys(result.metafile.outputs).find((o) => result.metafile.outputs[o]?.entryPoint)!;
  return {
    startup: read(staticClosure(result.metafile, entryOutput)),
    all: read(Object.keys(result.metafile.outputs).filter((o) => o.endsWith('.js'))),
  };
}

function staticClosure(metafile: Metafile, output: string, seen = new Set<string>()): string[] {
  if (seen.has(output)) return [];
  seen.add(output);
  const imports = metafile.outputs[output]?.imports ?? [];
  return [
    output,
    ...imports
      .filter((i) => i.kind === 'import-statement' && !i.external)
      .flatMap((i) => staticClosure(metafile, i.path, seen)),
  ];
}

// The validators module is large: it must only ever load behind validateResponses' import().
const VALIDATOR_CODE = /ajv-formats|__model_Account/;

describe('tree-shaking', () => {
  it('leaves the other resources and the validators out of an app that imports one resource', async () => {
    const { startup: code } = await bundle(
      'one-resource',
      `
      import { createTransport, invoicesResource } from CLIENT;
      const invoices = invoicesResource(createTransport({ baseUrl: 'http://127.0.0.1:4010', apiKey: 'k' }));
      console.log(await invoices.list({ company_id: 'c1' }));
    `,
    );
    expect(code).toContain('"listInvoices"');
    expect(code).not.toContain('"listContacts"');
    expect(code).not.toContain('"listInvoicePayments"');
    expect(code).not.toMatch(VALIDATOR_CODE);
  });

  it('loads the validators lazily even with the whole client', async () => {
    const { startup: code, all } = await bundle(
      'whole-client',
      `
      import { createClient } from CLIENT;
      const client = createClient({ baseUrl: 'http://127.0.0.1:4010', apiKey: 'k', validateResponses: true });
      console.log(await client.accounting.contacts.list({ company_id: 'c1' }));
    `,
    );
    expect(code).toContain('"listContacts"');
    expect(code).not.toMatch(VALIDATOR_CODE);
    expect(all).toMatch(VALIDATOR_CODE);
  });
});

import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScaffoldConnector } from '../../generator/commands/scaffold-connector.ts';
import { DEFAULT_CONFIG, type LedgerspecConfig } from '../../generator/config.ts';
import { REMOVED_FLAG } from '../../generator/connectors/merge-mapping.ts';
import { generate, type GenerateResult } from '../../generator/generate.ts';
import { runGenerate } from '../../generator/commands/generate.ts';
import { compileSpec } from '../../generator/pipeline/front.ts';
import { compileVirtual } from '../helpers/compile.ts';
import { sharedMemoCache } from '../helpers/cache.ts';
import { PROJECT_DIR } from '../helpers/spec.ts';

// The life of a connector mapping: scaffolded, edited by hand, then the spec changes under it
// (invoices gain purchase_order_number and lose memo) and generate merges the change in.
const project = mkdtempSync(join(tmpdir(), 'ledgerspec-merge-'));
const config: LedgerspecConfig = {
  ...DEFAULT_CONFIG,
  specDir: join(project, 'spec'),
  outDir: join(project, 'generated'),
  connectorsDir: join(project, 'connectors'),
  // The merge is the point, not a cold generation: the runs share the project cache's memo areas.
  cacheDir: sharedMemoCache(mkdtempSync(join(tmpdir(), 'ledgerspec-merge-cache-'))),
};
const mappings = join(project, 'connectors/acme-books/mappings');
const invoicesFile = join(mappings, 'invoices.ts');
const contactsFile = join(mappings, 'contacts.ts');
let skeleton: string;
let handEdited: string;
let contactsBefore: string;
let merged: GenerateResult;

/** Replaces the first `<field>: todo(...)` entry at or after `from` (prettier may have wrapped it). */
function replaceEntry(text: string, field: string, replacement: string, from = 0): string {
  const entry = new RegExp(`^  ${field}: todo\\([\\s\\S]*?\\),\\n`, 'm');
  const match = entry.exec(text.slice(from));
  if (!match) throw new Error(`no todo entry for ${field}`);
  const at = from + match.index;
  return text.slice(0, at) + replacement + text.slice(at + match[0].length);
}

/** The hand edits: an import, a helper with its comment, a typed raw record, and rules written
 * in shapes prettier would not produce (so byte-for-byte means byte-for-byte). */
function editByHand(text: string): string {
  let out = text.replace(
    "import { mapRead, mapWrite, notSupported, todo } from '../../../generated/connectors/index.js';\n",
    "import { mapRead, mapWrite, notSupported, todo } from '../../../generated/connectors/index.js';\nimport { dateTime } from '../../lib/values.ts';\n\n// Acme sends money in cents, always as integers.\nconst fromCents = (cents: number | undefined): number | null => (cents === undefined ? null : cents / 100);\n",
  );
  out = out.replace(
    'export interface AcmeBooksInvoice {\n  [field: string]: unknown;\n}',
    'export interface AcmeBooksInvoice {\n  id: string;\n  total_cents?: number;\n  notes?: string | null;\n  issued?: string;\n}',
  );
  const read = out.indexOf('export const read');
  out = replaceEntry(out, 'memo', '  memo: (raw) =>\n      raw.notes   ??   null, // Acme: "notes"\n', read);
  out = replaceEntry(out, 'platform_id', '  platform_id: (raw) => raw.id,\n', read);
  out = replaceEntry(
    out,
    'posted_date',
    '  /* issued is a date, no time */ posted_date: (raw) => dateTime(raw.issued),\n',
    read,
  );
  out = replaceEntry(out, 'total_amount', '  total_amount: (raw) => fromCents(raw.total_cents),\n', read);
  out = replaceEntry(out, 'sales_order_ids', "  sales_order_ids: notSupported('Acme has no sales orders'),\n", read);
  out = replaceEntry(out, 'memo', '  memo: (memo) => ({ notes: memo }),\n', out.indexOf('export const write'));
  return out;
}

function editSpec(): void {
  const file = join(project, 'spec/schemas/accounting/invoice.yaml');
  const yaml = readFileSync(file, 'utf8');
  const memo = /^ {2}memo:\n(?: {4}.*\n)+/m;
  expect(yaml).toMatch(memo);
  const edited = yaml
    .replace(memo, '')
    .replace(/^ {4}memo: .*\n/m, '')
    .replace(
      /^properties:\n/m,
      "properties:\n  purchase_order_number:\n    type: [string, 'null']\n    description: The customer's purchase order number, quoted on the invoice.\n",
    );
  writeFileSync(file, edited);
}

// The project's own compiler options (tsconfig.json): mappings import TypeScript by its .ts name.
const diagnosticsOf = (files: string[]) =>
  compileVirtual(new Map(files.map((f) => [f, readFileSync(f, 'utf8')])), { allowImportingTsExtensions: true });

beforeAll(async () => {
  for (const dir of ['spec', 'generated']) cpSync(join(PROJECT_DIR, dir), join(project, dir), { recursive: true });
  cpSync(join(PROJECT_DIR, 'connectors/lib'), join(project, 'connectors/lib'), { recursive: true });
  cpSync(join(PROJECT_DIR, '.prettierrc.json'), join(project, '.prettierrc.json'));
  symlinkSync(join(PROJECT_DIR, 'node_modules'), join(project, 'node_modules'), 'dir');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  const out: string[] = [];
  expect(
    await runScaffoldConnector(config, compileSpec(config), 'acme-books', { entities: ['invoices', 'contacts'] }, (l) =>
      out.push(l),
    ),
  ).toBe(0);
  skeleton = readFileSync(invoicesFile, 'utf8');
  handEdited = editByHand(skeleton);
  writeFileSync(invoicesFile, handEdited);
  contactsBefore = readFileSync(contactsFile, 'utf8');
  editSpec();
  merged = await generate(config);
}, 120_000);
afterAll(() => [project, config.cacheDir!].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('connector mappings across a spec change', () => {
  it('scaffolds skeletons that list every field as a todo and type-check', () => {
    expect(skeleton).toMatch(/export const read = mapRead<'invoices', AcmeBooksInvoice>\(\{/);
    expect(skeleton).toMatch(/export const write = mapWrite<'invoices', AcmeBooksInvoiceRequest>\(\{/);
    expect(skeleton).toContain(
      "  memo: todo('A free-text note shown on the invoice, such as a message to the customer.'),",
    );
    expect(diagnosticsOf([contactsFile])).toEqual([]);
  });

  it('reports what it merged', () => {
    expect(merged.mappings.find((m) => m.path === 'acme-books/mappings/invoices.ts')).toMatchObject({
      added: ['read.purchase_order_number', 'write.purchase_order_number'],
      flagged: ['read.memo', 'write.memo'],
    });
    expect(merged.mappings.find((m) => m.path === 'acme-books/mappings/contacts.ts')?.contents).toBeUndefined();
    expect(merged.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^read\.memo is no longer in the spec/),
      expect.stringMatching(/^write\.memo is no longer in the spec/),
    ]);
  });

  it('keeps every hand-written byte: only whole new lines are added', () => {
    const after = readFileSync(invoicesFile, 'utf8');
    const mergeLines = (line: string) =>
      /^ {2}purchase_order_number: todo\(.*\),$/.test(line) || line.trimStart().startsWith(REMOVED_FLAG);
    expect(
      after
        .split('\n')
        .filter((l) => !mergeLines(l))
        .join('\n'),
    ).toBe(handEdited);
    expect(readFileSync(contactsFile, 'utf8')).toBe(contactsBefore);
  });

  it('adds the new field as a todo entry in both directions, in spec order', () => {
    const after = readFileSync(invoicesFile, 'utf8');
    const entry = '  purchase_order_number: todo("The customer\'s purchase order number, quoted on the invoice."),';
    expect(after.split('\n').filter((l) => l === entry)).toHaveLength(2);
    const read = after.slice(after.indexOf('export const read'), after.indexOf('export const write'));
    expect(read.indexOf('purchase_order_number')).toBeGreaterThan(read.indexOf('posted_date'));
    expect(read.indexOf('purchase_order_number')).toBeLessThan(read.indexOf('sales_order_ids'));
  });

  it('flags the removed field above its entry, which stays', () => {
    const after = readFileSync(invoicesFile, 'utf8');
    expect(after).toContain(
      `  ${REMOVED_FLAG}: "memo" is not a field any more. Move what you still need and delete this entry; until then the type check fails here.\n  memo: (raw) =>\n      raw.notes   ??   null, // Acme: "notes"\n`,
    );
    expect(after).toContain(
      `  ${REMOVED_FLAG}: "memo" is not a field any more. Move what you still need and delete this entry; until then the type check fails here.\n  memo: (memo) => ({ notes: memo }),\n`,
    );
  });

  it('makes tsc report the unhandled removal, and only that', () => {
    const errors = diagnosticsOf([invoicesFile, contactsFile]);
    const excess = errors.filter((e) => /'memo' does not exist in type '(ReadRules|WriteRules)</.test(e.message));
    expect(excess).toHaveLength(2);
    expect(
      errors.every(
        (e) => e.file === invoicesFile && /memo/.test(readFileSync(invoicesFile, 'utf8').split('\n')[e.line] ?? ''),
      ),
    ).toBe(true);
  });

  it('is stable: a second generate changes nothing, and --check agrees', async () => {
    const before = readFileSync(invoicesFile, 'utf8');
    const check = await generate(config, { check: true });
    expect(check.changes).toEqual([]);
    expect(check.mappings.filter((m) => m.contents !== undefined)).toEqual([]);
    expect(readFileSync(invoicesFile, 'utf8')).toBe(before);
  });

  it('type-checks again once a person deletes the flagged entries', () => {
    const text = readFileSync(invoicesFile, 'utf8');
    const handled = text
      .replace(/^ {2}\/\/ ledgerspec: removed from the spec.*\n {2}memo: \(raw\) =>\n.*\n/m, '')
      .replace(/^ {2}\/\/ ledgerspec: removed from the spec.*\n {2}memo: \(memo\) => .*\n/m, '');
    writeFileSync(invoicesFile, handled);
    expect(diagnosticsOf([invoicesFile]), readFileSync(invoicesFile, 'utf8')).toEqual([]);
  });

  it('never rewrites a mapping that does not parse: generate, --check and scaffold name it with line and column and exit 1', async () => {
    const text = readFileSync(invoicesFile, 'utf8').replace(
      'export const read = mapRead',
      'export const read = = mapRead',
    );
    writeFileSync(invoicesFile, text);
    const line = text.slice(0, text.indexOf('export const read')).split('\n').length;
    for (const check of [false, true]) {
      const out: string[] = [];
      expect(await runGenerate(config, { check }, (l) => out.push(l))).toBe(1);
      expect(out.join('\n')).toMatch(
        new RegExp(
          `acme-books/mappings/invoices\\.ts:${line}:21 error \\[mapping-syntax\\] at /: does not parse: Expression expected\\.`,
        ),
      );
      expect(out.at(-1)).toMatch(/nothing was written\.$/);
      expect(readFileSync(invoicesFile, 'utf8')).toBe(text);
    }
    const out: string[] = [];
    expect(
      await runScaffoldConnector(config, compileSpec(config), 'acme-books', { entities: ['invoices'] }, (l) =>
        out.push(l),
      ),
    ).toBe(1);
    expect(out.join('\n')).toContain(`invoices.ts:${line}:21 does not parse: Expression expected.`);
    expect(readFileSync(invoicesFile, 'utf8')).toBe(text);
  });
});

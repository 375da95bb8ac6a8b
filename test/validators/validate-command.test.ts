import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidate, type ValidateOptions } from '../../generator/commands/validate.ts';
import { projectIR } from '../helpers/spec.ts';

const ir = await projectIR();
const seed002 = JSON.parse(
  readFileSync(new URL('../fixtures/seeds/seed-002-invoice-payment.json', import.meta.url), 'utf8'),
);
const broken = { ...structuredClone(seed002), amount: '19', surprise: true };
broken.currency.data.code = 5;

let dir: string;
const path = (file: string) => join(dir, file);
/** How runValidate names a file: relative to the working folder. */
const shown = (file: string) => relative(process.cwd(), path(file));
/** 1-based line of the first line of `file` containing `text`. */
const lineOf = (file: string, text: string) =>
  readFileSync(path(file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text)) + 1;

const files: Record<string, string> = {
  'invoice_payments/list.json': JSON.stringify({ data: [seed002, broken], next: null }, null, 2),
  'invoice_payments/one.json': JSON.stringify(seed002, null, 2),
  'valid/seed-002-invoice-payment.json': JSON.stringify(seed002, null, 2),
  'valid/array-of-invoice-payments.json': JSON.stringify([seed002, seed002], null, 2),
  'valid/currency.json': JSON.stringify({ data: seed002.currency.data }, null, 2),
  'writes/invoice-payment-create.json': JSON.stringify(
    { amount: 5, payment_date: '2024-01-01T00:00:00Z', platform_id: 'no' },
    null,
    2,
  ),
  'misc/things.json': '{}',
  'malformed/invoice_payments.json': '{\n  "platform_id": "1",\n  "amount": 19,\n  "memo": }\n',
};

async function run(patterns: string[], options: Partial<ValidateOptions> = {}) {
  const lines: string[] = [];
  const code = await runValidate(ir, patterns, { format: 'text', ...options }, (line) => lines.push(line));
  return { code, lines, text: lines.join('\n') };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledgerspec-validate-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(path(file)), { recursive: true });
    writeFileSync(path(file), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ledgerspec validate', () => {
  it('names file, line, pointer, expected and found for each issue of a broken record in a list', async () => {
    const { code, lines } = await run([path('invoice_payments/list.json')]);
    expect(code).toBe(1);
    const file = shown('invoice_payments/list.json');
    expect(lines).toContain(
      `${file}:${lineOf('invoice_payments/list.json', '"amount": "19"')} /data/1/amount: wrong type (expected number or null, found "19")`,
    );
    expect(lines).toContain(
      `${file}:${lineOf('invoice_payments/list.json', '"code": 5')} /data/1/currency/data/code: wrong type (expected string or null, found 5)`,
    );
    expect(lines).toContain(
      `${file}:${lineOf('invoice_payments/list.json', '"surprise"')} /data/1/surprise: unknown property (expected no property "surprise", found true)`,
    );
    expect(lines.at(-1)).toMatch(/3 issue\(s\) in 1 of 1 file\(s\) \(2 record\(s\) checked\)/);
  });

  it('infers the entity from a folder or a file name (plural or singular, snake or kebab) and passes valid files with one summary line', async () => {
    const { code, lines } = await run([path('valid'), path('invoice_payments/one.json')], { format: 'json' });
    expect(code).toBe(0);
    const report = JSON.parse(lines.join('\n')) as {
      files: { file: string; entity: string; records: number; issues: unknown[] }[];
    };
    expect(report.files.map((f) => [f.file, f.entity, f.records, f.issues.length])).toEqual([
      [shown('invoice_payments/one.json'), 'InvoicePayment', 1, 0],
      [shown('valid/array-of-invoice-payments.json'), 'InvoicePayment', 2, 0],
      [shown('valid/currency.json'), 'Currency', 1, 0],
      [shown('valid/seed-002-invoice-payment.json'), 'InvoicePayment', 1, 0],
    ]);
    const text = await run([path('valid/*.json')]);
    expect(text.code).toBe(0);
    expect(text.lines).toEqual(['ledgerspec validate: 4 record(s) in 3 file(s) valid']);
  });

  it('picks the write variant a file name names', async () => {
    const { code, text } = await run([path('writes/invoice-payment-create.json')]);
    expect(code).toBe(1);
    expect(text).toContain('/platform_id: unknown property (expected no property "platform_id", found "no")');
  });

  it('takes --entity as an x-entity or a model name, and refuses an unknown one', async () => {
    for (const entity of ['invoice_payments', 'InvoicePayment', 'invoice-payment']) {
      expect((await run([path('misc/things.json')], { entity })).text).toContain(
        `${shown('misc/things.json')}:1 /platform_id: required property is missing (expected property "platform_id", found nothing)`,
      );
    }
    // A model name works too: an accounting update names its record, so platform_id is required there as well.
    expect((await run([path('misc/things.json')], { entity: 'InvoicePaymentUpdate' })).text).toContain(
      `${shown('misc/things.json')}:1 /platform_id: required property is missing`,
    );
    const unknown = await run([path('misc/things.json')], { entity: 'widgets' });
    expect(unknown.code).toBe(2);
    expect(unknown.text).toMatch(/unknown entity "widgets"/);
  });

  it('says it cannot infer the entity, and how to pass --entity', async () => {
    const { code, text } = await run([path('misc/things.json')]);
    expect(code).toBe(1);
    expect(text).toContain(`${shown('misc/things.json')} /: cannot tell which entity this file holds`);
    expect(text).toContain('--entity');
  });

  it('reports malformed JSON with file and line instead of crashing', async () => {
    const { code, lines } = await run([path('malformed/invoice_payments.json')]);
    expect(code).toBe(1);
    expect(lines[0]).toBe(
      `${shown('malformed/invoice_payments.json')}:4 /: malformed JSON: unexpected "}" (expected valid JSON, found "}")`,
    );
  });

  it('prints --format json with pointer, line, message, keyword, expected and found per issue', async () => {
    const { code, lines } = await run([path('invoice_payments/list.json')], { format: 'json' });
    expect(code).toBe(1);
    const report = JSON.parse(lines.join('\n'));
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({
      file: shown('invoice_payments/list.json'),
      entity: 'InvoicePayment',
      records: 2,
    });
    expect(report.files[0].issues).toContainEqual({
      pointer: '/data/1/amount',
      line: lineOf('invoice_payments/list.json', '"amount": "19"'),
      message: 'wrong type',
      keyword: 'type',
      expected: 'number or null',
      found: '"19"',
    });
  });

  it('fails when a pattern matches nothing', async () => {
    const { code, text } = await run([path('nothing-here/*.json')]);
    expect(code).toBe(2);
    expect(text).toMatch(/no JSON files match/);
  });
});

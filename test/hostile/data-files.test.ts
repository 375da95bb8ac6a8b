import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../generator/commands/validate.ts';
import { fixtureRecords } from '../../generator/connectors/fixtures.ts';
import { projectIR } from '../helpers/spec.ts';
import { expectNoStackTrace } from './no-stack-trace.ts';
import { CASES, json, make } from './corpus/data-file-cases.ts';

// Data files `validate` and `conformance` must refuse without hanging, exhausting memory, or
// misreporting (issue #18): FIFOs, devices, symbolic link loops, files over the size limit,
// duplicate keys, invalid UTF-8, numbers beyond a double, nesting deeper than 64 levels, file
// names that would forge output lines. Exit codes: 0 valid, 1 findings, 2 input not readable.

const ir = await projectIR();
let dir = '';
const at = (name: string) => join(dir, name);
const shown = (name: string) => relative(process.cwd(), at(name));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledgerspec-hostile-data-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validate refuses hostile data files with a located diagnostic and the right exit code', () => {
  it.each(CASES.map((c, i) => ({ ...c, i })))('$name → exit $code', async (c) => {
    const root = at(`case-${c.i}`);
    make(root, c.files);
    const args = (c.args ?? [Object.keys(c.files)[0] as string]).map((a) => join(root, a));
    const lines: string[] = [];
    const code = await runValidate(ir, args, { format: 'text', ...(c.entity ? { entity: c.entity } : {}) }, (line) =>
      lines.push(line),
    );
    const text = lines.join('\n');
    expectNoStackTrace(text, c.name);
    expect(code, text.slice(0, 2000)).toBe(c.code);
    const first = shown(`case-${c.i}/${Object.keys(c.files)[0]}`);
    for (const expected of c.lines ?? []) {
      if (typeof expected === 'string') expect(lines).toContain(expected.replace('{file}', first));
      else
        expect(
          lines.some((l) => expected.test(l)),
          `${expected} in:\n${text.slice(0, 2000)}`,
        ).toBe(true);
    }
    // Every line of output is one line: nothing a file name holds starts another.
    expect(lines.every((l) => !l.includes('\n'))).toBe(true);
  });
});

describe('conformance reads fixtures the same way', () => {
  it('a FIFO or a /dev/zero link as a unified fixture is skipped, not read', () => {
    const connector = at('connector');
    make(connector, {
      'fixtures/invoices/fifo.raw.json': '{}',
      'fixtures/invoices/fifo.unified.json': { fifo: true },
      'fixtures/invoices/zero.raw.json': '{}',
      'fixtures/invoices/zero.unified.json': { link: '/dev/zero' },
      'fixtures/invoices/ok.raw.json': '{}',
      'fixtures/invoices/ok.unified.json': json({ platform_id: 'inv_1' }),
    });
    expect(fixtureRecords(connector).get('invoices')).toEqual([{ platform_id: 'inv_1' }]);
  });
});

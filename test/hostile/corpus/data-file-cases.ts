import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ISSUES_PER_FILE } from '../../../generator/commands/validate.ts';
import { MAX_DATA_FILE_BYTES } from '../../../generator/validation/data-file.ts';

// The data-file corpus of issue #18, shared by data-files.test.ts (each case through validate,
// its exit code and diagnostic) and cli-output.test.ts (all of them through the real CLI).

const VALID = { platform_id: 'pay_1', amount: 19, payment_date: '2024-01-01T00:00:00Z' };

export interface Case {
  name: string;
  /** Files under a folder of its own, by name: text, bytes, or a special file to make. */
  files: Record<string, string | Buffer | { fifo: true } | { link: string }>;
  /** What to validate (relative to the case's folder); default: the first file. */
  args?: string[];
  entity?: string;
  code: 0 | 1 | 2;
  /** Lines the output must contain (`{file}` is the shown path of the first file). */
  lines?: (string | RegExp)[];
}

export const json = (value: unknown) => JSON.stringify(value, null, 2);
export const CASES: Case[] = [
  {
    name: 'a valid record',
    files: { 'invoice_payments.json': json(VALID) },
    code: 0,
    lines: [/1 record\(s\) in 1 file\(s\) valid/],
  },
  {
    name: 'a duplicate key, with its line',
    files: {
      'invoice_payments.json': '{\n  "amount": 1,\n  "payment_date": "2024-01-01T00:00:00Z",\n  "amount": 2\n}',
    },
    code: 1,
    lines: [
      '{file}:4 /: duplicate key "amount" in one object (JSON.parse would keep only the last) (expected each key once per object, found "\\"amount\\": 2")',
    ],
  },
  {
    name: 'a duplicate key spelt with an escape',
    files: { 'invoice_payments.json': '{"amount": 1, "\\u0061mount": 2}' },
    code: 1,
    lines: [/:1 \/: duplicate key "amount"/],
  },
  {
    name: 'a duplicate key deep inside a list',
    files: {
      'invoice_payments.json': json({ data: [VALID, VALID] }).replace('"amount": 19,', '"amount": 19,\n"amount": 19,'),
    },
    code: 1,
    lines: [/:6 \/: duplicate key "amount"/],
  },
  {
    name: 'invalid UTF-8, with its line',
    files: {
      'invoice_payments.json': Buffer.concat([
        Buffer.from('{\n  "platform_id": "'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"\n}'),
      ]),
    },
    code: 1,
    lines: [/:2 \/: not UTF-8: byte 20 is not valid UTF-8/],
  },
  {
    name: 'an amount of 1e400 is out of range, not "found null"',
    files: { 'invoice_payments.json': '{\n  "amount": 1e400\n}' },
    code: 1,
    lines: [
      '{file}:2 /: number 1e400 is beyond what a 64-bit float holds (about 1.8e308) (expected a number a 64-bit float holds, found "1e400")',
    ],
  },
  {
    name: 'an amount of -1e400',
    files: { 'invoice_payments.json': '[{"amount": -1e400}]' },
    code: 1,
    lines: [/number -1e400 is beyond/],
  },
  {
    name: 'a 309-digit integer that still fits passes the range check',
    files: { 'invoice_payments.json': `{"amount": 1${'0'.repeat(307)}}` },
    code: 1,
    lines: [/required property is missing/],
  },
  {
    name: '200,000-deep arrays',
    files: { 'invoice_payments.json': `${'['.repeat(200_000)}${']'.repeat(200_000)}` },
    code: 1,
    lines: [/:1 \/: nested deeper than 64 levels of arrays and objects/],
  },
  {
    name: '65 levels of objects',
    files: { 'invoice_payments.json': `${'{"a":'.repeat(65)}1${'}'.repeat(65)}` },
    code: 1,
    lines: [/nested deeper than 64 levels/],
  },
  {
    name: 'YAML nested too deeply',
    files: { 'invoice_payments.yaml': `${'- '.repeat(70)}1\n` },
    code: 1,
    lines: [/nested deeper than 64 levels/],
  },
  {
    name: 'YAML with a duplicate key',
    files: { 'invoice_payments.yaml': 'amount: 1\namount: 2\n' },
    code: 1,
    lines: [/malformed YAML: Map keys must be unique/],
  },
  {
    name: 'YAML with 1e400',
    files: { 'invoice_payments.yaml': 'platform_id: x\namount: 1e400\n' },
    code: 1,
    lines: [/:2 \/amount: number Infinity is beyond/],
  },
  {
    name: 'an empty file',
    files: { 'invoice_payments.json': '' },
    code: 1,
    lines: [/:1 \/: malformed JSON: unexpected end of input/],
  },
  {
    name: 'text after the value',
    files: { 'invoice_payments.json': '{}\n{}' },
    code: 1,
    lines: [/:2 \/: malformed JSON: unexpected text after the JSON value/],
  },
  { name: 'a byte-order mark is allowed', files: { 'invoice_payments.json': `\uFEFF${json(VALID)}` }, code: 0 },
  {
    name: 'a FIFO is refused, never opened for reading',
    files: { 'invoice_payments.json': { fifo: true } },
    code: 2,
    lines: [
      '{file} /: cannot read file: not a regular file (a FIFO); only regular files are read (expected a readable regular file of at most 8388608 bytes, found nothing)',
    ],
  },
  {
    name: 'a link to /dev/zero is refused',
    files: { 'invoice_payments.json': { link: '/dev/zero' } },
    code: 2,
    lines: [/cannot read file: not a regular file \(a character device\)/],
  },
  {
    name: 'a symbolic link loop is refused',
    files: { 'invoice_payments.json': { link: 'other.json' }, 'other.json': { link: 'invoice_payments.json' } },
    args: ['invoice_payments.json'],
    code: 2,
    lines: [/cannot read file: a symbolic link loop/],
  },
  {
    name: 'a file over the size limit is refused',
    files: { 'invoice_payments.json': `${' '.repeat(MAX_DATA_FILE_BYTES)}{}` },
    code: 2,
    lines: [/cannot read file: file is 8388610 bytes, over the limit of 8388608 bytes \(8 MiB\)/],
  },
  {
    name: 'a FIFO inside a folder is not listed (only regular files are)',
    files: { 'invoice_payments/a.json': json(VALID), 'invoice_payments/b.json': { fifo: true } },
    args: ['invoice_payments'],
    code: 0,
    lines: [/1 record\(s\) in 1 file\(s\) valid/],
  },
  {
    name: 'one unreadable file named among valid ones exits 2',
    files: { 'invoice_payments/a.json': json(VALID), 'invoice_payments/b.json': { link: '/dev/zero' } },
    args: ['invoice_payments/a.json', 'invoice_payments/b.json'],
    code: 2,
    lines: [/b\.json \/: cannot read file: not a regular file \(a character device\)/],
  },
  {
    name: 'a dangling symbolic link named on the command line',
    files: { 'invoice_payments.json': { link: 'gone.json' } },
    code: 2,
    lines: [/cannot read file: no such file \(or a symbolic link to nothing\)/],
  },
  {
    name: 'a folder linked to its parent is not followed',
    files: { 'invoice_payments/a.json': json(VALID), 'invoice_payments/up': { link: '..' } },
    args: ['.'],
    code: 0,
    lines: [/1 record\(s\) in 1 file\(s\) valid/],
  },
  {
    name: 'a glob through a folder linked to its parent',
    files: { 'invoice_payments/a.json': json(VALID), 'invoice_payments/loop': { link: '.' } },
    args: ['invoice_payments/**/*.json'],
    code: 0,
    lines: [/1 record\(s\) in 1 file\(s\) valid/],
  },
  {
    name: 'a newline in a file name cannot forge an output line',
    files: { 'invoice_payments\nFORGED: 0 issue(s).json': json({ ...VALID, amount: 'x' }) },
    code: 1,
    lines: [/^"[^"]*invoice_payments\\nFORGED: 0 issue\(s\)\.json":3 \/amount: wrong type/],
  },
  {
    name: 'an escape sequence in a file name is quoted',
    files: { 'invoice_payments\u001b[2J.json': json({ ...VALID, amount: 'x' }) },
    code: 1,
    lines: [/^"[^"]*invoice_payments\\u001b\[2J\.json":3 \/amount: wrong type/],
  },
  {
    name: `more than ${MAX_ISSUES_PER_FILE} issues: the first ones listed, the rest counted`,
    files: { 'invoice_payments.json': json(Array.from({ length: 5000 }, () => 1)) },
    code: 1,
    lines: [
      `{file}: and 4900 more issue(s) not shown (at most ${MAX_ISSUES_PER_FILE} per file)`,
      /5000 issue\(s\) in 1 of 1 file\(s\) \(5000 record\(s\) checked\)/,
    ],
  },
  {
    name: 'an unknown --entity exits 2',
    files: { 'x.json': '{}' },
    entity: 'widgets',
    code: 2,
    lines: [/unknown entity "widgets"/],
  },
  {
    name: 'a pattern matching nothing exits 2',
    files: { 'x.json': '{}' },
    args: ['nothing/*.json'],
    code: 2,
    lines: [/no JSON files match/],
  },
];

export function make(root: string, files: Case['files']): void {
  for (const [name, content] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(join(path, '..'), { recursive: true });
    if (typeof content === 'string' || Buffer.isBuffer(content)) writeFileSync(path, content);
    else if ('fifo' in content) execFileSync('mkfifo', [path]);
    else symlinkSync(content.link, path);
  }
}

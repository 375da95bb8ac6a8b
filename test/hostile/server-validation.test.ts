import { describe, expect, it } from 'vitest';
import { useSandbox } from '../server/sandbox.ts';
import { expectNoStackTrace } from './no-stack-trace.ts';

// Request bodies and queries that used to stall the generated server (validation collected every
// error and built messages in quadratic time: 16 s and a 1.4 MB answer for a 32 KB body) or crash
// it (a 200,000-deep array: 500). Each case is sent over real HTTP to the sandbox (the generated
// server) on loopback, under the default 1 MiB body limit, and must get the stated status and
// error code in an answer of bounded size. Timings are never asserted.

const api = useSandbox();

/** Most issues an answer lists (MAX_REPORTED_ISSUES in templates/server/runtime/errors.ts). */
const LISTED = 100;
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const payment = (extra: string) =>
  `{"company_id":"com_xero","data":[{"amount":1,"payment_date":"2024-01-01T00:00:00Z"${extra}}]}`;
const invoiceWithLines = (lines: string) =>
  `{"company_id":"com_xero","data":[{"contact_id":"xero-contacts-1","line_items":${lines}}]}`;
const repeat = (item: string, count: number) => `[${Array.from({ length: count }, () => item).join(',')}]`;

interface Case {
  name: string;
  method?: 'GET' | 'POST';
  path: string;
  body?: string;
  status: number;
  code: string;
  /** The first detail's pointer starts with this. */
  pointer?: string;
  /** The answer's message matches. */
  message?: RegExp;
  /** How many details the answer lists. */
  details?: number;
  /** Largest answer, in bytes. */
  maxBytes: number;
}

const CASES: Case[] = [
  {
    name: '16,000 bad line items (32 KB): the first 100 listed, the rest counted',
    path: '/accounting/invoices',
    body: invoiceWithLines(repeat('1', 16_000)),
    status: 400,
    code: 'invalid-params',
    pointer: '/data/0/line_items/0',
    message: /\(and 15900 more; the first 100 are in details\)$/,
    details: LISTED,
    maxBytes: 20_000,
  },
  {
    name: '160,000 bad line items (320 KB)',
    path: '/accounting/invoices',
    body: invoiceWithLines(repeat('1', 160_000)),
    status: 400,
    code: 'invalid-params',
    pointer: '/data/0/line_items/0',
    message: /and 159900 more/,
    details: LISTED,
    maxBytes: 20_000,
  },
  {
    name: '400,000 bad line items (just under the 1 MiB limit)',
    path: '/accounting/invoices',
    body: invoiceWithLines(repeat('1', 400_000)),
    status: 400,
    code: 'invalid-params',
    details: LISTED,
    maxBytes: 20_000,
  },
  {
    name: '16,000 bad records in a batch',
    path: '/accounting/invoice_payments',
    body: `{"company_id":"com_xero","data":${repeat('1', 16_000)}}`,
    status: 400,
    code: 'invalid-params',
    pointer: '/data',
    details: LISTED,
    maxBytes: 20_000,
  },
  {
    name: '8,000 line items each missing its fields',
    path: '/accounting/invoices',
    body: invoiceWithLines(repeat('{"quantity":"x"}', 8_000)),
    status: 400,
    code: 'invalid-params',
    details: LISTED,
    maxBytes: 20_000,
  },
  {
    name: '20,000 unknown properties in one record',
    path: '/accounting/invoice_payments',
    body: payment(Array.from({ length: 20_000 }, (_, i) => `,"x${i}":1`).join('')),
    status: 400,
    code: 'invalid-params',
    pointer: '/data/0/x0',
    details: LISTED,
    maxBytes: 20_000,
  },
  {
    name: 'a 200,000-deep array as the batch: 400, not 500',
    path: '/accounting/invoice_payments',
    body: `{"company_id":"com_xero","data":${deepArray(200_000)}}`,
    status: 400,
    code: 'invalid-params',
    pointer: '/data/0/0/0',
    message: /nested too deeply/,
    details: 1,
    maxBytes: 4_000,
  },
  {
    name: 'a 200,000-deep array in a string field',
    path: '/accounting/invoice_payments',
    body: payment(`,"memo":${deepArray(200_000)}`),
    status: 400,
    code: 'invalid-params',
    pointer: '/data/0/memo/0',
    message: /nested too deeply/,
    details: 1,
    maxBytes: 4_000,
  },
  {
    name: 'a 100,000-deep object',
    path: '/accounting/invoice_payments',
    body: payment(`,"memo":${deepObject(100_000)}`),
    status: 400,
    code: 'invalid-params',
    pointer: '/data/0/memo/a/a',
    message: /nested too deeply/,
    details: 1,
    maxBytes: 4_000,
  },
  {
    name: 'a body as a whole 200,000 deep',
    path: '/accounting/invoice_payments',
    body: deepArray(200_000),
    status: 400,
    code: 'invalid-params',
    pointer: '/0/0',
    message: /nested too deeply/,
    details: 1,
    maxBytes: 4_000,
  },
  {
    name: 'nesting of 64 levels is no depth error (the schema answers)',
    path: '/accounting/invoice_payments',
    body: payment(`,"memo":${deepArray(60)}`),
    status: 400,
    code: 'invalid-params',
    pointer: '/data/0/memo',
    message: /wrong type/,
    details: 1,
    maxBytes: 4_000,
  },
  {
    name: 'an amount of 1e400 (Infinity to JSON.parse) is out of range, not "null"',
    path: '/accounting/invoice_payments',
    body: '{"company_id":"com_xero","data":[{"amount":1e400,"payment_date":"2024-01-01T00:00:00Z"}]}',
    status: 400,
    code: 'invalid-params',
    pointer: '/data/0/amount',
    message: /number out of range/,
    details: 1,
    maxBytes: 4_000,
  },
  {
    name: 'an amount of -1e400',
    path: '/accounting/invoice_payments',
    body: '{"company_id":"com_xero","data":[{"amount":-1e400,"payment_date":"2024-01-01T00:00:00Z"}]}',
    status: 400,
    code: 'invalid-params',
    pointer: '/data/0/amount',
    message: /number out of range/,
    details: 1,
    maxBytes: 4_000,
  },
  {
    name: '600 unknown query parameters',
    method: 'GET',
    path: `/accounting/invoice_payments?company_id=com_xero&${Array.from({ length: 600 }, (_, i) => `q${i}=1`).join('&')}`,
    status: 400,
    code: 'invalid-params',
    pointer: '/query/',
    details: LISTED,
    maxBytes: 20_000,
  },
  {
    name: 'a normal bad body still gets every problem listed',
    path: '/accounting/invoice_payments',
    body: '{"company_id":"com_xero","data":[{"amount":"ten","payment_date":"yesterday","surprise":true}]}',
    status: 400,
    code: 'invalid-params',
    details: 3,
    maxBytes: 4_000,
  },
];

describe('hostile requests cost linear time and get bounded 4xx answers', () => {
  it.each(CASES)('$name → $status $code', async (c) => {
    const response = await fetch(api.sandbox().url + c.path, {
      method: c.method ?? 'POST',
      headers: { api_key: 'test-key', ...(c.body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(c.body === undefined ? {} : { body: c.body }),
    });
    const text = await response.text();
    expect(response.status).toBe(c.status);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(c.maxBytes);
    expectNoStackTrace(text, c.name);
    const body = JSON.parse(text);
    expect(body.error.code).toBe(c.code);
    if (c.pointer !== undefined)
      expect(body.error.details[0].pointer.startsWith(c.pointer), body.error.details[0].pointer).toBe(true);
    if (c.message) expect(body.error.message).toMatch(c.message);
    if (c.details !== undefined) expect(body.error.details).toHaveLength(c.details);
  });

  it('the server still answers after the whole corpus', async () => {
    expect((await api.call('/accounting/invoice_payments?company_id=com_xero')).status).toBe(200);
  });
});

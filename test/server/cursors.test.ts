import { describe, expect, it } from 'vitest';
import { cursorKey, cursorSecret, decodeCursor, encodeCursor } from '../../generated/server/cursor.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { useSandbox } from './sandbox.ts';

const SECRET = 'a cursor secret of at least thirty-two bytes';
const api = useSandbox({ cursorSecret: SECRET });
const LIST = '/accounting/invoice_payments?company_id=com_xero&sort=amount&limit=1';

async function firstNext(path = LIST): Promise<string> {
  const { status, body } = await api.call(path);
  expect(status).toBe(200);
  expect(typeof body.next).toBe('string');
  return body.next as string;
}

async function expectRefused(path: string) {
  const { status, body } = await api.call(path);
  expect(status).toBe(400);
  expect(body.error.code).toBe('invalid-params');
  expect(body.error.details.map((d: { pointer: string }) => d.pointer)).toEqual(['/query/cursor']);
}

/** The cursor with one character of its payload or signature changed. */
function flip(cursor: string, at: number): string {
  const c = cursor[at] === 'A' ? 'B' : 'A';
  return cursor.slice(0, at) + c + cursor.slice(at + 1);
}

describe('signed cursors', () => {
  it('page forward and back', async () => {
    const next = await firstNext();
    const second = await api.call(`${LIST}&cursor=${next}`);
    expect(second.status).toBe(200);
    expect(second.body.prev).toEqual(expect.any(String));
    expect((await api.call(`${LIST}&cursor=${second.body.prev}`)).status).toBe(200);
  });

  it('refuse a tampered payload or signature', async () => {
    const next = await firstNext();
    await expectRefused(`${LIST}&cursor=${flip(next, 2)}`);
    await expectRefused(`${LIST}&cursor=${flip(next, next.length - 5)}`);
  });

  it('refuse a forged offset (a well-formed payload without the signature)', async () => {
    const [, signature] = (await firstNext()).split('.');
    const forged = `${Buffer.from(JSON.stringify({ o: 2 })).toString('base64url')}.${signature}`;
    await expectRefused(`${LIST}&cursor=${forged}`);
    // The old, unsigned form.
    await expectRefused(`${LIST}&cursor=${Buffer.from(JSON.stringify({ o: 2, h: 'x' })).toString('base64url')}`);
  });

  it('refuse a truncated cursor', async () => {
    const next = await firstNext();
    await expectRefused(`${LIST}&cursor=${next.slice(0, -1)}`);
    await expectRefused(`${LIST}&cursor=${next.split('.')[0]}`);
  });

  it('refuse garbage', async () => {
    for (const garbage of ['x', '....', '%00%ff', 'eyJvIjoxfQ.', '.abc', 'a'.repeat(500)])
      await expectRefused(`${LIST}&cursor=${garbage}`);
  });

  it('refuse a cursor of another query, company or list', async () => {
    const next = await firstNext();
    await expectRefused(`/accounting/invoice_payments?company_id=com_xero&sort=-amount&limit=1&cursor=${next}`);
    await expectRefused(`/accounting/invoice_payments?company_id=com_codat&sort=amount&limit=1&cursor=${next}`);
    await expectRefused(`/accounting/bill_payments?company_id=com_xero&sort=amount&limit=1&cursor=${next}`);
  });

  it('accept the same cursor with another page size (paging parameters are not part of the list)', async () => {
    const next = await firstNext();
    expect(
      (
        await api.call(
          `/accounting/invoice_payments?company_id=com_xero&sort=amount&limit=2&include_total_count=true&cursor=${next}`,
        )
      ).status,
    ).toBe(200);
  });

  it('hold across processes that share the secret, and not across others', async () => {
    const next = await firstNext();
    const same = await startSandbox({ host: '127.0.0.1', port: 0, apiKey: 'k', cursorSecret: SECRET });
    const other = await startSandbox({ host: '127.0.0.1', port: 0, apiKey: 'k' });
    try {
      const get = (url: string) => fetch(`${url}${LIST}&cursor=${next}`, { headers: { api_key: 'k' } });
      expect((await get(same.url)).status).toBe(200);
      expect((await get(other.url)).status).toBe(400);
    } finally {
      await Promise.all([same.close(), other.close()]);
    }
  });
});

describe('cursor codec', () => {
  it('round-trips an offset under its key only', () => {
    const key = cursorKey(cursorSecret(SECRET), 'listInvoices', { company_id: 'c', sort: ['amount'] });
    const cursor = encodeCursor(150, key);
    expect(decodeCursor(cursor, key)).toBe(150);
    expect(
      decodeCursor(cursor, cursorKey(cursorSecret(SECRET), 'listBills', { company_id: 'c', sort: ['amount'] })),
    ).toBeUndefined();
    expect(
      decodeCursor(cursor, cursorKey(cursorSecret(), 'listInvoices', { company_id: 'c', sort: ['amount'] })),
    ).toBeUndefined();
  });

  it('keys a list by its defining query, whatever the parameter order or paging', () => {
    const secret = cursorSecret(SECRET);
    expect(cursorKey(secret, 'op', { a: 1, b: { y: 2, x: 1 }, limit: 5, cursor: 'c' })).toBe(
      cursorKey(secret, 'op', { b: { x: 1, y: 2 }, a: 1, include_total_count: true }),
    );
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => cursorSecret('short')).toThrow(/at least 32 bytes/);
  });
});

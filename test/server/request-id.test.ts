/** x-request-id: a plausible incoming ID is the response's `request_id` and is echoed; otherwise
 * (none, too long, odd characters) the server makes a UUID. Errors carry it too. */
import { describe, expect, it } from 'vitest';
import { useSandbox } from './sandbox.ts';

const api = useSandbox();
const LIST = '/accounting/invoice_payments?company_id=com_xero&limit=1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('x-request-id', () => {
  it('honours a plausible incoming ID: request_id and the echoed header', async () => {
    const id = 'trace-01HX2V9Q8K3M4N5P6R7S8T9V0W:span/7=';
    const { status, body, headers } = await api.call(LIST, { headers: { 'x-request-id': id } });
    expect(status).toBe(200);
    expect(body.request_id).toBe(id);
    expect(headers.get('x-request-id')).toBe(id);
  });

  it('makes a UUID when none is sent, and echoes it', async () => {
    const { body, headers } = await api.call(LIST);
    expect(body.request_id).toMatch(UUID);
    expect(headers.get('x-request-id')).toBe(body.request_id);
  });

  it.each([
    ['too long', 'a'.repeat(129)],
    ['spaces', 'has spaces'],
    ['quotes and angle brackets', '"><script>'],
    ['empty', ''],
  ])('ignores an ID with %s and makes its own', async (_what, id) => {
    const { body, headers } = await api.call(LIST, { headers: { 'x-request-id': id } });
    expect(body.request_id).toMatch(UUID);
    expect(headers.get('x-request-id')).toBe(body.request_id);
  });

  it('accepts 128 characters, the longest allowed', async () => {
    const id = 'b'.repeat(128);
    expect((await api.call(LIST, { headers: { 'x-request-id': id } })).body.request_id).toBe(id);
  });

  it.each([
    ['401 of a missing api_key', LIST, { api_key: '' }],
    ['400 of a bad query', `${LIST}&limit=0`, {}],
    ['404 of an unknown route', '/no/such/route', {}],
    ['405 of a wrong method', '/accounting/invoice_payments', {}, 'PUT'],
  ])('carries it on the %s', async (_what, path, headers, method = 'GET') => {
    const response = await api.call(path, { method, headers: { ...headers, 'x-request-id': 'req-42' } });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.body.request_id).toBe('req-42');
    expect(response.headers.get('x-request-id')).toBe('req-42');
  });
});

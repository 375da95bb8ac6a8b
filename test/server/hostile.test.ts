import { describe, expect, it } from 'vitest';
import { useSandbox } from './sandbox.ts';

const api = useSandbox({ bodyLimit: 4096 });
const LIST = '/accounting/invoice_payments?company_id=com_xero';
const post = (body: string, contentType = 'application/json') =>
  api.call('/accounting/invoice_payments', { method: 'POST', body, headers: { 'content-type': contentType } });

/** Status, code and (when given) the first pointer of an error envelope, which must be complete. */
async function expectError(
  response: Promise<{ status: number; body: any }>,
  status: number,
  code: string,
  pointer?: string,
) {
  const { status: got, body } = await response;
  expect(got).toBe(status);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(Array.isArray(body.error.details)).toBe(true);
  expect(typeof body.request_id).toBe('string');
  expect(Date.parse(body.request_timestamp)).not.toBeNaN();
  expect(Date.parse(body.response_timestamp)).not.toBeNaN();
  if (pointer !== undefined) expect(body.error.details.map((d: { pointer: string }) => d.pointer)).toContain(pointer);
}

describe('hostile input gets a 4xx error envelope', () => {
  it('malformed JSON → 400 invalid-params', () =>
    expectError(post('{"company_id": "com_xero", "data": {'), 400, 'invalid-params'));
  it('a wrong content type → 415 invalid-params', () =>
    expectError(post('company_id=com_xero', 'text/plain'), 415, 'invalid-params', '/header/content-type'));
  it('a wrong content type on a DELETE → 415 invalid-params', () =>
    expectError(
      api.call('/accounting/invoices/xero-invoices-1?company_id=com_xero', {
        method: 'DELETE',
        body: 'x',
        headers: { 'content-type': 'text/plain' },
      }),
      415,
      'invalid-params',
    ));
  it('a body over the limit → 413 invalid-params', () =>
    expectError(
      post(JSON.stringify({ company_id: 'com_xero', data: { memo: 'x'.repeat(8000) } })),
      413,
      'invalid-params',
    ));
  it('a __proto__ key → 400 invalid-params', () =>
    expectError(
      post(
        '{"company_id":"com_xero","data":{"amount":1,"payment_date":"2024-01-01T00:00:00Z","__proto__":{"admin":true}}}',
      ),
      400,
      'invalid-params',
    ));
  it('a constructor key → 400 invalid-params', () =>
    expectError(
      post(
        '{"company_id":"com_xero","data":{"amount":1,"payment_date":"2024-01-01T00:00:00Z","constructor":{"prototype":{"admin":true}}}}',
      ),
      400,
      'invalid-params',
    ));
  it('a __proto__ query key → 400 invalid-params', () =>
    expectError(api.call(`${LIST}&filter[__proto__][eq]=1`), 400, 'invalid-params'));
  it('an unknown query parameter → 400 invalid-params at its pointer', () =>
    expectError(api.call(`${LIST}&colour=red`), 400, 'invalid-params', '/query/colour'));
  it('a filter on a non-filterable field → 400 invalid-params', () =>
    expectError(api.call(`${LIST}&filter[memo][eq]=x`), 400, 'invalid-params', '/query/filter/memo'));
  it('an operator the field type lacks → 400 invalid-params', () =>
    expectError(
      api.call(`${LIST}&filter[amount][contains]=1`),
      400,
      'invalid-params',
      '/query/filter/amount/contains',
    ));
  it('a non-number where a number filter belongs → 400', () =>
    expectError(api.call(`${LIST}&filter[amount][gt]=lots`), 400, 'invalid-params', '/query/filter/amount/gt'));
  it('a sort on a non-sortable field → 400', () =>
    expectError(api.call(`${LIST}&sort=memo`), 400, 'invalid-params', '/query/sort/0'));
  it('an unknown expansion → 400', () =>
    expectError(api.call(`${LIST}&expand=everything`), 400, 'invalid-params', '/query/expand/0'));
  it('limit 0 → 400', () => expectError(api.call(`${LIST}&limit=0`), 400, 'invalid-params', '/query/limit'));
  it('limit 201 → 400', () => expectError(api.call(`${LIST}&limit=201`), 400, 'invalid-params', '/query/limit'));
  it('limit abc → 400', () => expectError(api.call(`${LIST}&limit=abc`), 400, 'invalid-params', '/query/limit'));
  it('a missing required parameter → 400 missing-params', () =>
    expectError(api.call('/accounting/invoice_payments'), 400, 'missing-params', '/query/company_id'));
  it('a body missing a required field → 400 missing-params at its pointer', () =>
    expectError(
      post(JSON.stringify({ company_id: 'com_xero', data: [{ amount: 1 }] })),
      400,
      'missing-params',
      '/data/0/payment_date',
    ));
  it('a body field of the wrong type → 400 invalid-params at its pointer', () =>
    expectError(
      post(
        JSON.stringify({
          company_id: 'com_xero',
          data: [
            { amount: 1, payment_date: '2024-01-01T00:00:00Z' },
            { amount: 'ten', payment_date: '2024-01-01T00:00:00Z' },
          ],
        }),
      ),
      400,
      'invalid-params',
      '/data/1/amount',
    ));
  it('a read-only field in a body → 400 invalid-params', () =>
    expectError(
      post(
        JSON.stringify({
          company_id: 'com_xero',
          data: [{ platform_id: 'x', amount: 1, payment_date: '2024-01-01T00:00:00Z' }],
        }),
      ),
      400,
      'invalid-params',
      '/data/0/platform_id',
    ));
  it('a nested read-only field in a body → 400 invalid-params at its pointer', () =>
    expectError(
      api.call('/accounting/invoices', {
        method: 'POST',
        json: {
          company_id: 'com_xero',
          data: [
            {
              contact_id: 'xero-contacts-1',
              line_items: [{ platform_id: 'forged', description: 'x', quantity: 1, unit_amount: 1 }],
            },
          ],
        },
      }),
      400,
      'invalid-params',
      '/data/0/line_items/0/platform_id',
    ));
  it('a single record where the API takes a batch → 400 at /data', () =>
    expectError(
      post(JSON.stringify({ company_id: 'com_xero', data: { amount: 1, payment_date: '2024-01-01T00:00:00Z' } })),
      400,
      'invalid-params',
      '/data',
    ));
  it('an empty batch → 400 at /data', () =>
    expectError(post(JSON.stringify({ company_id: 'com_xero', data: [] })), 400, 'invalid-params', '/data'));
  it('a batch over the limit of 100 records → 400 at /data', () => {
    const data = Array.from({ length: 101 }, () => ({ amount: 1 }));
    return expectError(post(JSON.stringify({ company_id: 'com_xero', data })), 400, 'invalid-params', '/data');
  });
  it('no body at all → 400 missing-params', () =>
    expectError(api.call('/accounting/invoice_payments', { method: 'POST' }), 400, 'missing-params'));
  it('a body that is not an object → 400', () => expectError(post('[1,2]'), 400, 'invalid-params'));
  it('an Idempotency-Key over 255 characters → 400', () =>
    expectError(
      api.call('/core/syncs/syn_xero_1/cancel', { method: 'POST', headers: { 'idempotency-key': 'k'.repeat(300) } }),
      400,
      'invalid-params',
      '/header/idempotency-key',
    ));
  it('a missing api_key → 401 unauthorized', () =>
    expectError(api.call(LIST, { headers: { api_key: '' } }), 401, 'unauthorized', '/header/api_key'));
  it('a wrong api_key → 401 unauthorized', () =>
    expectError(api.call(LIST, { headers: { api_key: 'guess' } }), 401, 'unauthorized'));
  it('an unknown route → 404 not-found envelope', () =>
    expectError(api.call('/accounting/unicorns'), 404, 'not-found'));
  it('a known path with an unknown method → 405 method-not-allowed with Allow', async () => {
    const response = api.call('/core/jobs', { method: 'PUT' });
    await expectError(response, 405, 'method-not-allowed');
    expect((await response).headers.get('allow')).toBe('GET, HEAD');
  });
  it('405 lists every method of the path', async () => {
    const item = await api.call('/accounting/invoices/xero-invoices-1?company_id=com_xero', {
      method: 'PUT',
      json: {},
    });
    expect(item.status).toBe(405);
    expect(item.headers.get('allow')).toBe('GET, HEAD, DELETE');
    const collection = await api.call('/accounting/invoices?company_id=com_xero', { method: 'PUT', json: {} });
    expect(collection.headers.get('allow')).toBe('GET, HEAD, POST, PATCH');
    const action = await api.call('/core/syncs/syn_xero_1/cancel', { method: 'GET' });
    expect(action.status).toBe(405);
    expect(action.headers.get('allow')).toBe('POST');
    expect((await api.call('/core/syncs/syn_xero_1/cancel', { method: 'HEAD' })).status).toBe(405);
  });
  it('405 comes before the body is read, and after authentication', async () => {
    await expectError(
      api.call('/core/jobs', { method: 'POST', body: 'x'.repeat(8000), headers: { 'content-type': 'text/plain' } }),
      405,
      'method-not-allowed',
    );
    await expectError(api.call('/core/jobs', { method: 'DELETE', headers: { api_key: '' } }), 401, 'unauthorized');
  });
  it('an unknown company on an accounting list → 404 not-found', () =>
    expectError(api.call('/accounting/invoices?company_id=com_nope'), 404, 'not-found', '/query/company_id'));
  it('an unknown record → 404 not-found', () =>
    expectError(api.call('/core/syncs/syn_nope'), 404, 'not-found', '/path/id'));

  it('still serves after all that', async () => {
    expect((await api.call(LIST)).status).toBe(200);
  });
});

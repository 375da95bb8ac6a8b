import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledValidator, entityValidator, projectSpec } from '../helpers/spec.ts';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/seeds/${name}`, import.meta.url), 'utf8'));
const seed002 = fixture('seed-002-invoice-payment.json');
const seed000 = fixture('seed-000-create-invoice-payment.json');

function invoicePaymentSchema() {
  const entity = projectSpec().entities.find((e) => e.entity === 'invoice_payments');
  if (!entity) throw new Error('invoice_payments is missing');
  return entity.doc as { properties: Record<string, Record<string, unknown>>; required: string[] };
}

describe('seed 002: the Invoice Payments sample record', () => {
  it('validates as an InvoicePayment', () => {
    const validate = entityValidator('invoice_payments');
    expect(validate(seed002), JSON.stringify(validate.errors)).toBe(true);
  });

  it('declares every attribute seed 002 lists, with platform_id required', () => {
    const { properties, required } = invoicePaymentSchema();
    const attributes = ['platform_id', 'contact_id', 'account_id', 'payment_id', 'invoice_id', 'currency_id', 'amount', 'document_number', 'currency', 'currency_rate', 'payment_date', 'payment_mode', 'memo', 'invoice', 'updated_at', 'contact', 'account'];
    expect(Object.keys(properties)).toEqual(expect.arrayContaining(attributes));
    expect(required).toEqual(['platform_id']);
  });

  it.each([
    ['currency', 'currency_id', 'Currency'],
    ['invoice', 'invoice_id', 'Invoice'],
    ['contact', 'contact_id', 'Contact'],
    ['account', 'account_id', 'Account'],
  ])('expands %s in the { "data": … } form', (name, idField, title) => {
    const { properties } = invoicePaymentSchema();
    const expanded = properties[name] as { 'x-expands': string; required: string[]; properties: { data: { $ref: string } } };
    expect(expanded['x-expands']).toBe(idField);
    expect(expanded.required).toEqual(['data']);
    const bundled = projectSpec().bundled as { components: { schemas: Record<string, { properties: Record<string, { properties: { data: { $ref: string } } }> }> } };
    expect(bundled.components.schemas.InvoicePayment?.properties[name]?.properties.data.$ref).toBe(`#/components/schemas/${title}`);
  });

  it('rejects an expanded relation that is not wrapped in data', () => {
    const validate = entityValidator('invoice_payments');
    const unwrapped = { ...seed002, currency: seed002.currency.data };
    expect(validate(unwrapped)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain('/currency');
  });
});

describe('seed 000: Create Invoice Payment', () => {
  const bodySchema = () => bundledValidator('paths', '/accounting/invoice_payments', 'post', 'requestBody', 'content', 'application/json', 'schema');
  const responseSchema = () => bundledValidator('paths', '/accounting/invoice_payments', 'post', 'responses', '200', 'content', 'application/json', 'schema');

  it('accepts every body field seed 000 lists, all writable', () => {
    const { properties } = invoicePaymentSchema();
    const bodyFields = ['invoice_id', 'account_id', 'contact_id', 'credit_note_id', 'currency_id', 'amount', 'payment_date', 'payment_mode', 'document_number', 'memo', 'raw_data'];
    for (const field of bodyFields) expect(properties[field]?.readOnly, field).toBeUndefined();
    // The API takes writes as batches (seed 000 answers with one job id per record): the seed's
    // body fields are those of each record in `data`.
    expect(Object.keys(seed000.request.data[0]).sort()).toEqual([...bodyFields].sort());
    const validate = bodySchema();
    expect(validate(seed000.request), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a body with a read-only field or without a create-required one', () => {
    const validate = bodySchema();
    const [record] = seed000.request.data;
    expect(validate({ ...seed000.request, data: [{ ...record, platform_id: 'x' }] })).toBe(false);
    expect(validate.errors?.map((e) => [e.instancePath, e.keyword])).toContainEqual(['/data/0', 'additionalProperties']);
    const { amount: _amount, ...withoutAmount } = record;
    expect(validate({ ...seed000.request, data: [record, withoutAmount] })).toBe(false);
    expect(validate.errors?.map((e) => [e.instancePath, e.keyword])).toContainEqual(['/data/1', 'required']);
    expect(validate({ ...seed000.request, data: record })).toBe(false);
    expect(validate.errors?.map((e) => [e.instancePath, e.keyword])).toContainEqual(['/data', 'type']);
  });

  it('answers with the Job: overall status, job ids, per-record status and record, timestamps and request id', () => {
    const validate = responseSchema();
    expect(validate(seed000.response), JSON.stringify(validate.errors)).toBe(true);
    for (const status of ['SUCCESS', 'FAILED', 'CREATED', 'RUNNING']) expect(validate({ ...seed000.response, data: { ...seed000.response.data, status } })).toBe(true);
  });

  it.each([
    [['data', 'status'], 'DONE', '/data/status'],
    [['data', 'records', 0, 'status'], 'SUCCESS', '/data/records/0/status'],
    [['data', 'records', 0, 'response', 'amount'], '19', '/data/records/0/response/amount'],
    [['request_id'], undefined, ''],
  ] as const)('rejects a Job whose %j is %j', (path, value, pointer) => {
    const broken = structuredClone(seed000.response);
    let node = broken;
    for (const key of path.slice(0, -1)) node = node[key];
    if (value === undefined) delete node[path[path.length - 1] as string];
    else node[path[path.length - 1] as string] = value;
    const validate = responseSchema();
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain(pointer);
  });
});

describe('seed 001: sortable/filterable fields and allocation lines', () => {
  it('marks the fields seed 001 sorts and filters on', () => {
    const { properties } = invoicePaymentSchema();
    for (const field of ['amount', 'payment_date', 'updated_at']) {
      expect(properties[field]?.['x-sortable'], field).toBe(true);
      expect(properties[field]?.['x-filterable'], field).toBe(true);
    }
  });

  it('represents a payment shaped like that vendor’s, with every link type', () => {
    const validate = entityValidator('invoice_payments');
    const links = ['Invoice', 'Payment', 'PaymentOnAccount', 'CreditNote', 'Refund', 'Other'].map((type, i) => ({ type, id: type === 'PaymentOnAccount' ? null : `txn-${i}`, amount: -10, currency_rate: 1 }));
    const record = { platform_id: 'pay-1', contact_id: 'cust-1', account_id: 'bank-1', amount: 60, currency_rate: 1, payment_date: '2024-01-31T00:00:00Z', memo: 'Remittance 4411', allocations: [{ amount: 60, allocated_on_date: '2024-01-31T00:00:00Z', links }], updated_at: '2024-02-01T08:00:00Z' };
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    const unknownType = structuredClone(record);
    unknownType.allocations[0]!.links[0]!.type = 'payment';
    expect(validate(unknownType)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/allocations/0/links/0/type');
  });
});

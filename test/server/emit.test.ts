import { describe, expect, it } from 'vitest';
import { emitServer } from '../../generator/emit/server.ts';
import { thirdPartyIR } from '../validators/generated.ts';
import { projectIR } from '../helpers/spec.ts';
import { decodeQuery } from '../../generated/server/query.ts';
import { ROUTES } from '../../generated/server/routes.ts';

const ir = await projectIR();

describe('server emitter', () => {
  it('emits the route table, metadata, handler interfaces, validators, plugin and runtime', () => {
    const paths = emitServer(ir)
      .map((f) => f.path)
      .sort();
    expect(paths).toEqual([
      'server/body-shape.ts',
      'server/cursor.ts',
      'server/docs-route.ts',
      'server/entities.ts',
      'server/errors.ts',
      'server/handlers.ts',
      'server/idempotency.ts',
      'server/index.ts',
      'server/plugin-runtime.ts',
      'server/plugin.ts',
      'server/query.ts',
      'server/request-id.ts',
      'server/routes.ts',
      'server/schemas.ts',
      'server/types.ts',
      'server/validators.d.ts',
      'server/validators.js',
      'server/write-jobs.ts',
    ]);
  });

  it('is deterministic', () => {
    expect(emitServer(ir)).toEqual(emitServer(ir));
  });

  it('routes every operation of the spec, one handler method each', () => {
    const routes = ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(routes).toEqual(ir.operations.map((op) => `${op.method.toUpperCase()} ${op.path}`));
    expect(new Set(ROUTES.map((r) => `${r.entity}.${r.handler}`)).size).toBe(ROUTES.length);
  });

  it('types one handler interface per resource', () => {
    const handlers = emitServer(ir).find((f) => f.path === 'server/handlers.ts')?.contents ?? '';
    expect(handlers).toContain('export interface InvoicePaymentsHandlers {');
    expect(handlers).toMatch(
      /list\(input: ListInput<NonNullable<operations\["listInvoicePayments"\]\['parameters'\]\['query'\]>, NoParams>\): Awaitable<ListResult<T\.InvoicePayment>>;/,
    );
    expect(handlers).toContain('cancel(input: RequestInput<');
  });

  it('emits nothing for a spec without resources', () => {
    expect(emitServer(thirdPartyIR())).toEqual([]);
  });
});

describe('query decoding', () => {
  const list = ROUTES.find((r) => r.operationId === 'listInvoicePayments');
  const params = list?.query ?? [];

  it('decodes comma lists, deep objects and scalars by declared style and type', () => {
    const query = decodeQuery(
      '/x?company_id=c&limit=20&include_total_count=true&sort=-amount,payment_date&expand=invoice,contact&filter[amount][gt]=10.5&filter[invoice_id][in]=a,b&filter[amount][in]=1,2',
      params,
    );
    expect(query).toEqual({
      company_id: 'c',
      limit: 20,
      include_total_count: true,
      sort: ['-amount', 'payment_date'],
      expand: ['invoice', 'contact'],
      filter: { amount: { gt: 10.5, in: [1, 2] }, invoice_id: { in: ['a', 'b'] } },
    });
  });

  it('leaves what does not read as its type for the validator to report', () => {
    expect(decodeQuery('/x?limit=ten&filter[amount][gt]=lots&colour=red', params)).toEqual({
      limit: 'ten',
      filter: { amount: { gt: 'lots' } },
      colour: 'red',
    });
  });

  it('refuses prototype keys', () => {
    expect(() => decodeQuery('/x?filter[__proto__][eq]=1', params)).toThrow(/not allowed/);
    expect(() => decodeQuery('/x?constructor=1', params)).toThrow(/not allowed/);
  });
});

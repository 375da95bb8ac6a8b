import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../generator/validation/errors.ts';
import { projectIR } from '../helpers/spec.ts';
import { useGeneratedValidators, type Result } from './generated.ts';

const seed002 = JSON.parse(
  readFileSync(new URL('../fixtures/seeds/seed-002-invoice-payment.json', import.meta.url), 'utf8'),
);
const ir = await projectIR();

const validators = useGeneratedValidators(ir);

/** A deep copy of seed 002 changed by `change`. */
function corrupt(change: (record: Record<string, any>) => void): Record<string, any> {
  const copy = structuredClone(seed002);
  change(copy);
  return copy;
}

function issuesOf(value: unknown, model = 'InvoicePayment'): ValidationIssue[] {
  const result = validators()[`validate${model}`]?.(value) as Result;
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues;
}

describe('generated validators on seed 002', () => {
  it('exports isX, assertX and validateX for every model, entities, write variants and sub-models alike', () => {
    for (const model of ir.models) {
      for (const prefix of ['is', 'assert', 'validate'])
        expect(typeof validators()[`${prefix}${model.name}`], `${prefix}${model.name}`).toBe('function');
    }
    expect(ir.models.map((m) => m.kind)).toEqual(expect.arrayContaining(['entity', 'create', 'update', 'model']));
  });

  it('accepts the sample record', () => {
    expect(validators().isInvoicePayment?.(seed002)).toBe(true);
    expect(validators().validateInvoicePayment?.(seed002)).toEqual({ ok: true, value: seed002 });
    expect(() => validators().assertInvoicePayment?.(seed002)).not.toThrow();
  });

  it.each([
    [
      'amount as a string',
      (r: Record<string, any>) => {
        r.amount = '19';
      },
      { pointer: '/amount', keyword: 'type', expected: 'number or null', found: '"19"' },
    ],
    [
      'a nested currency code as a number',
      (r: Record<string, any>) => {
        r.currency.data.code = 5;
      },
      { pointer: '/currency/data/code', keyword: 'type', expected: 'string or null', found: '5' },
    ],
    [
      'an unknown key',
      (r: Record<string, any>) => {
        r.surprise = { a: 1 };
      },
      { pointer: '/surprise', keyword: 'additionalProperties', expected: 'no property "surprise"', found: '{"a":1}' },
    ],
    [
      'no platform_id',
      (r: Record<string, any>) => {
        delete r.platform_id;
      },
      { pointer: '/platform_id', keyword: 'required', expected: 'property "platform_id"', found: 'nothing' },
    ],
    [
      'a bad invoice status',
      (r: Record<string, any>) => {
        r.invoice.data.status = 'Late';
      },
      { pointer: '/invoice/data/status', keyword: 'enum', found: '"Late"' },
    ],
    [
      'a bad date-time',
      (r: Record<string, any>) => {
        r.payment_date = '1 March 2023';
      },
      { pointer: '/payment_date', keyword: 'format', expected: 'format date-time', found: '"1 March 2023"' },
    ],
    [
      'an unwrapped expansion',
      (r: Record<string, any>) => {
        r.currency = 'INR';
      },
      { pointer: '/currency', keyword: 'type', expected: 'object or null', found: '"INR"' },
    ],
  ])('rejects %s with exactly one issue at the right pointer', (_name, change, expected) => {
    const record = corrupt(change);
    expect(validators().isInvoicePayment?.(record)).toBe(false);
    const issues = issuesOf(record);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject(expected);
    expect(issues[0]?.message).toBeTruthy();
  });

  it('lists every problem of a record at once, in words', () => {
    const record = corrupt((r) => {
      r.amount = '19';
      r.currency.data.code = 5;
      delete r.platform_id;
    });
    expect(
      issuesOf(record)
        .map((i) => i.pointer)
        .sort(),
    ).toEqual(['/amount', '/currency/data/code', '/platform_id']);
    const status = issuesOf(
      corrupt((r) => {
        r.invoice.data.status = 'Late';
      }),
    )[0];
    expect(status?.expected).toBe('one of Draft, Submitted, PartiallyPaid, Paid, Overdue, Void, Unknown, null');
  });

  it('assertX throws a ValidationError carrying the issues', () => {
    const record = corrupt((r) => {
      r.amount = '19';
    });
    let thrown: unknown;
    try {
      validators().assertInvoicePayment?.(record);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(validators().ValidationError);
    expect((thrown as Error).message).toContain('/amount');
    expect((thrown as { issues: ValidationIssue[] }).issues).toEqual(issuesOf(record));
  });

  it('write variants follow the read/write split: Create needs create-required fields and takes no read-only ones', () => {
    const { platform_id: _id, updated_at: _u, payment_id: _p, currency: _c, invoice: _i, ...writable } = seed002;
    expect(validators().isInvoicePaymentCreate?.(writable)).toBe(true);
    expect(issuesOf({ ...writable, platform_id: 'x' }, 'InvoicePaymentCreate')).toMatchObject([
      { pointer: '/platform_id', keyword: 'additionalProperties' },
    ]);
    const { amount: _a, ...noAmount } = writable;
    expect(issuesOf(noAmount, 'InvoicePaymentCreate')).toMatchObject([{ pointer: '/amount', keyword: 'required' }]);
    // An accounting update names its record: the batch's records carry their platform_id.
    expect(validators().isInvoicePaymentUpdate?.({ platform_id: 'p1', memo: 'x' })).toBe(true);
    expect(issuesOf({ memo: 'x' }, 'InvoicePaymentUpdate')).toMatchObject([
      { pointer: '/platform_id', keyword: 'required' },
    ]);
  });

  it('rejects values that are not records at all', () => {
    expect(issuesOf(null)).toMatchObject([{ pointer: '', keyword: 'type', expected: 'object', found: 'null' }]);
    expect(issuesOf([seed002])).toMatchObject([{ pointer: '', keyword: 'type', found: expect.stringMatching(/^\[/) }]);
  });
});

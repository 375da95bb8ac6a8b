import { agrees, amount, escape, records, show, tolerance, within } from './amounts.ts';
import type { DeclaredKind } from './model.ts';

export interface Totals {
  total: string;
  add: string[];
  subtract?: string[];
  zero_if_missing?: string[];
  tolerance?: number;
}

/**
 * `totals`: a total is a formula of other amounts of the record: total = Σ add − Σ subtract
 * (total_amount = sub_total − total_discount + tax_amount). A term is a number field or a path
 * through an array to a number field of its items (`assets/*\/value`, the sum over the items; an
 * empty array is 0). Does not apply when the total is null or absent, or when a term is, unless
 * the term is listed in `zero_if_missing` (a platform that reports no discount gave none).
 */
export const totals: DeclaredKind<Totals> = {
  summary: 'a total is the sum of some amounts less others',
  params: {
    total: { type: 'field', shape: 'number', description: 'the total' },
    add: { type: 'terms', description: 'amounts the total adds' },
    subtract: { type: 'terms', optional: true, description: 'amounts the total takes off' },
    zero_if_missing: {
      type: 'subset',
      of: ['add', 'subtract'],
      optional: true,
      description: 'terms that count as 0 when null or absent',
    },
    tolerance: { type: 'number', optional: true, description: 'rounding allowed per amount (default 0.01)' },
  },
  check: (declaration, record) => {
    const total = amount(record[declaration.total]);
    if (total === undefined) return [];
    const zero = new Set(declaration.zero_if_missing ?? []);
    const parts = [
      ...declaration.add.map((term) => ({ term, sign: 1 })),
      ...(declaration.subtract ?? []).map((term) => ({ term, sign: -1 })),
    ];
    let expected = 0;
    let count = 0;
    const shown: string[] = [];
    for (const { term, sign } of parts) {
      const value = termValue(record, term) ?? (zero.has(term) ? { sum: 0, count: 0 } : undefined);
      if (!value) return [];
      expected += sign * value.sum;
      count += value.count;
      shown.push(`${sign < 0 ? '− ' : shown.length ? '+ ' : ''}${show(value.sum)}`);
    }
    const allowed = tolerance(count, declaration.tolerance);
    if (agrees(expected, total, allowed)) return [];
    return [
      {
        kind: 'totals',
        pointer: `/${escape(declaration.total)}`,
        message: `${declaration.total} is not ${formula(declaration)} (${shown.join(' ')})`,
        expected: within(expected, allowed),
        found: show(total),
      },
    ];
  },
};

/** `sub_total − total_discount + tax_amount` */
export function formula(declaration: Pick<Totals, 'add' | 'subtract'>): string {
  return [
    ...declaration.add.map((t, i) => (i ? `+ ${t}` : t)),
    ...(declaration.subtract ?? []).map((t) => `− ${t}`),
  ].join(' ');
}

/** A term's value and how many rounded amounts it sums; undefined when it is missing. */
function termValue(record: Record<string, unknown>, term: string): { sum: number; count: number } | undefined {
  const [field = '', star, inner] = term.split('/');
  if (star === undefined) {
    const value = amount(record[field]);
    return value === undefined ? undefined : { sum: value, count: 1 };
  }
  const items = records(record[field]);
  if (!items || inner === undefined) return undefined;
  const values = items.map((item) => amount(item[inner]));
  if (values.some((value) => value === undefined)) return undefined;
  return { sum: (values as number[]).reduce((a, b) => a + b, 0), count: values.length };
}

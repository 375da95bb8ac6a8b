import { amount, escape, show } from './amounts.ts';
import type { DeclaredKind } from './model.ts';

export interface NonNegative {
  fields: string[];
}

/**
 * `non-negative`: amounts that are zero or positive by meaning (a document's total, what is
 * still due, a payment's amount; direction is carried elsewhere, by the document's kind or a
 * Debit/Credit field). Declared rather than written as `minimum: 0` in the schema because that
 * would tighten request bodies, a breaking change for SDK users; the spec can promote a field at
 * the next major version. Null is allowed.
 */
export const nonNegative: DeclaredKind<NonNegative> = {
  summary: 'amounts that are never negative by meaning',
  params: {
    fields: { type: 'fields', shape: 'number', description: 'the number fields that are zero or positive' },
  },
  check: (declaration, record) =>
    declaration.fields.flatMap((field) => {
      const value = amount(record[field]);
      if (value === undefined || value >= 0) return [];
      return [
        {
          kind: 'non-negative',
          pointer: `/${escape(field)}`,
          message: `${field} is negative, which it never is by meaning`,
          expected: 'zero or more (or null)',
          found: show(value),
        },
      ];
    }),
};

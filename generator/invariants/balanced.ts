import { agrees, amount, escape, records, show, tolerance, within } from './amounts.ts';
import type { DeclaredKind, InvariantFinding } from './model.ts';

export interface Balanced {
  lines: string;
  side: string;
  amount: string;
  tax?: string;
  total?: string;
  tolerance?: number;
}

/**
 * `balanced`: the debit lines and the credit lines of a journal add up to the same amount. A
 * line posts its amount plus its tax (when `tax` is declared; a null tax is none), on the side
 * its `side` field names (Debit or Credit). With `total`, that field is the sum of the debit
 * lines. Does not apply when a line's side is neither Debit nor Credit (Unknown), or its amount
 * is null.
 */
export const balanced: DeclaredKind<Balanced> = {
  summary: 'debit lines and credit lines add up to the same amount',
  params: {
    lines: { type: 'field', shape: 'array', description: 'the journal lines' },
    side: { type: 'field', shape: 'string', within: 'lines', description: "a line's side: Debit or Credit" },
    amount: { type: 'field', shape: 'number', within: 'lines', description: "a line's amount, zero or positive" },
    tax: {
      type: 'field',
      shape: 'number',
      within: 'lines',
      optional: true,
      description: 'tax posted with the line, added to its amount',
    },
    total: { type: 'field', shape: 'number', optional: true, description: 'the sum of the debit lines' },
    tolerance: { type: 'number', optional: true, description: 'rounding allowed per line (default 0.01)' },
  },
  check: (declaration, record) => {
    const lines = records(record[declaration.lines]);
    if (!lines || lines.length === 0) return [];
    const sides = { Debit: { sum: 0, count: 0 }, Credit: { sum: 0, count: 0 } };
    for (const line of lines) {
      const side = line[declaration.side];
      const value = amount(line[declaration.amount]);
      if ((side !== 'Debit' && side !== 'Credit') || value === undefined) return [];
      sides[side].sum += value + (declaration.tax ? (amount(line[declaration.tax]) ?? 0) : 0);
      sides[side].count += 1;
    }
    const { Debit: debits, Credit: credits } = sides;
    const posted = declaration.tax ? `${declaration.amount} + ${declaration.tax}` : declaration.amount;
    const findings: InvariantFinding[] = [];
    if (!agrees(debits.sum, credits.sum, tolerance(lines.length, declaration.tolerance))) {
      findings.push({
        kind: 'balanced',
        pointer: `/${escape(declaration.lines)}`,
        message: `the debit and credit ${declaration.lines} (${posted}) do not balance`,
        expected: `debits = credits ± ${show(tolerance(lines.length, declaration.tolerance))}`,
        found: `debits ${show(debits.sum)} (${debits.count} line(s)), credits ${show(credits.sum)} (${credits.count} line(s))`,
      });
    }
    const total = declaration.total ? amount(record[declaration.total]) : undefined;
    const allowed = tolerance(debits.count, declaration.tolerance);
    if (declaration.total && total !== undefined && !agrees(total, debits.sum, allowed)) {
      findings.push({
        kind: 'balanced',
        pointer: `/${escape(declaration.total)}`,
        message: `${declaration.total} is not the sum of the debit ${declaration.lines} (${posted})`,
        expected: within(debits.sum, allowed),
        found: show(total),
      });
    }
    return findings;
  },
};

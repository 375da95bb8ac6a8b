import { agrees, amount, escape, records, show, sum, tolerance, within } from './amounts.ts';
import type { DeclaredKind } from './model.ts';

export interface LinesSum {
  lines: string;
  amount: string;
  total: string;
  tolerance?: number;
}

/**
 * `lines-sum`: the lines of a document add up to one of its totals (Σ line_items[*].sub_total =
 * sub_total). Does not apply when the total is null or absent, when there are no lines (the
 * platform left them out of this response) or when a line's amount is null.
 */
export const linesSum: DeclaredKind<LinesSum> = {
  summary: 'the lines add up to a total of the record',
  params: {
    lines: { type: 'field', shape: 'array', description: 'the array of lines' },
    amount: { type: 'field', shape: 'number', within: 'lines', description: "each line's amount" },
    total: { type: 'field', shape: 'number', description: 'the total the line amounts add up to' },
    tolerance: { type: 'number', optional: true, description: 'rounding allowed per line (default 0.01)' },
  },
  check: (declaration, record) => {
    const total = amount(record[declaration.total]);
    const lines = records(record[declaration.lines]);
    if (total === undefined || !lines || lines.length === 0) return [];
    const amounts = lines.map((line) => amount(line[declaration.amount]));
    if (amounts.some((value) => value === undefined)) return [];
    const expected = sum(amounts as number[]);
    const allowed = tolerance(lines.length, declaration.tolerance);
    if (agrees(expected, total, allowed)) return [];
    return [
      {
        kind: 'lines-sum',
        pointer: `/${escape(declaration.total)}`,
        message: `${declaration.total} is not the sum of ${declaration.lines}/*/${declaration.amount} over its ${lines.length} line(s)`,
        expected: within(expected, allowed),
        found: show(total),
      },
    ];
  },
};

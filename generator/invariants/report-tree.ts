import { agrees, amount, escape, records, show, sum, tolerance, within } from './amounts.ts';
import type { DeclaredKind, InvariantFinding } from './model.ts';

export interface ReportTree {
  sections: string[];
  children: string;
  value: string;
  tolerance?: number;
}

/**
 * `report-tree`: in each section of a report (a tree of report lines), a heading's value is the
 * sum of the values of the lines it breaks down into, at every depth. Leaf lines (no children)
 * are not checked; a heading with a null value, or with a child whose value is null, neither.
 */
export const reportTree: DeclaredKind<ReportTree> = {
  summary: "each heading's value is the sum of its lines' values",
  params: {
    sections: { type: 'fields', shape: 'array', description: 'the report sections, each an array of report lines' },
    children: { type: 'field', shape: 'array', within: 'sections', description: 'the lines a line breaks down into' },
    value: { type: 'field', shape: 'number', within: 'sections', description: "a line's value" },
    tolerance: { type: 'number', optional: true, description: 'rounding allowed per line (default 0.01)' },
  },
  check: (declaration, record) =>
    declaration.sections.flatMap((section) =>
      headings(records(record[section]) ?? [], `/${escape(section)}`, declaration),
    ),
};

function headings(lines: Record<string, unknown>[], at: string, declaration: ReportTree): InvariantFinding[] {
  return lines.flatMap((line, index) => {
    const here = `${at}/${index}`;
    const children = records(line[declaration.children]) ?? [];
    const below = headings(children, `${here}/${escape(declaration.children)}`, declaration);
    const value = amount(line[declaration.value]);
    const values = children.map((child) => amount(child[declaration.value]));
    if (children.length === 0 || value === undefined || values.some((v) => v === undefined)) return below;
    const expected = sum(values as number[]);
    const allowed = tolerance(children.length, declaration.tolerance);
    if (agrees(expected, value, allowed)) return below;
    const name = typeof line.name === 'string' ? ` ${JSON.stringify(line.name)}` : '';
    const finding: InvariantFinding = {
      kind: 'report-tree',
      pointer: `${here}/${escape(declaration.value)}`,
      message: `the ${declaration.value} of heading${name} is not the sum of its ${children.length} ${declaration.children}`,
      expected: within(expected, allowed),
      found: show(value),
    };
    return [finding, ...below];
  });
}

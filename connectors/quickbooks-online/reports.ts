/**
 * QuickBooks Online reports (`GET /v3/company/{realmId}/reports/BalanceSheet`, `/ProfitAndLoss`,
 * `/CashFlow`): the whole response body, `{ Header, Columns, Rows }`. `Header` names the period
 * (`StartPeriod`, `EndPeriod`, `YYYY-MM-DD`), the currency, the time the report was run and the
 * filters it was run with. `Rows.Row[]` is a tree: a `Section` row has a `Header` (its heading), its
 * own `Rows` and a `Summary` (the heading's total), and names its part of the report in `group`
 * (`TotalAssets`, `Liabilities`, `Income`, `COGS`, `OperatingActivities`, …); a `Data` row is one
 * account. Every row carries one `ColData` cell per report column: the first is the label (with the
 * account's `id` on account rows), the others amounts as strings ("1350.55", "" when none).
 *
 * A parent account is a section of its own: its Header cell carries the account's id and, when the
 * parent has postings of its own, their amount; its sub-accounts are its rows; its Summary is the
 * total with the sub-accounts (QBO's "Total Landscaping Services"). The parent's own amount becomes
 * a leaf line of its own, first among the heading's lines, so a heading is always the sum of its lines.
 *
 * One unified statement is one period: ledgerspec reads QBO's reports with one money column
 * (`summarize_column_by=Total`, QBO's default); the amount column is the one whose `ColKey` is
 * `total`, else the last column.
 */
import type { ReportLine } from '../../generated/types/index.js';
import { amount, calendarDate, calendarDay, dateTime, list, text } from '../lib/values.js';

/** One cell of a row: the label (with the account's id) or an amount. */
export interface QboColData {
  value?: string;
  id?: string;
  href?: string;
}

/** A row of a QBO report: a `Section` (Header, Rows, Summary, group) or a `Data` row (ColData). */
export interface QboReportRow {
  type?: string;
  group?: string;
  Header?: { ColData?: QboColData[] };
  Rows?: { Row?: QboReportRow[] };
  Summary?: { ColData?: QboColData[] };
  ColData?: QboColData[];
}

export interface QboReportHeader {
  Time?: string;
  ReportName?: string;
  DateMacro?: string;
  ReportBasis?: string;
  StartPeriod?: string;
  EndPeriod?: string;
  SummarizeColumnsBy?: string;
  Currency?: string;
  Option?: { Name?: string; Value?: string }[];
  /** Filters the report was run with (comma-separated ids), present only when given. */
  Customer?: string;
  Vendor?: string;
  Employee?: string;
  Item?: string;
  Class?: string;
  Department?: string;
}

export interface QboReportColumn {
  ColType?: string;
  ColTitle?: string;
  MetaData?: { Name?: string; Value?: string }[];
}

/** A QBO report response body. */
export interface QboReport {
  Header?: QboReportHeader;
  Columns?: { Column?: QboReportColumn[] };
  Rows?: { Row?: QboReportRow[] };
}

/** The column holding the amounts: the one whose ColKey is `total`, else the last one (at least 1). */
function amountColumn(report: QboReport): number {
  const columns = list(report.Columns?.Column);
  const total = columns.findIndex((column) =>
    list(column.MetaData).some((data) => data.Name === 'ColKey' && data.Value === 'total'),
  );
  if (total > 0) return total;
  return Math.max(1, columns.length - 1);
}

/** Removes float noise from sums of report amounts (19142.35 + 57.6). */
export function reportSum(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A row as a unified report line. A section's value is its Summary amount, or, when QBO prints
 * none (a section left empty: "Total Expenses" with a blank cell; a section without a Summary),
 * the sum of its lines, which is what a heading's value is. */
function reportLine(row: QboReportRow, column: number): ReportLine {
  if (!row.Header && !row.Rows && !row.Summary) {
    const cells = list(row.ColData);
    return {
      name: text(cells[0]?.value),
      value: amount(cells[column]?.value),
      account_id: text(cells[0]?.id),
      line_items: [],
    };
  }
  const heading = list(row.Header?.ColData);
  const summary = list(row.Summary?.ColData);
  const lines = list(row.Rows?.Row).map((child) => reportLine(child, column));
  // A parent account's own postings (the amount in its Header cell) are a line of their own.
  const own = amount(heading[column]?.value);
  if (own !== null)
    lines.unshift({ name: text(heading[0]?.value), value: own, account_id: text(heading[0]?.id), line_items: [] });
  const values = lines.map((line) => line.value);
  const total =
    amount(summary[column]?.value) ??
    (values.every((value) => value !== null)
      ? reportSum(values.reduce<number>((sum, value) => sum + (value ?? 0), 0))
      : null);
  return {
    name: text(heading[0]?.value) ?? text(summary[0]?.value),
    value: total,
    account_id: null,
    line_items: lines,
  };
}

/** The first row of a group, searching the tree depth-first. */
function findGroup(rows: QboReportRow[] | undefined, group: string): QboReportRow | undefined {
  for (const row of list(rows)) {
    if (row.group === group) return row;
    const found = findGroup(row.Rows?.Row, group);
    if (found) return found;
  }
  return undefined;
}

/** The group's section as a single top line, or no lines when the report has no such section
 * (QBO leaves out the sections that have nothing in them). */
export function section(report: QboReport, group: string): ReportLine[] {
  const row = findGroup(report.Rows?.Row, group);
  return row ? [reportLine(row, amountColumn(report))] : [];
}

/** The group's amount: its section's total (a Summary-only section such as GrossProfit or
 * NetIncome, or a heading's total), or a Data row's amount (the cash flow's Net Income); null when
 * the report has no such group. */
export function groupTotal(report: QboReport, group: string): number | null {
  const row = findGroup(report.Rows?.Row, group);
  return row ? (reportLine(row, amountColumn(report)).value ?? null) : null;
}

export const periodStart = (report: QboReport): string | null => calendarDay(report.Header?.StartPeriod);
export const periodEnd = (report: QboReport): string | null => calendarDay(report.Header?.EndPeriod);

/** The spec's period ID, `<first day>_<last day>`. */
export function periodId(report: QboReport): string {
  const end = calendarDate(report.Header?.EndPeriod) ?? 'unknown';
  return `${calendarDate(report.Header?.StartPeriod) ?? end}_${end}`;
}

/** The currency the report is in (`Header.Currency`, the home currency's ISO code). */
export const reportCurrency = (report: QboReport): string | null => text(report.Header?.Currency);

/** When QBO produced the report (`Header.Time`, the company's local offset, converted to UTC). */
export const reportTime = (report: QboReport): string | null => dateTime(report.Header?.Time);

const FILTERS = ['Customer', 'Vendor', 'Employee', 'Item', 'Class', 'Department'] as const;

/** Why a report is not the company's statement: it was run for some customers, vendors, classes…
 * only (QBO's Header names the filter); undefined for a whole-company report. */
export function filtered(report: QboReport): string | undefined {
  const filters = FILTERS.filter((name) => text(report.Header?.[name]) !== null).map(
    (name) => `${name} ${report.Header?.[name]}`,
  );
  return filters.length ? `run for ${filters.join(', ')} only: not the company's statement` : undefined;
}

/** Reports are QBO's answers to report requests, not stored records. */
export const isReport = (payload: unknown): payload is QboReport =>
  payload !== null &&
  typeof payload === 'object' &&
  !Array.isArray(payload) &&
  'Header' in payload &&
  ('Rows' in payload || 'Columns' in payload);

/**
 * Xero's reports (`GET /Reports/BalanceSheet`, `GET /Reports/ProfitAndLoss`): the response's
 * `Reports[0]` is a report laid out for printing, a flat list of rows:
 *
 * - one `Header` row, whose cells name the columns: a blank label column, then one column per
 *   period (the period asked for first, then the comparison periods `periods`/`timeframe` add);
 * - `Section` rows with a `Title` and `Rows` of `Row`s (one per account; the account's ID is the
 *   cell attribute `account`) ending in a `SummaryRow` (`Total Bank`);
 * - a titled `Section` with no rows is a heading (`Assets`, `Liabilities`, `Liabilities and
 *   Equity`) that holds the sections after it until an untitled section's `SummaryRow` closes it
 *   (`Total Assets`);
 * - untitled sections carry the report's figures as single rows (`Net Assets`, `Gross Profit`,
 *   `Net Profit`).
 *
 * Every value is a string (`"-1850.00"`). A unified statement is one period: the first value
 * column, the period the report was asked for; comparison columns are other periods, read by
 * asking for those periods. Sections are found by the titles of Xero's standard layout
 * (`standardLayout=true`; a custom layout's own headings are not recognised) in English.
 */
import type { ReportLine } from '../../generated/types/index.js';
import { amount, text } from '../lib/values.js';
import { xeroDate } from './values.js';

export interface XeroReportAttribute {
  Id?: string;
  Value?: string;
}

export interface XeroReportCell {
  Value?: string;
  Attributes?: XeroReportAttribute[];
}

export interface XeroReportRow {
  RowType?: 'Header' | 'Section' | 'Row' | 'SummaryRow' | (string & {});
  Title?: string;
  Cells?: XeroReportCell[];
  Rows?: XeroReportRow[];
}

/** One report of `GET /Reports/<name>` (the element of the response's `Reports`). */
export interface XeroReport {
  ReportID?: string;
  ReportName?: string;
  ReportType?: string;
  ReportTitles?: string[];
  ReportDate?: string;
  UpdatedDateUTC?: string;
  Fields?: unknown[];
  Rows?: XeroReportRow[];
}

/** The column of the period a unified statement reads (0 is the label column). */
const PERIOD = 1;

/**
 * Account IDs Xero puts on computed lines that are no account of the organisation: Current Year
 * Earnings carries the empty GUID (OpenAPI example) or `abababab-…` (a US organisation), and the
 * standard layout groups multi-currency system accounts under `FXGROUPID` (Xero's reports
 * documentation, "Multi-Currency System Accounts").
 */
const NOT_AN_ACCOUNT = new Set([
  '00000000-0000-0000-0000-000000000000',
  'abababab-abab-abab-abab-abababababab',
  'FXGROUPID',
]);

/** A label as Xero prints it, for matching: trimmed, one space between words, lower case. */
export function normalised(label: string | undefined | null): string {
  return (label ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

function attribute(cell: XeroReportCell | undefined, id: string): string | null {
  return text(cell?.Attributes?.find((entry) => entry.Id === id)?.Value);
}

/** An account line (`Row`) as a unified leaf line. */
function accountLine(row: XeroReportRow): ReportLine {
  const cells = row.Cells ?? [];
  const account = attribute(cells[0], 'account') ?? attribute(cells[PERIOD], 'account');
  return {
    name: text(cells[0]?.Value?.trim()),
    value: amount(cells[PERIOD]?.Value),
    account_id: account === null || NOT_AN_ACCOUNT.has(account) ? null : account,
    line_items: [],
  };
}

/** The sum of lines, without float noise (0.1 + 0.2). */
export function sum(values: readonly (number | null | undefined)[]): number {
  return Math.round(values.reduce<number>((total, value) => total + (value ?? 0), 0) * 100) / 100;
}

/** The report as a tree: headings holding sections holding account lines, and its figures. */
export interface ReportTree {
  /** Headings and sections that no heading holds, in report order. */
  lines: ReportLine[];
  /** The single-row figures of untitled sections and the totals that close headings, by
   * normalised label (`net assets`, `gross profit`, `total assets`). */
  figures: Map<string, number | null>;
}

/**
 * Walks the report's rows into a tree (see the module comment). A titled section with rows is one
 * line valued at its `SummaryRow` (or at the sum of its accounts when it has none) whose lines
 * are its accounts; a heading is valued at the total that closes it (`Total Assets` closes
 * Assets), or at the sum of what it holds when nothing closes it.
 */
export function reportTree(report: XeroReport): ReportTree {
  const lines: ReportLine[] = [];
  const figures = new Map<string, number | null>();
  const open: ReportLine[] = [];
  const attach = (line: ReportLine): void => {
    (open.at(-1)?.line_items ?? lines).push(line);
  };

  for (const section of report.Rows ?? []) {
    if (section.RowType !== 'Section') continue;
    const title = text(section.Title?.trim());
    const rows = section.Rows ?? [];
    if (title !== null && rows.length === 0) {
      const heading: ReportLine = { name: title, value: null, account_id: null, line_items: [] };
      attach(heading);
      open.push(heading);
      continue;
    }
    if (title !== null) {
      const accounts = rows.filter((row) => row.RowType === 'Row').map(accountLine);
      const summary = rows.find((row) => row.RowType === 'SummaryRow');
      const total = summary ? amount(summary.Cells?.[PERIOD]?.Value) : sum(accounts.map((line) => line.value));
      if (summary) figures.set(normalised(summary.Cells?.[0]?.Value), total);
      attach({ name: title, value: total, account_id: null, line_items: accounts });
      continue;
    }
    for (const row of rows) {
      const label = normalised(row.Cells?.[0]?.Value);
      const value = amount(row.Cells?.[PERIOD]?.Value);
      figures.set(label, value);
      if (row.RowType !== 'SummaryRow') continue;
      // `Total Assets` closes the heading Assets (and any heading opened inside it).
      const closes = open.findIndex((heading) => `total ${normalised(heading.name)}` === label);
      if (closes === -1) continue;
      open[closes]!.value = value;
      open.splice(closes);
    }
  }
  // Headings nothing closed are worth what they hold.
  const settle = (line: ReportLine): void => {
    line.line_items?.forEach(settle);
    if (line.value === null && line.account_id === null && (line.line_items?.length ?? 0) > 0) {
      line.value = sum((line.line_items ?? []).map((child) => child.value));
    }
  };
  lines.forEach(settle);
  return { lines, figures };
}

/** The first line of the tree, at any depth, whose name is one of `names`. */
export function findLine(lines: readonly ReportLine[], names: readonly string[]): ReportLine | undefined {
  for (const line of lines) {
    if (names.includes(normalised(line.name))) return line;
    const found = findLine(line.line_items ?? [], names);
    if (found) return found;
  }
  return undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as Xero prints it in report headers and titles: `30 Apr 2019`, `31 December 2024`, or
 * with a two-digit year, `28 Feb 18` (profit and loss column headers, years 2000–2099), as
 * `YYYY-MM-DD`.
 */
export function printedDate(value: string | undefined | null): string | null {
  const match = /^(\d{1,2}) ([A-Za-z]+) (\d{2}|\d{4})$/.exec((value ?? '').trim());
  if (!match) return null;
  const month = MONTHS.indexOf(match[2]!.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return null;
  const year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
  return isoDate(year, month, Number(match[1]));
}

/** `4/30/2019` (month/day/year, as Xero writes the fromDate/toDate cell attributes in every
 * region) as `YYYY-MM-DD`. */
export function attributeDate(value: string | undefined | null): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec((value ?? '').trim());
  return match ? isoDate(Number(match[3]), Number(match[1]), Number(match[2])) : null;
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** The date heading the period's column (`30 Apr 2019`, `28 Feb 18`), `YYYY-MM-DD`. */
export function columnDate(report: XeroReport): string | null {
  const header = report.Rows?.find((row) => row.RowType === 'Header');
  return printedDate(header?.Cells?.[PERIOD]?.Value);
}

/** The cells of the period's column, every row at every depth. */
function periodCells(rows: readonly XeroReportRow[] | undefined): XeroReportCell[] {
  return (rows ?? []).flatMap((row) => [...(row.Cells?.[PERIOD] ? [row.Cells[PERIOD]] : []), ...periodCells(row.Rows)]);
}

/**
 * The first day of the period whose earnings a balance sheet column closes into equity: the
 * `fromDate` attribute of its Current Year Earnings cell (the start of the financial year, as
 * `4/1/2019`), on the cell whose `toDate` is the column's date. Null when no cell says.
 */
export function earningsFrom(report: XeroReport): string | null {
  const end = columnDate(report);
  for (const cell of periodCells(report.Rows)) {
    const from = attributeDate(attribute(cell, 'fromDate'));
    if (from !== null && attributeDate(attribute(cell, 'toDate')) === end) return from;
  }
  return null;
}

/**
 * The period a profit and loss title states (`1 February 2018 to 28 February 2018`), when it ends
 * on the period column's date; otherwise (a title for several periods) only the column's date.
 */
export function titledPeriod(report: XeroReport): { start: string | null; end: string | null } {
  const end = columnDate(report);
  for (const title of report.ReportTitles ?? []) {
    const match = /^(?:From )?(.+?) to (.+)$/i.exec(title.trim());
    if (!match) continue;
    const from = printedDate(match[1]);
    const to = printedDate(match[2]);
    if (from !== null && to !== null && (end === null || to === end)) return { start: from, end: to };
  }
  return { start: null, end };
}

/** The spec's period ID, `<first day>_<last day>`; a period without a start is keyed by its end. */
export function periodId(start: string | null, end: string | null): string {
  const last = end ?? 'unknown';
  return `${start ?? last}_${last}`;
}

/** Midnight UTC of a `YYYY-MM-DD` date (date-only fields). */
export function day(value: string | null): string | null {
  return value === null ? null : `${value}T00:00:00.000Z`;
}

/** When Xero produced the report (`UpdatedDateUTC`, the time of the request). */
export function producedAt(report: XeroReport): string | null {
  return xeroDate(report.UpdatedDateUTC);
}

export const REPORT_CURRENCY =
  "Xero's reports are in the organisation's base currency (Organisation.BaseCurrency, company_info.base_currency); the report body does not name it.";

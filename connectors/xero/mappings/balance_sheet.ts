/**
 * Xero → ledgerspec BalanceSheet (`balance_sheet`): the report of `GET /Reports/BalanceSheet?date=`
 * (the response's `Reports[0]`, walked in `reports.ts`), its first column: the balances at the
 * date asked for.
 *
 * Xero's standard layout opens the headings Assets and Liabilities (a US organisation: Liabilities
 * and Equity, holding Liabilities and Equity) and closes them with Total Assets / Total
 * Liabilities; Equity is one section of accounts. Liabilities are positive when owed, as Xero
 * prints them; Net Assets is Xero's own figure where it prints one (not in US organisations),
 * otherwise Total Assets less Total Liabilities.
 *
 * The period: a balance sheet is struck at one date (the column's), so its "period" is the one
 * whose earnings the column closes into equity: Xero's Current Year Earnings cell names it with
 * the attributes fromDate (the first day of the financial year) and toDate (the column's date).
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import {
  REPORT_CURRENCY,
  columnDate,
  day,
  earningsFrom,
  findLine,
  periodId,
  producedAt,
  reportTree,
  sum,
  type XeroReport,
} from '../reports.js';

export type XeroBalanceSheet = XeroReport;

export const read = mapRead<'balance_sheet', XeroBalanceSheet>({
  platform_id: (raw) => periodId(earningsFrom(raw), columnDate(raw)),
  period_start: (raw) => day(earningsFrom(raw)),
  period_end: (raw) => day(columnDate(raw)),
  assets: (raw) => section(raw, 'assets'),
  liabilities: (raw) => section(raw, 'liabilities'),
  equity: (raw) => section(raw, 'equity'),
  net_assets: (raw) => {
    const { lines, figures } = reportTree(raw);
    const printed = figures.get('net assets');
    if (printed !== undefined) return printed;
    const assets = findLine(lines, ['assets'])?.value;
    const liabilities = findLine(lines, ['liabilities'])?.value;
    return assets == null || liabilities == null ? null : sum([assets, -liabilities]);
  },
  currency_id: notSupported(REPORT_CURRENCY),
  // Xero's UpdatedDateUTC on a report is when it produced the report (the request's time).
  updated_at: (raw) => producedAt(raw),
});

/** The heading or section of that name as the single top line, or no lines. */
function section(raw: XeroBalanceSheet, name: string) {
  const line = findLine(reportTree(raw).lines, [name]);
  return line ? [line] : [];
}

/**
 * Codat → ledgerspec BalanceSheet (`balance_sheet`).
 *
 * One period of Codat's balance sheet (`GET /companies/{companyId}/data/financials/balanceSheet`,
 * see `reports.ts`): assets, liabilities and equity as line trees, and net assets, struck at the
 * report's `date`. Codat names no period start: it is the day after the previous report's date
 * when the response has one, and unknown otherwise.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import { amount, calendarDate, calendarDay, text } from '../../lib/values.js';
import { dayAfter, reportLines, type CodatReportLine } from '../reports.js';

/** One period of Codat's balance sheet, with the response's currency and the previous period's date. */
export interface CodatBalanceSheet {
  date?: string | null;
  assets?: CodatReportLine | null;
  liabilities?: CodatReportLine | null;
  equity?: CodatReportLine | null;
  netAssets?: number | null;
  currency?: string | null;
  /** The date of the report before this one in the response (see reports.ts). */
  previousDate?: string | null;
}

export const read = mapRead<'balance_sheet', CodatBalanceSheet>({
  assets: (raw) => reportLines(raw.assets),
  currency_id: (raw) => text(raw.currency),
  equity: (raw) => reportLines(raw.equity),
  liabilities: (raw) => reportLines(raw.liabilities),
  net_assets: (raw) => amount(raw.netAssets),
  period_end: (raw) => calendarDay(raw.date),
  period_start: (raw) => calendarDay(dayAfter(raw.previousDate)),
  platform_id: (raw) => `${dayAfter(raw.previousDate) ?? ''}_${calendarDate(raw.date) ?? ''}`,
  updated_at: notSupported('Codat gives its financial statements no modified date.'),
});

/**
 * Codat's financial statements (`GET /companies/{companyId}/data/financials/balanceSheet` and
 * `…/profitAndLoss`): one response holds the currency and a `reports` array, one report per
 * period, newest first, each a tree of `{ name, value, accountId?, items }` lines. A unified
 * statement is one period: the connector's `recordOf` takes the newest report of a documented
 * response with the response's currency (and, for a balance sheet, which gives only the date it
 * is struck at, the previous report's date, the end of the period before).
 */
import type { ReportLine } from '../../generated/types/index.js';
import { amount, calendarDate, text } from '../lib/values.js';

export interface CodatReportLine {
  accountId?: string | null;
  name?: string | null;
  value?: number | null;
  items?: CodatReportLine[] | null;
}

/** A Codat report line tree as unified lines. */
export function reportLines(line: CodatReportLine | null | undefined): ReportLine[] {
  if (!line) return [];
  return [
    {
      name: text(line.name),
      value: amount(line.value),
      account_id: text(line.accountId),
      line_items: (line.items ?? []).flatMap(reportLines),
    },
  ];
}

/** The day after a calendar date, `YYYY-MM-DD`. */
export function dayAfter(value: unknown): string | null {
  const day = calendarDate(value);
  if (day === null) return null;
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The record of one period in a documented response: its newest report, with the response's
 * currency and the previous report's date (see the module comment). */
export function newestReport(payload: unknown): unknown {
  if (payload === null || typeof payload !== 'object' || !Array.isArray((payload as { reports?: unknown }).reports))
    return payload;
  const { reports, currency } = payload as { reports: Record<string, unknown>[]; currency?: unknown };
  const [newest, previous] = reports;
  if (!newest) return undefined;
  return { ...newest, currency, ...(previous && 'date' in previous ? { previousDate: previous.date } : {}) };
}

/**
 * Zoho Books balance sheet (`GET /reports/balancesheet?date=…`, the whole body: `balance_sheet`
 * tree + `page_context`) → ledgerspec BalanceSheet (`balance_sheet`). The tree's top nodes are
 * Assets and Liabilities & Equities, the latter holding Liabilities and Equities.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import {
  REPORT_CURRENCY,
  REPORT_TIME,
  periodEnd,
  periodId,
  periodStart,
  reportSum,
  section,
  totalOf,
  type ZohoReportBody,
  type ZohoReportNode,
} from '../reports.js';

export interface ZohoBooksBalanceSheet extends ZohoReportBody {
  balance_sheet: ZohoReportNode[];
}

export const read = mapRead<'balance_sheet', ZohoBooksBalanceSheet>({
  platform_id: (raw) => periodId(raw),
  period_start: (raw) => periodStart(raw),
  period_end: (raw) => periodEnd(raw),
  assets: (raw) => section(raw.balance_sheet, 'Assets'),
  liabilities: (raw) => section(raw.balance_sheet, 'Liabilities'),
  equity: (raw) => section(raw.balance_sheet, 'Equities'),
  net_assets: (raw) => {
    const assets = totalOf(raw.balance_sheet, 'Assets');
    const liabilities = totalOf(raw.balance_sheet, 'Liabilities');
    return assets === null || liabilities === null ? null : reportSum(assets - liabilities);
  },
  currency_id: notSupported(REPORT_CURRENCY),
  updated_at: notSupported(REPORT_TIME),
});

/**
 * QuickBooks Online balance sheet (`GET /reports/BalanceSheet?start_date=&end_date=`, the whole
 * body, see `reports.ts`) → ledgerspec BalanceSheet (`balance_sheet`). QBO's top sections are
 * ASSETS (group `TotalAssets`) and LIABILITIES AND EQUITY (`TotalLiabilitiesAndEquity`), the
 * latter holding Liabilities (`Liabilities`) and Equity (`Equity`, with the period's Net Income
 * as a line without an account). The balances are struck at `EndPeriod`; `StartPeriod` is the
 * start of the range the report was asked for.
 */
import { mapRead } from '../../../generated/connectors/index.js';
import {
  filtered,
  groupTotal,
  periodEnd,
  periodId,
  periodStart,
  reportCurrency,
  reportSum,
  reportTime,
  section,
  type QboReport,
} from '../reports.js';

export type QuickBooksOnlineBalanceSheet = QboReport;

export const read = mapRead<'balance_sheet', QuickBooksOnlineBalanceSheet>(
  {
    platform_id: periodId,
    period_start: periodStart,
    period_end: periodEnd,
    currency_id: reportCurrency,
    assets: (raw) => section(raw, 'TotalAssets'),
    liabilities: (raw) => section(raw, 'Liabilities'),
    equity: (raw) => section(raw, 'Equity'),
    // Total assets less total liabilities; a company without liabilities has no Liabilities section.
    net_assets: (raw) => {
      const assets = groupTotal(raw, 'TotalAssets');
      return assets === null ? null : reportSum(assets - (groupTotal(raw, 'Liabilities') ?? 0));
    },
    updated_at: reportTime,
  },
  { skip: filtered },
);

/**
 * QuickBooks Online profit and loss (`GET /reports/ProfitAndLoss?start_date=&end_date=`, the whole
 * body, see `reports.ts`) → ledgerspec IncomeStatement (`income_statements`). QBO's sections, by
 * `group`: Income, COGS, GrossProfit (a total only), Expenses, NetOperatingIncome, OtherIncome,
 * OtherExpenses, NetOtherIncome, NetIncome. Expenses are positive amounts, as in the spec. QBO has
 * no income-tax section: tax on profit is booked to an expense or other-expense account.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import {
  filtered,
  groupTotal,
  periodEnd,
  periodId,
  periodStart,
  reportCurrency,
  reportTime,
  section,
  type QboReport,
} from '../reports.js';

export type QuickBooksOnlineProfitAndLoss = QboReport;

export const read = mapRead<'income_statements', QuickBooksOnlineProfitAndLoss>(
  {
    platform_id: periodId,
    period_start: periodStart,
    period_end: periodEnd,
    currency_id: reportCurrency,
    revenue: (raw) => section(raw, 'Income'),
    cost_of_goods_sold: (raw) => section(raw, 'COGS'),
    gross_profit: (raw) => groupTotal(raw, 'GrossProfit'),
    operating_expenses: (raw) => section(raw, 'Expenses'),
    operating_profit: (raw) => groupTotal(raw, 'NetOperatingIncome'),
    non_operating_revenue: (raw) => section(raw, 'OtherIncome'),
    non_operating_expenses: (raw) => section(raw, 'OtherExpenses'),
    // QBO's Net Income is net operating income plus net other income (other income less other
    // expenses): the spec's earnings before taxes and, with no tax section, also its net profit.
    earnings_before_taxes: (raw) => groupTotal(raw, 'NetIncome'),
    taxes: notSupported(
      "QBO's profit and loss has no tax section: tax on profit is booked to an expense or other-expense account.",
    ),
    net_profit: (raw) => groupTotal(raw, 'NetIncome'),
    updated_at: reportTime,
  },
  { skip: filtered },
);

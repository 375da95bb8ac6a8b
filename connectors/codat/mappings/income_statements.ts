/**
 * Codat → ledgerspec IncomeStatement (`income_statements`).
 *
 * One period of Codat's profit and loss (`GET /companies/{companyId}/data/financials/profitAndLoss`,
 * see `reports.ts`): income, cost of sales, expenses, other income and other expenses as line
 * trees, with gross profit, net operating profit and net profit. Codat keeps no separate tax
 * section (tax on profit is among the expenses), so there is no earnings-before-taxes figure.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import { amount, calendarDate, calendarDay, text } from '../../lib/values.js';
import { reportLines, type CodatReportLine } from '../reports.js';

/** One period of Codat's profit and loss, with the response's currency. */
export interface CodatProfitAndLoss {
  fromDate?: string | null;
  toDate?: string | null;
  income?: CodatReportLine | null;
  costOfSales?: CodatReportLine | null;
  grossProfit?: number | null;
  expenses?: CodatReportLine | null;
  netOperatingProfit?: number | null;
  otherExpenses?: CodatReportLine | null;
  otherIncome?: CodatReportLine | null;
  netOtherIncome?: number | null;
  netProfit?: number | null;
  currency?: string | null;
}

const NO_TAX = "Codat's profit and loss has no tax section: tax on profit is among the expenses.";

export const read = mapRead<'income_statements', CodatProfitAndLoss>({
  cost_of_goods_sold: (raw) => reportLines(raw.costOfSales),
  currency_id: (raw) => text(raw.currency),
  earnings_before_taxes: notSupported(NO_TAX),
  gross_profit: (raw) => amount(raw.grossProfit),
  net_profit: (raw) => amount(raw.netProfit),
  non_operating_expenses: (raw) => reportLines(raw.otherExpenses),
  non_operating_revenue: (raw) => reportLines(raw.otherIncome),
  operating_expenses: (raw) => reportLines(raw.expenses),
  operating_profit: (raw) => amount(raw.netOperatingProfit),
  period_end: (raw) => calendarDay(raw.toDate),
  period_start: (raw) => calendarDay(raw.fromDate),
  platform_id: (raw) => `${calendarDate(raw.fromDate) ?? ''}_${calendarDate(raw.toDate) ?? ''}`,
  revenue: (raw) => reportLines(raw.income),
  taxes: notSupported(NO_TAX),
  updated_at: notSupported('Codat gives its financial statements no modified date.'),
});

/**
 * Zoho Books profit and loss (`GET /reports/profitandloss?from_date=&to_date=`, the whole body:
 * `profit_and_loss` tree + `page_context`) → ledgerspec IncomeStatement (`income_statements`).
 * Zoho's top nodes are the subtotals (Gross Profit, Operating Profit, Net Profit/Loss), each
 * holding the sections that lead to it (Operating Income and Cost of Goods Sold; Operating
 * Expense; Non Operating Income and Non Operating Expense). Costs are positive, as in the spec.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import {
  REPORT_CURRENCY,
  REPORT_TIME,
  periodEnd,
  periodId,
  periodStart,
  section,
  totalOf,
  type ZohoReportBody,
  type ZohoReportNode,
} from '../reports.js';

export interface ZohoBooksIncomeStatement extends ZohoReportBody {
  profit_and_loss: ZohoReportNode[];
}

export const read = mapRead<'income_statements', ZohoBooksIncomeStatement>({
  platform_id: (raw) => periodId(raw),
  period_start: (raw) => periodStart(raw),
  period_end: (raw) => periodEnd(raw),
  revenue: (raw) => section(raw.profit_and_loss, 'Operating Income'),
  cost_of_goods_sold: (raw) => section(raw.profit_and_loss, 'Cost of Goods Sold'),
  operating_expenses: (raw) => section(raw.profit_and_loss, 'Operating Expense'),
  non_operating_revenue: (raw) => section(raw.profit_and_loss, 'Non Operating Income'),
  non_operating_expenses: (raw) => section(raw.profit_and_loss, 'Non Operating Expense'),
  taxes: notSupported(
    "Zoho's profit and loss has no income-tax section; tax expense accounts appear under the expense sections.",
  ),
  gross_profit: (raw) => totalOf(raw.profit_and_loss, 'Gross Profit'),
  operating_profit: (raw) => totalOf(raw.profit_and_loss, 'Operating Profit'),
  // Zoho's Net Profit/Loss is operating profit plus non-operating income less non-operating
  // expense — the spec's earnings before taxes — and, with no tax section, also its net profit.
  earnings_before_taxes: (raw) => totalOf(raw.profit_and_loss, 'Net Profit/Loss'),
  net_profit: (raw) => totalOf(raw.profit_and_loss, 'Net Profit/Loss'),
  currency_id: notSupported(REPORT_CURRENCY),
  updated_at: notSupported(REPORT_TIME),
});

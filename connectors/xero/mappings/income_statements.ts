/**
 * Xero → ledgerspec IncomeStatement (`income_statements`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, notSupported, todo } from '../../../generated/connectors/index.js';

/** The Xero record as its API returns it. Declare the fields you map. */
export interface XeroIncomeStatement {
  [field: string]: unknown;
}

export const read = mapRead<'income_statements', XeroIncomeStatement>({
  cost_of_goods_sold: todo('Direct costs of the goods or services sold, broken down to the cost accounts.'),
  currency_id: todo("The platform's ID for the currency the report is presented in."),
  earnings_before_taxes: todo('Operating profit plus non-operating revenue less non-operating expenses.'),
  gross_profit: todo('Revenue less cost of goods sold.'),
  net_profit: todo('Earnings before taxes less taxes; negative for a loss.'),
  non_operating_expenses: todo(
    'Costs from outside the main trading activities, such as interest paid or losses on disposals.',
  ),
  non_operating_revenue: todo(
    'Income from outside the main trading activities, such as interest received or gains on disposals.',
  ),
  operating_expenses: todo(
    'Running costs of the business (wages, rent, overheads), broken down to the expense accounts.',
  ),
  operating_profit: todo('Gross profit less operating expenses.'),
  period_end: todo('Last day of the reporting period, as an ISO 8601 timestamp.'),
  period_start: todo('First day of the reporting period, as an ISO 8601 timestamp.'),
  platform_id: todo(
    "An ID for this period's statement, made from the period's first and last days (for example 2023-08-01_2023-08-31).",
  ),
  revenue: todo("Income from the company's main trading activities, broken down to the income accounts."),
  taxes: todo("Taxes charged on the period's profit, broken down to the tax accounts."),
  updated_at: todo('When the platform last produced or changed the figures for this period.'),
});

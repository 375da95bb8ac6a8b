/**
 * Xero → ledgerspec CashFlowStatement (`cash_flow_statements`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, notSupported, todo } from '../../../generated/connectors/index.js';

/** The Xero record as its API returns it. Declare the fields you map. */
export interface XeroCashFlowStatement {
  [field: string]: unknown;
}

export const read = mapRead<'cash_flow_statements', XeroCashFlowStatement>({
  cash_at_beginning_of_period: todo('Cash and cash equivalents held at the start of the period.'),
  cash_at_end_of_period: todo(
    'Cash and cash equivalents held at the end of the period: the opening cash plus the net movement from operating, investing and financing activities.',
  ),
  currency_id: todo("The platform's ID for the currency the report is presented in."),
  financing_activities: todo(
    "Cash moved by borrowing, repaying loans and owners' contributions or drawings, usually a single top line valued at the net financing cash flow.",
  ),
  investing_activities: todo(
    'Cash moved by buying and selling long-term assets and investments, usually a single top line valued at the net investing cash flow.',
  ),
  operating_activities: todo(
    "Cash moved by the company's day-to-day trading (receipts from customers, payments to suppliers and staff), usually a single top line valued at the net operating cash flow.",
  ),
  period_end: todo('Last day of the reporting period, as an ISO 8601 timestamp.'),
  period_start: todo('First day of the reporting period, as an ISO 8601 timestamp.'),
  platform_id: todo(
    "An ID for this period's statement, made from the period's first and last days (for example 2023-08-01_2023-08-31).",
  ),
  updated_at: todo('When the platform last produced or changed the figures for this period.'),
});

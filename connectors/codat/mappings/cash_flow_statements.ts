/**
 * Codat → ledgerspec CashFlowStatement (`cash_flow_statements`).
 *
 * One period of Codat's cash flow statement (`GET /companies/{companyId}/data/financials/cashFlowStatement`,
 * see `reports.ts`): a `cashReceipts` and a `cashPayments` line tree per period. Codat's data type
 * page says the statement "shows cash that flows into and out of the company from operating
 * activities *only*" (its “Operating activities only” note), so both trees are the operating
 * activities, as Codat sends them whether the report input is Direct (receipts from receivables and
 * income, payments to payables and expenses) or Indirect (net income and working-capital changes
 * among the receipts). Codat writes a payment as a positive amount of cash paid out (Clear Books:
 * receipts 18,377.72, payments 12,377.81); the spec's outflows are negative, so the payments tree
 * is read with every value negated (a negative Codat payment, money back, becomes an inflow).
 * Investing and financing flows and the opening and closing cash are not in Codat's statement.
 * `accountId` holds a real account's ID on account lines but Codat's own keys on its groupings
 * (`GROUPING_KEYS`): those lines have no account.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import type { ReportLine } from '../../../generated/types/index.js';
import { amount, calendarDate, calendarDay, text } from '../../lib/values.js';
import type { CodatReportLine } from '../reports.js';

/** One period of Codat's cash flow statement, with the response's currency. */
export interface CodatCashFlowStatement {
  fromDate?: string | null;
  toDate?: string | null;
  cashReceipts?: CodatReportLine | null;
  cashPayments?: CodatReportLine | null;
  currency?: string | null;
}

/**
 * The keys Codat's documented cash flow statements put in `accountId` where a line is one of its
 * own groupings, not an account: the two headings (spelled per integration: `cashReceipts`,
 * `CashReceipts`, `cashReceipt`, `receipts`…) and QuickBooks Online's and Zoho Books' category
 * lines (`income`, `accountsReceivable`, `costOfSales`…). Such a line has no account_id.
 */
const GROUPING_KEYS = new Set([
  'cashReceipts',
  'CashReceipts',
  'cashReceipt',
  'receipts',
  'cashPayments',
  'CashPayments',
  'cashPayment',
  'payments',
  'income',
  'accountsReceivable',
  'accountsPayable',
  'costOfSales',
  'expenses',
]);

/** A Codat cash flow line tree as unified lines, each value times `sign` (-1 turns cash paid out
 * into an outflow; 0 stays 0). */
function cashLines(line: CodatReportLine | null | undefined, sign: 1 | -1): ReportLine[] {
  if (!line) return [];
  const value = amount(line.value);
  const accountId = text(line.accountId);
  return [
    {
      name: text(line.name),
      value: value === null ? null : sign === 1 ? value : 0 - value,
      account_id: accountId === null || GROUPING_KEYS.has(accountId) ? null : accountId,
      line_items: (line.items ?? []).flatMap((item) => cashLines(item, sign)),
    },
  ];
}

const OPERATING_ONLY =
  "Codat's cash flow statement covers operating activities only (the “Operating activities only” note on its data type): it has no investing or financing section.";
const NO_CASH_BALANCE =
  "Codat's cash flow statement has cash receipts and payments only, no opening or closing cash balance.";

export const read = mapRead<'cash_flow_statements', CodatCashFlowStatement>({
  cash_at_beginning_of_period: notSupported(NO_CASH_BALANCE),
  cash_at_end_of_period: notSupported(NO_CASH_BALANCE),
  currency_id: (raw) => text(raw.currency),
  financing_activities: notSupported(OPERATING_ONLY),
  investing_activities: notSupported(OPERATING_ONLY),
  operating_activities: (raw) => [...cashLines(raw.cashReceipts, 1), ...cashLines(raw.cashPayments, -1)],
  period_end: (raw) => calendarDay(raw.toDate),
  period_start: (raw) => calendarDay(raw.fromDate),
  platform_id: (raw) => `${calendarDate(raw.fromDate) ?? ''}_${calendarDate(raw.toDate) ?? ''}`,
  updated_at: notSupported('Codat gives its financial statements no modified date.'),
});

/**
 * Xero → ledgerspec CashFlowStatement (`cash_flow_statements`): Xero's Finance API
 * (`https://api.xero.com/finance.xro/1.0`), `GET /FinancialStatements/Cashflow?startDate=&endDate=`,
 * the statement of cash flows by the direct method (the whole response body). The Accounting
 * API's Reports have no cash flow statement.
 *
 * The body has the period (`startDate`, `endDate`), the opening and closing cash
 * (`cashBalance`) and `cashflowActivities`, named "Operating Activities", "Investing Activities"
 * and "Financing Activities" (Xero's schema lists exactly these), each broken down into cash flow
 * types ("Receipts from customers") and those into accounts. Inflows are positive and outflows
 * negative, as in the spec. Reading it needs the `finance.statements.read` scope; Xero offers the
 * statement outside the US region only (the operation's description).
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import type { ReportLine } from '../../../generated/types/index.js';
import { amount, calendarDate, calendarDay, text } from '../../lib/values.js';
import { REPORT_CURRENCY, periodId } from '../reports.js';

export interface XeroCashflowAccount {
  accountId?: string;
  accountType?: string;
  accountClass?: string;
  code?: string;
  name?: string;
  reportingCode?: string;
  total?: number;
}

export interface XeroCashflowType {
  name?: string;
  total?: number;
  accounts?: XeroCashflowAccount[];
}

export interface XeroCashflowActivity {
  name?: string;
  total?: number;
  cashflowTypes?: XeroCashflowType[];
}

/** The body of `GET /FinancialStatements/Cashflow` (Finance API `CashflowResponse`). */
export interface XeroCashflowStatement {
  startDate?: string;
  endDate?: string;
  cashBalance?: { openingCashBalance?: number; closingCashBalance?: number; netCashMovement?: number };
  cashflowActivities?: XeroCashflowActivity[];
}

/** An activity as one top line, its cash flow types below it and their accounts below those. */
function activity(raw: XeroCashflowStatement, name: string): ReportLine[] {
  const found = (raw.cashflowActivities ?? []).find((entry) => (entry.name ?? '').trim().toLowerCase() === name);
  if (!found) return [];
  return [
    {
      name: text(found.name),
      value: amount(found.total),
      account_id: null,
      line_items: (found.cashflowTypes ?? []).map((type) => ({
        name: text(type.name),
        value: amount(type.total),
        account_id: null,
        line_items: (type.accounts ?? []).map((account) => ({
          name: text(account.name),
          value: amount(account.total),
          account_id: text(account.accountId),
          line_items: [],
        })),
      })),
    },
  ];
}

export const read = mapRead<'cash_flow_statements', XeroCashflowStatement>({
  platform_id: (raw) => periodId(calendarDate(raw.startDate), calendarDate(raw.endDate)),
  period_start: (raw) => calendarDay(raw.startDate),
  period_end: (raw) => calendarDay(raw.endDate),
  cash_at_beginning_of_period: (raw) => amount(raw.cashBalance?.openingCashBalance),
  cash_at_end_of_period: (raw) => amount(raw.cashBalance?.closingCashBalance),
  operating_activities: (raw) => activity(raw, 'operating activities'),
  investing_activities: (raw) => activity(raw, 'investing activities'),
  financing_activities: (raw) => activity(raw, 'financing activities'),
  currency_id: notSupported(REPORT_CURRENCY),
  updated_at: notSupported(
    "The Finance API's statements carry no timestamp: the body has the period and the figures only.",
  ),
});

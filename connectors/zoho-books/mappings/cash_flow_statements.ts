/**
 * Zoho Books cash flow statement (`GET /reports/cashflow?from_date=&to_date=`, the whole body:
 * `cash_flow` tree + `page_context`) → ledgerspec CashFlowStatement (`cash_flow_statements`).
 * Zoho's top nodes are Beginning Cash Balance, the three activity sections and Ending Cash
 * Balance; inflows are positive and outflows negative, as in the spec.
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

export interface ZohoBooksCashFlowStatement extends ZohoReportBody {
  cash_flow: ZohoReportNode[];
}

export const read = mapRead<'cash_flow_statements', ZohoBooksCashFlowStatement>({
  platform_id: (raw) => periodId(raw),
  period_start: (raw) => periodStart(raw),
  period_end: (raw) => periodEnd(raw),
  cash_at_beginning_of_period: (raw) => totalOf(raw.cash_flow, 'Beginning Cash Balance'),
  cash_at_end_of_period: (raw) => totalOf(raw.cash_flow, 'Ending Cash Balance'),
  operating_activities: (raw) => section(raw.cash_flow, 'Cash Flow from Operating Activities'),
  investing_activities: (raw) => section(raw.cash_flow, 'Cash Flow from Investing Activities'),
  financing_activities: (raw) => section(raw.cash_flow, 'Cash Flow from Financing Activities'),
  currency_id: notSupported(REPORT_CURRENCY),
  updated_at: notSupported(REPORT_TIME),
});

/**
 * QuickBooks Online statement of cash flows (`GET /reports/CashFlow?start_date=&end_date=`, the
 * whole body, see `reports.ts`) → ledgerspec CashFlowStatement (`cash_flow_statements`). QBO's
 * sections, by `group`: OperatingActivities (Net Income, then OperatingAdjustments),
 * InvestingActivities, FinancingActivities, CashIncrease (the net change), BeginningCash and
 * EndingCash, each a total. QBO leaves out the sections that have nothing in them.
 * Inflows are positive and outflows negative, as in the spec.
 */
import { mapRead } from '../../../generated/connectors/index.js';
import {
  filtered,
  groupTotal,
  reportSum,
  periodEnd,
  periodId,
  periodStart,
  reportCurrency,
  reportTime,
  section,
  type QboReport,
} from '../reports.js';

export type QuickBooksOnlineCashFlow = QboReport;

export const read = mapRead<'cash_flow_statements', QuickBooksOnlineCashFlow>(
  {
    platform_id: periodId,
    period_start: periodStart,
    period_end: periodEnd,
    currency_id: reportCurrency,
    // Without a BeginningCash section (QBO's own example has none), the cash at the start is what
    // QBO's cash at the end less its net cash increase leaves.
    cash_at_beginning_of_period: (raw) => {
      const beginning = groupTotal(raw, 'BeginningCash');
      if (beginning !== null) return beginning;
      const ending = groupTotal(raw, 'EndingCash');
      const increase = groupTotal(raw, 'CashIncrease');
      return ending === null || increase === null ? null : reportSum(ending - increase);
    },
    cash_at_end_of_period: (raw) => groupTotal(raw, 'EndingCash'),
    operating_activities: (raw) => section(raw, 'OperatingActivities'),
    investing_activities: (raw) => section(raw, 'InvestingActivities'),
    financing_activities: (raw) => section(raw, 'FinancingActivities'),
    updated_at: reportTime,
  },
  { skip: filtered },
);

/**
 * Xero → ledgerspec IncomeStatement (`income_statements`): the report of
 * `GET /Reports/ProfitAndLoss?fromDate=&toDate=` (the response's `Reports[0]`, walked in
 * `reports.ts`), its first column: the period asked for.
 *
 * Xero's standard layout is a list of sections, each with its accounts and a total, and untitled
 * sections printing the subtotals: in most regions Income, Less Cost of Sales, Gross Profit, Plus
 * Other Income, Less Operating Expenses, Net Profit; in US organisations Income, Cost of Goods
 * Sold, Gross Profit, Operating Expenses, Other Income, Other Expenses, Net Income / (Loss) before
 * Tax, Income Tax, Net Income. Sections are matched by their title without its "Less"/"Plus";
 * costs are positive, as the spec has them. A title this list does not know (a custom layout) is
 * left out rather than guessed into a section.
 *
 * Subtotals are Xero's own where it prints them (Gross Profit, Net Profit / Net Income, … before
 * Tax); Xero prints no operating profit outside the US layout, so it is gross profit less
 * operating expenses; earnings before taxes, where no "before Tax" line is printed and the report
 * has no tax section, is the net profit.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import type { ReportLine } from '../../../generated/types/index.js';
import {
  REPORT_CURRENCY,
  day,
  normalised,
  periodId,
  producedAt,
  reportTree,
  sum,
  titledPeriod,
  type XeroReport,
} from '../reports.js';

export type XeroProfitAndLoss = XeroReport;

type Section =
  | 'revenue'
  | 'cost_of_goods_sold'
  | 'operating_expenses'
  | 'non_operating_revenue'
  | 'non_operating_expenses'
  | 'taxes';

/** Xero's standard section titles (without "Less " / "Plus "), by unified section. */
const SECTIONS: Readonly<Record<string, Section>> = {
  income: 'revenue',
  revenue: 'revenue',
  'trading income': 'revenue',
  'cost of sales': 'cost_of_goods_sold',
  'cost of goods sold': 'cost_of_goods_sold',
  'direct costs': 'cost_of_goods_sold',
  'operating expenses': 'operating_expenses',
  expenses: 'operating_expenses',
  'other income': 'non_operating_revenue',
  'other expenses': 'non_operating_expenses',
  'income tax': 'taxes',
  'income tax expense': 'taxes',
  'tax expense': 'taxes',
};

function sectionOf(line: ReportLine): Section | undefined {
  return SECTIONS[normalised(line.name).replace(/^(less|plus) /, '')];
}

/** The top lines of the report that belong to a unified section. */
function lines(raw: XeroProfitAndLoss, section: Section): ReportLine[] {
  return reportTree(raw).lines.filter((line) => sectionOf(line) === section);
}

/** A subtotal Xero prints on its own line: the first figure whose label matches. */
function figure(raw: XeroProfitAndLoss, matches: (label: string) => boolean): number | null | undefined {
  for (const [label, value] of reportTree(raw).figures) if (matches(label)) return value;
  return undefined;
}

const isGrossProfit = (label: string): boolean => label === 'gross profit' || label === 'gross loss';
const isOperatingProfit = (label: string): boolean => /^(net )?operating (profit|income|loss)/.test(label);
const isBeforeTax = (label: string): boolean => /^net (profit|income|loss).*before tax/.test(label);
const isNetProfit = (label: string): boolean => /^net (profit|income|loss)/.test(label) && !isBeforeTax(label);

function grossProfit(raw: XeroProfitAndLoss): number | null {
  return figure(raw, isGrossProfit) ?? null;
}

function netProfit(raw: XeroProfitAndLoss): number | null {
  return figure(raw, isNetProfit) ?? null;
}

export const read = mapRead<'income_statements', XeroProfitAndLoss>({
  platform_id: (raw) => {
    const { start, end } = titledPeriod(raw);
    return periodId(start, end);
  },
  period_start: (raw) => day(titledPeriod(raw).start),
  period_end: (raw) => day(titledPeriod(raw).end),
  revenue: (raw) => lines(raw, 'revenue'),
  cost_of_goods_sold: (raw) => lines(raw, 'cost_of_goods_sold'),
  operating_expenses: (raw) => lines(raw, 'operating_expenses'),
  non_operating_revenue: (raw) => lines(raw, 'non_operating_revenue'),
  non_operating_expenses: (raw) => lines(raw, 'non_operating_expenses'),
  taxes: (raw) => lines(raw, 'taxes'),
  gross_profit: (raw) => grossProfit(raw),
  operating_profit: (raw) => {
    const printed = figure(raw, isOperatingProfit);
    if (printed !== undefined) return printed;
    const gross = grossProfit(raw);
    return gross === null ? null : sum([gross, -sum(lines(raw, 'operating_expenses').map((line) => line.value))]);
  },
  earnings_before_taxes: (raw) => {
    const printed = figure(raw, isBeforeTax);
    if (printed !== undefined) return printed;
    return lines(raw, 'taxes').length === 0 ? netProfit(raw) : null;
  },
  net_profit: (raw) => netProfit(raw),
  currency_id: notSupported(REPORT_CURRENCY),
  // Xero's UpdatedDateUTC on a report is when it produced the report (the request's time).
  updated_at: (raw) => producedAt(raw),
});

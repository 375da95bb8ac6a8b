/**
 * Zoho Books reports (`/reports/balancesheet`, `/reports/profitandloss`, `/reports/cashflow`): the
 * whole response body, a tree of nodes under the report's key plus `page_context` with the period.
 * Each node has `name` and `total`; its children are `account_transactions[]`; account leaves add
 * `account_id` (`""` on computed rows such as Net Income). Sections are found by the name Zoho
 * gives them (English organisations; other languages would need their own names here).
 */
import type { ReportLine } from '../../generated/types/index.js';
import { amount, list } from '../lib/values.js';
import { zohoDateTime, zohoText } from './values.js';

export interface ZohoReportNode {
  name: string;
  total?: number | string;
  total_label?: string;
  account_id?: string;
  account_code?: string;
  depth?: number;
  account_transactions?: ZohoReportNode[];
}

export interface ZohoReportPageContext {
  report_basis?: string;
  report_type?: string;
  from_date?: string;
  to_date?: string;
  as_of_date?: string;
  date_range_list?: { date_range_label?: string; from_date?: string; to_date?: string }[];
}

/** What every report body shares; the tree is under the report's own key. */
export interface ZohoReportBody {
  code?: number;
  message?: string;
  page_context?: ZohoReportPageContext;
}

/** A node and its children as unified report lines. */
export function reportLine(node: ZohoReportNode): ReportLine {
  return {
    name: zohoText(node.name),
    value: amount(node.total),
    account_id: zohoText(node.account_id),
    line_items: list(node.account_transactions).map(reportLine),
  };
}

/** The first node with this name, searching the tree depth-first. */
export function findNode(nodes: ZohoReportNode[] | undefined, name: string): ZohoReportNode | undefined {
  for (const node of list(nodes)) {
    if (node.name.toLowerCase() === name.toLowerCase()) return node;
    const found = findNode(node.account_transactions, name);
    if (found) return found;
  }
  return undefined;
}

/** The named section as a single top line, or no lines when the report has no such section. */
export function section(nodes: ZohoReportNode[] | undefined, name: string): ReportLine[] {
  const node = findNode(nodes, name);
  return node ? [reportLine(node)] : [];
}

/** The named node's total. */
export function totalOf(nodes: ZohoReportNode[] | undefined, name: string): number | null {
  return amount(findNode(nodes, name)?.total);
}

/** The last day of the period: `to_date`, or a balance sheet's `as_of_date`. */
function endDate(context: ZohoReportPageContext | undefined): string | null {
  return zohoText(context?.to_date) ?? zohoText(context?.as_of_date);
}

/**
 * The first day of the period: `from_date`; a balance sheet has none of its own, so the start of
 * the date range it was asked for (`date_range_list` entry ending on the same day) is used.
 */
function startDate(context: ZohoReportPageContext | undefined): string | null {
  const end = endDate(context);
  const range = list(context?.date_range_list).find((entry) => entry.to_date === end);
  return zohoText(context?.from_date) ?? zohoText(range?.from_date);
}

export function periodStart(body: ZohoReportBody): string | null {
  return zohoDateTime(startDate(body.page_context));
}

export function periodEnd(body: ZohoReportBody): string | null {
  return zohoDateTime(endDate(body.page_context));
}

/** The spec's period ID, `<first day>_<last day>`; a period without a start is keyed by its end. */
export function periodId(body: ZohoReportBody): string {
  const end = endDate(body.page_context) ?? 'unknown';
  return `${startDate(body.page_context) ?? end}_${end}`;
}

/** Removes float noise from sums and differences of report totals (19142.35 − 57.6). */
export function reportSum(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export const REPORT_CURRENCY = 'Zoho reports are in the base currency; the report body names no currency.';
export const REPORT_TIME =
  'A Zoho report body says when it was generated only as display text (last_accessed_time_formatted, org format and zone), not when its figures changed.';

/**
 * Xero → ledgerspec JournalEntry (`journal_entries`): Xero's ManualJournal
 * (`GET /ManualJournals/{ManualJournalID}`). Xero's lines are signed (positive debits, negative
 * credits); unified lines carry a positive amount and a Debit/Credit type.
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, mapWrite, notSupported, type ReadContext } from '../../../generated/connectors/index.js';
import type { JournalEntryStatus } from '../../../generated/types/journal_entry.js';
import type { JournalLine } from '../../../generated/types/index.js';
import { amount, enumValue, list, text } from '../../lib/values.js';
import type { XeroLineAmountTypes } from '../documents.js';
import { round, toXeroDate, toXeroEnum, toXeroTracking, trackingIds, xeroDate, type XeroTracking } from '../values.js';

export interface XeroJournalLine {
  LineAmount?: number;
  AccountCode?: string;
  AccountID?: string;
  Description?: string;
  TaxType?: string;
  TaxAmount?: number;
  Tracking?: XeroTracking[];
  IsBlank?: boolean;
}

export interface XeroManualJournal {
  ManualJournalID: string;
  Date?: string;
  Status?: string;
  LineAmountTypes?: XeroLineAmountTypes;
  Narration?: string;
  Url?: string;
  JournalLines?: XeroJournalLine[];
  ShowOnCashBasisReports?: boolean;
  HasAttachments?: boolean;
  UpdatedDateUTC?: string;
}

/**
 * A signed Xero line as a unified one; on tax-inclusive journals the tax comes off the amount.
 * Xero has no posting-type field: the sign is the type (positive debit, negative credit), and a
 * line without an amount is Unknown.
 */
function journalLine(line: XeroJournalLine, journal: XeroManualJournal, context: ReadContext): JournalLine {
  const signed = amount(line.LineAmount);
  const tax = amount(line.TaxAmount);
  const gross = signed === null ? null : Math.abs(signed);
  return {
    type: signed === null ? 'Unknown' : signed < 0 ? 'Credit' : 'Debit',
    net_amount:
      gross === null ? null : journal.LineAmountTypes === 'Inclusive' ? round(gross - Math.abs(tax ?? 0)) : gross,
    // Xero's journal lines name their account by code (AccountCode); AccountID only sometimes.
    account_id: text(line.AccountID) ?? context.lookup('accounts', 'nominal_code', line.AccountCode) ?? null,
    description: text(line.Description),
    tax_amount: tax,
    tax_id: text(line.TaxType),
    tracking_category_ids: trackingIds(line.Tracking),
    journal_entry_id: journal.ManualJournalID,
  };
}

type Status = NonNullable<JournalEntryStatus>;

/** Xero's manual journal statuses. ARCHIVED (kept for reference, no longer counted the way a
 * posted one is) has no unified counterpart and falls to Unknown. */
const STATUSES: Record<string, Status> = { DRAFT: 'Draft', POSTED: 'Posted', VOIDED: 'Void', DELETED: 'Deleted' };
const TO_STATUS = { Draft: 'DRAFT', Posted: 'POSTED' } as const;

const BASE_CURRENCY = "Xero's manual journals are always in the base currency (company_info.base_currency).";
const NO_NUMBER = 'Xero gives manual journals no number or reference.';

export const read = mapRead<'journal_entries', XeroManualJournal>({
  account_id: notSupported('A Xero manual journal has no header account; the accounts are on its lines.'),
  // Xero reports no total; the entry's amount is what its debit lines add up to. The list
  // endpoint (GET /ManualJournals) sends `JournalLines: []` (a manual journal has at least two
  // lines, so none means none were sent): the total is then unknown, not 0.
  amount: (raw) =>
    list(raw.JournalLines).length === 0
      ? null
      : round(list(raw.JournalLines).reduce((sum, line) => sum + Math.max(amount(line.LineAmount) ?? 0, 0), 0)),
  business_unit_id: notSupported('A Xero organisation has no business units.'),
  currency_id: notSupported(BASE_CURRENCY),
  currency_rate: notSupported(BASE_CURRENCY),
  description: (raw) => text(raw.Narration),
  document_number: notSupported(NO_NUMBER),
  // Every journal Xero lets an API create and read by ID is a manual journal.
  journal_entry_type: () => 'ManualJournal',
  journal_lines: (raw, context) => list(raw.JournalLines).map((line) => journalLine(line, raw, context)),
  platform_id: (raw) => raw.ManualJournalID,
  posted_date: (raw) => xeroDate(raw.Date),
  status: (raw) => enumValue<Status>(STATUSES, raw.Status, 'Unknown'),
  updated_at: (raw) => xeroDate(raw.UpdatedDateUTC),
});

export interface XeroJournalLineRequest {
  LineAmount?: number;
  AccountID?: string;
  Description?: string;
  TaxType?: string;
  TaxAmount?: number;
  Tracking?: XeroTracking[];
}

/** The create body of `PUT /ManualJournals` in its single-record form. */
export interface XeroManualJournalRequest {
  Narration?: string;
  Date?: string;
  Status?: string;
  LineAmountTypes?: XeroLineAmountTypes;
  JournalLines?: XeroJournalLineRequest[];
}

function toXeroJournalLine(line: JournalLine): XeroJournalLineRequest {
  const request: XeroJournalLineRequest = {};
  if (line.net_amount != null) request.LineAmount = line.type === 'Credit' ? -line.net_amount : line.net_amount;
  if (line.account_id) request.AccountID = line.account_id;
  if (line.description) request.Description = line.description;
  if (line.tax_id) request.TaxType = line.tax_id;
  if (line.tax_amount != null) request.TaxAmount = line.tax_amount;
  const tracking = toXeroTracking(line.tracking_category_ids);
  if (tracking.length > 0) request.Tracking = tracking;
  return request;
}

/** Unified amounts are before tax: Exclusive when a line is taxed, else NoTax, because an
 * Exclusive line without a TaxType would take its account's default tax rate. */
function amountTypes(lines: readonly JournalLine[]): XeroLineAmountTypes {
  const taxed = lines.some((line) => (line.tax_amount ?? 0) !== 0 || (line.tax_id != null && line.tax_id !== 'NONE'));
  return taxed ? 'Exclusive' : 'NoTax';
}

export const write = mapWrite<'journal_entries', XeroManualJournalRequest>({
  account_id: notSupported('A Xero manual journal has no header account; the accounts are on its lines.'),
  business_unit_id: notSupported('A Xero organisation has no business units.'),
  currency_id: notSupported(BASE_CURRENCY),
  currency_rate: notSupported(BASE_CURRENCY),
  description: (narration) => (narration ? { Narration: narration } : undefined),
  document_number: notSupported(NO_NUMBER),
  journal_entry_type: notSupported('Xero creates manual journals only.'),
  // The lines always come (they are required), so they also carry the default status: a unified
  // journal entry without a status is posted to the ledger, where Xero would keep it a DRAFT.
  journal_lines: (lines) => ({
    Status: 'POSTED',
    LineAmountTypes: amountTypes(lines),
    JournalLines: lines.map(toXeroJournalLine),
  }),
  posted_date: (date) => (date ? { Date: toXeroDate(date) } : undefined),
  // Xero creates manual journals as DRAFT or POSTED only (voiding or deleting is a later change).
  status: (status) => {
    const xero = toXeroEnum(TO_STATUS, status);
    return xero ? { Status: xero } : undefined;
  },
});

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
import { mapRead, mapWrite, notSupported, todo } from '../../../generated/connectors/index.js';
import type { JournalLine } from '../../../generated/types/index.js';
import { amount, list, text } from '../../lib/values.js';
import type { XeroLineAmountTypes } from '../documents.js';
import { round, toXeroDate, toXeroTracking, trackingIds, xeroDate, type XeroTracking } from '../values.js';

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

/** A signed Xero line as a unified one; on tax-inclusive journals the tax comes off the amount. */
function journalLine(line: XeroJournalLine, journal: XeroManualJournal): JournalLine {
  const signed = amount(line.LineAmount) ?? 0;
  const tax = amount(line.TaxAmount);
  const gross = Math.abs(signed);
  return {
    type: signed < 0 ? 'Credit' : 'Debit',
    net_amount: journal.LineAmountTypes === 'Inclusive' ? round(gross - Math.abs(tax ?? 0)) : gross,
    account_id: text(line.AccountID),
    description: text(line.Description),
    tax_amount: tax,
    tax_id: text(line.TaxType),
    tracking_category_ids: trackingIds(line.Tracking),
    journal_entry_id: journal.ManualJournalID,
  };
}

const BASE_CURRENCY = "Xero's manual journals are always in the base currency (company_info.base_currency).";
const NO_NUMBER = 'Xero gives manual journals no number or reference.';

export const read = mapRead<'journal_entries', XeroManualJournal>({
  account_id: notSupported('A Xero manual journal has no header account; the accounts are on its lines.'),
  // Xero reports no total; the entry's amount is what its debit lines add up to.
  amount: (raw) =>
    round(list(raw.JournalLines).reduce((sum, line) => sum + Math.max(amount(line.LineAmount) ?? 0, 0), 0)),
  business_unit_id: notSupported('A Xero organisation has no business units.'),
  currency_id: notSupported(BASE_CURRENCY),
  currency_rate: notSupported(BASE_CURRENCY),
  description: (raw) => text(raw.Narration),
  document_number: notSupported(NO_NUMBER),
  // Every journal Xero lets an API create and read by ID is a manual journal.
  journal_entry_type: () => 'ManualJournal',
  journal_lines: (raw) => list(raw.JournalLines).map((line) => journalLine(line, raw)),
  platform_id: (raw) => raw.ManualJournalID,
  posted_date: (raw) => xeroDate(raw.Date),
  status: todo("Whether the journal entry counts in the books: Posted (live), Draft (saved, not yet posted), Void (cancelled but kept, its amounts no longer count), Deleted (removed on the platform; platforms that report deletions return it once so readers can drop it), or Unknown when the platform's state does not map. A voided or deleted journal entry is never read as a live one."),
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
  if (line.tracking_category_ids?.length) request.Tracking = toXeroTracking(line.tracking_category_ids);
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
  journal_lines: (lines) => ({ LineAmountTypes: amountTypes(lines), JournalLines: lines.map(toXeroJournalLine) }),
  // A unified journal entry is posted to the ledger; Xero would otherwise keep it as a DRAFT.
  posted_date: (date) => (date ? { Date: toXeroDate(date), Status: 'POSTED' } : { Status: 'POSTED' }),
  status: todo("Whether the journal entry counts in the books: Posted (live), Draft (saved, not yet posted), Void (cancelled but kept, its amounts no longer count), Deleted (removed on the platform; platforms that report deletions return it once so readers can drop it), or Unknown when the platform's state does not map. A voided or deleted journal entry is never read as a live one."),
});

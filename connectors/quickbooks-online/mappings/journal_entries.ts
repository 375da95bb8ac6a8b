/**
 * QuickBooks Online → ledgerspec JournalEntry (`journal_entries`).
 *
 * QBO `JournalEntry` (`/v3/company/{realmId}/journalentry/{id}`). Lines carry a positive Amount
 * and `PostingType` Debit or Credit; A/R and A/P lines name their customer or vendor in `Entity`.
 * Class and department on a line are both tracking categories.
 */
import { mapRead, mapWrite, notSupported, todo } from '../../../generated/connectors/index.js';
import type { CreateBodies, MappedRecords } from '../../../generated/connectors/index.js';
import { amount, dateTime, text } from '../../lib/values.js';
import { lastUpdated, ref, toQboDate, unlessNull, type QboEntity, type QboRef } from '../values.js';

export interface QboJournalLineDetail {
  PostingType: 'Debit' | 'Credit';
  AccountRef?: QboRef;
  Entity?: { Type?: string; EntityRef?: QboRef };
  ClassRef?: QboRef;
  DepartmentRef?: QboRef;
  TaxCodeRef?: QboRef;
  TaxAmount?: number;
}

export interface QboJournalLine {
  Id?: string;
  Description?: string;
  Amount?: number;
  DetailType: string;
  JournalEntryLineDetail?: QboJournalLineDetail;
}

/** The QBO JournalEntry as its API returns it. */
export interface QuickBooksOnlineJournalEntry extends QboEntity {
  Adjustment?: boolean;
  TotalAmt?: number;
  DocNumber?: string;
  TxnDate?: string;
  CurrencyRef?: QboRef;
  ExchangeRate?: number;
  PrivateNote?: string;
  Line?: QboJournalLine[];
}

type JournalLine = NonNullable<MappedRecords['journal_entries']['journal_lines']>[number];

/** QBO labels: an adjusting entry is flagged, any other is a plain journal entry. */
const ADJUSTING = 'Adjusting Journal Entry';
const PLAIN = 'Journal Entry';

function journalLine(line: QboJournalLine & { JournalEntryLineDetail: QboJournalLineDetail }, entryId: string): JournalLine {
  const detail = line.JournalEntryLineDetail;
  const tracking = [ref(detail.ClassRef), ref(detail.DepartmentRef)].filter((id): id is string => id !== null);
  return {
    platform_id: text(line.Id),
    journal_entry_id: entryId,
    type: detail.PostingType,
    account_id: ref(detail.AccountRef),
    contact_id: ref(detail.Entity?.EntityRef),
    description: text(line.Description),
    net_amount: amount(line.Amount),
    tax_amount: amount(detail.TaxAmount),
    tax_id: ref(detail.TaxCodeRef),
    tracking_category_ids: tracking,
  };
}

const postingLines = (raw: QuickBooksOnlineJournalEntry) =>
  (raw.Line ?? []).filter((line): line is QboJournalLine & { JournalEntryLineDetail: QboJournalLineDetail } => line.JournalEntryLineDetail !== undefined);

export const read = mapRead<'journal_entries', QuickBooksOnlineJournalEntry>({
  account_id: notSupported('QBO journal entries have no header account; accounts are on the lines.'),
  // TotalAmt is left out of some responses; it is the sum of the debit lines.
  amount: (raw) =>
    amount(raw.TotalAmt) ??
    postingLines(raw).reduce((total, line) => total + (line.JournalEntryLineDetail.PostingType === 'Debit' ? (line.Amount ?? 0) : 0), 0),
  business_unit_id: notSupported('QBO has no business units (one realm is one company).'),
  currency_id: (raw) => ref(raw.CurrencyRef),
  currency_rate: (raw) => amount(raw.ExchangeRate),
  description: (raw) => text(raw.PrivateNote),
  document_number: (raw) => text(raw.DocNumber),
  journal_entry_type: (raw) => (raw.Adjustment ? ADJUSTING : PLAIN),
  journal_lines: (raw) => postingLines(raw).map((line) => journalLine(line, raw.Id)),
  platform_id: (raw) => raw.Id,
  posted_date: (raw) => dateTime(raw.TxnDate),
  status: todo("Whether the journal entry counts in the books: Posted (live), Draft (saved, not yet posted), Void (cancelled but kept, its amounts no longer count), Deleted (removed on the platform; platforms that report deletions return it once so readers can drop it), or Unknown when the platform's state does not map. A voided or deleted journal entry is never read as a live one."),
  updated_at: lastUpdated,
});

/** The body of POST /v3/company/{realmId}/journalentry. */
export interface QuickBooksOnlineJournalEntryRequest {
  Adjustment?: boolean;
  DocNumber?: string;
  TxnDate?: string;
  CurrencyRef?: QboRef;
  ExchangeRate?: number;
  PrivateNote?: string;
  Line?: QboJournalLine[];
}

type RequestLine = NonNullable<CreateBodies['journal_entries']['journal_lines']>[number];

/** A unified line as a QBO one. The contact goes in Entity.EntityRef without its Type (the
 * unified line does not say customer or vendor; QBO resolves the name-list id). Tracking
 * categories are not written: the ids do not say which are classes and which departments. */
function toJournalLine(line: RequestLine): QboJournalLine {
  // Unknown exists for lines read from a platform; QuickBooks posts only debits and credits.
  if (line.type === 'Unknown') throw new Error('a journal line of type Unknown cannot be posted: give Debit or Credit');
  const detail: QboJournalLineDetail = { PostingType: line.type };
  if (line.account_id) detail.AccountRef = { value: line.account_id };
  if (line.contact_id) detail.Entity = { EntityRef: { value: line.contact_id } };
  if (line.tax_id) detail.TaxCodeRef = { value: line.tax_id };
  if (typeof line.tax_amount === 'number') detail.TaxAmount = line.tax_amount;
  return {
    ...(line.description ? { Description: line.description } : {}),
    Amount: line.net_amount ?? 0,
    DetailType: 'JournalEntryLineDetail',
    JournalEntryLineDetail: detail,
  };
}

export const write = mapWrite<'journal_entries', QuickBooksOnlineJournalEntryRequest>({
  account_id: notSupported('QBO journal entries have no header account; accounts are on the lines.'),
  business_unit_id: notSupported('QBO has no business units (one realm is one company).'),
  currency_id: unlessNull((value: string) => ({ CurrencyRef: { value } })),
  currency_rate: unlessNull((value: number) => ({ ExchangeRate: value })),
  description: unlessNull((value: string) => ({ PrivateNote: value })),
  document_number: unlessNull((value: string) => ({ DocNumber: value })),
  journal_entry_type: (value) => (value && /adjust/i.test(value) ? { Adjustment: true } : undefined),
  journal_lines: (value) => ({ Line: value.map(toJournalLine) }),
  posted_date: unlessNull((value: string) => ({ TxnDate: toQboDate(value) })),
  status: todo("Whether the journal entry counts in the books: Posted (live), Draft (saved, not yet posted), Void (cancelled but kept, its amounts no longer count), Deleted (removed on the platform; platforms that report deletions return it once so readers can drop it), or Unknown when the platform's state does not map. A voided or deleted journal entry is never read as a live one."),
});

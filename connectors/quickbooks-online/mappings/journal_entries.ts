/**
 * QuickBooks Online → ledgerspec JournalEntry (`journal_entries`).
 *
 * QBO `JournalEntry` (`/v3/company/{realmId}/journalentry/{id}`). Lines carry a positive Amount
 * and `PostingType` Debit or Credit; A/R and A/P lines name their customer or vendor in `Entity`.
 * Class and department on a line are both tracking categories (a department keyed `Department:<Id>`,
 * see tracking_categories.ts). The entry's `TotalAmt` comes back 0
 * from real companies (QBO's sandbox, for every entry), so `amount` is the sum of the debit lines.
 * A voided entry (amounts zeroed, "Voided" note) is Void, a deleted one Deleted; QBO has no drafts.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { CreateBodies, MappedRecords } from '../../../generated/connectors/index.js';
import { amount, baseRate, dateTime, enumValue, text } from '../../lib/values.js';
import {
  lastUpdated,
  postingStatus,
  qboId,
  ref,
  toQboDate,
  unlessNull,
  type QboEntity,
  type QboRef,
} from '../values.js';
import { departmentId, departmentRefOf } from './tracking_categories.js';

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

const POSTING_TYPES: Readonly<Record<string, NonNullable<JournalLine['type']>>> = { Debit: 'Debit', Credit: 'Credit' };

function journalLine(
  line: QboJournalLine & { JournalEntryLineDetail: QboJournalLineDetail },
  entryId: string,
): JournalLine {
  const detail = line.JournalEntryLineDetail;
  const tracking = [ref(detail.ClassRef), departmentId(detail.DepartmentRef)].filter((id): id is string => id !== null);
  return {
    platform_id: text(line.Id),
    journal_entry_id: entryId,
    type: enumValue(POSTING_TYPES, detail.PostingType, 'Unknown') ?? 'Unknown',
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
  (raw.Line ?? []).filter(
    (line): line is QboJournalLine & { JournalEntryLineDetail: QboJournalLineDetail } =>
      line.JournalEntryLineDetail !== undefined,
  );

export const read = mapRead<'journal_entries', QuickBooksOnlineJournalEntry>({
  account_id: notSupported('QBO journal entries have no header account; accounts are on the lines.'),
  // The sum of the debit lines: QBO's TotalAmt is 0 on real entries (or left out). Without lines
  // (a deleted entry) there is nothing to add up, so nothing is claimed.
  amount: (raw) =>
    raw.Line
      ? postingLines(raw).reduce(
          (total, line) =>
            total + (line.JournalEntryLineDetail.PostingType === 'Debit' ? (amount(line.Amount) ?? 0) : 0),
          0,
        )
      : amount(raw.TotalAmt) || null,
  business_unit_id: notSupported('QBO has no business units (one realm is one company).'),
  currency_id: (raw) => ref(raw.CurrencyRef),
  currency_rate: (raw) => baseRate(raw.ExchangeRate, 'base-per-foreign'),
  description: (raw) => text(raw.PrivateNote),
  document_number: (raw) => text(raw.DocNumber),
  journal_entry_type: (raw) => (raw.Adjustment ? ADJUSTING : PLAIN),
  journal_lines: (raw) => postingLines(raw).map((line) => journalLine(line, qboId(raw))),
  platform_id: qboId,
  posted_date: (raw) => dateTime(raw.TxnDate),
  status: postingStatus,
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
 * unified line does not say customer or vendor; QBO resolves the name-list id). A line takes one
 * class and one department: the first id of each kind (`Department:<Id>` is a department). */
function toJournalLine(line: RequestLine): QboJournalLine {
  // Unknown exists for lines read from a platform; QuickBooks posts only debits and credits.
  if (line.type === 'Unknown') throw new Error('a journal line of type Unknown cannot be posted: give Debit or Credit');
  const detail: QboJournalLineDetail = { PostingType: line.type };
  if (line.account_id) detail.AccountRef = { value: line.account_id };
  if (line.contact_id) detail.Entity = { EntityRef: { value: line.contact_id } };
  if (line.tax_id) detail.TaxCodeRef = { value: line.tax_id };
  if (typeof line.tax_amount === 'number') detail.TaxAmount = line.tax_amount;
  const ids = line.tracking_category_ids ?? [];
  const classId = ids.find((id) => departmentRefOf(id) === undefined);
  const department = ids.map(departmentRefOf).find((id) => id !== undefined);
  if (classId) detail.ClassRef = { value: classId };
  if (department) detail.DepartmentRef = { value: department };
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
  // QBO posts an entry when it is created; it has no drafts, and a void or deleted entry is not created.
  status: (value) => {
    if (value === null || value === 'Posted') return undefined;
    throw new Error(`QBO cannot create a journal entry with status ${value}: it posts entries as they are created`);
  },
});

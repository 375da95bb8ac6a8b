/**
 * Zoho Books manual journal (`GET /journals/{journal_id}`, key `journal`) → ledgerspec
 * JournalEntry (`journal_entries`), and the unified Create body → `POST /journals`.
 */
import type { JournalLine } from '../../../generated/types/index.js';
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import { amount, enumValue } from '../../lib/values.js';
import {
  dateField,
  tagRequests,
  trackingIds,
  zohoDateTime,
  zohoId,
  zohoList,
  zohoRate,
  zohoText,
  type ZohoTag,
  type ZohoTagRequest,
} from '../values.js';

/** One journal line as Zoho returns it. Amounts are positive; `debit_or_credit` gives the side. */
export interface ZohoBooksJournalLine {
  line_id?: string | number;
  account_id?: string | number;
  description?: string;
  debit_or_credit?: string;
  amount?: number;
  tax_id?: string | number;
  /** Sent when the line carries tax. */
  tax_amount?: number;
  customer_id?: string | number;
  tags?: ZohoTag[];
}

/** The Zoho Books journal as its API returns it: the fields mapped. */
export interface ZohoBooksJournalEntry {
  journal_id: string | number;
  entry_number?: string;
  reference_number?: string;
  notes?: string;
  journal_date?: string;
  /** The reporting basis the journal counts in: `both`, `cash` or `accrual`. */
  journal_type?: string;
  currency_id?: string | number;
  exchange_rate?: number;
  total?: number;
  /** `draft` or `published`; the list endpoint leaves it out. */
  status?: string;
  /** The location (branch) the journal is posted in, in organisations that use locations. */
  location_id?: string | number;
  line_items?: ZohoBooksJournalLine[];
  last_modified_time?: string;
}

/** Zoho has two sides; any other value is Unknown rather than a guessed side (which would
 * misstate the ledger). */
const SIDE = { debit: 'Debit', credit: 'Credit' } as const;

/** A draft journal is saved but not in the books; a published one is. */
const JOURNAL_STATUS = { draft: 'Draft', published: 'Posted' } as const;

function journalLines(raw: ZohoBooksJournalEntry): JournalLine[] {
  return zohoList(raw.line_items).map((line) => ({
    platform_id: zohoText(line.line_id),
    journal_entry_id: zohoText(raw.journal_id),
    account_id: zohoText(line.account_id),
    contact_id: zohoText(line.customer_id),
    description: zohoText(line.description),
    type: enumValue(SIDE, line.debit_or_credit, 'Unknown') ?? 'Unknown',
    net_amount: amount(line.amount),
    tax_id: zohoText(line.tax_id),
    // A line without a tax rate carries no tax; a taxed line's amount is only known if sent.
    tax_amount: amount(line.tax_amount) ?? (zohoText(line.tax_id) === null ? 0 : null),
    tracking_category_ids: trackingIds(line.tags),
  }));
}

export const read = mapRead<'journal_entries', ZohoBooksJournalEntry>({
  platform_id: (raw) => zohoId(raw.journal_id),
  account_id: notSupported('Zoho journals have no header account; every account is on a line.'),
  amount: (raw) => amount(raw.total),
  business_unit_id: (raw) => zohoText(raw.location_id),
  currency_id: (raw) => zohoText(raw.currency_id),
  currency_rate: (raw) => zohoRate(raw.exchange_rate),
  description: (raw) => zohoText(raw.notes),
  // `reference_number` is what the user gives the journal (and can send on create);
  // `entry_number` is Zoho's own sequence and stays in raw_data.
  document_number: (raw) => zohoText(raw.reference_number),
  journal_entry_type: (raw) => zohoText(raw.journal_type),
  journal_lines: (raw) => journalLines(raw),
  posted_date: (raw) => zohoDateTime(raw.journal_date),
  // The list endpoint sends no status (drafts and published journals alike): null, not a guess.
  status: (raw) => enumValue(JOURNAL_STATUS, raw.status, 'Unknown'),
  updated_at: (raw) => zohoDateTime(raw.last_modified_time),
});

/** A journal line as `POST /journals` takes it. */
export interface ZohoBooksJournalLineRequest {
  account_id?: string;
  customer_id?: string;
  description?: string;
  amount?: number;
  debit_or_credit: 'debit' | 'credit';
  tax_id?: string;
  tags?: ZohoTagRequest[];
}

/** The body of `POST /books/v3/journals`. */
export interface ZohoBooksJournalEntryRequest {
  journal_date?: string;
  reference_number?: string;
  notes?: string;
  journal_type?: string;
  currency_id?: string;
  exchange_rate?: number;
  location_id?: string;
  status?: 'draft' | 'published';
  line_items?: ZohoBooksJournalLineRequest[];
}

/** Request lines; null fields are left out (Zoho rejects null IDs). */
function writeJournalLines(lines: JournalLine[]): ZohoBooksJournalLineRequest[] {
  return lines.map((line) => {
    if (line.type !== 'Debit' && line.type !== 'Credit')
      throw new Error(
        `a journal line of type ${JSON.stringify(line.type)} cannot be written: Zoho takes debit or credit`,
      );
    const request: ZohoBooksJournalLineRequest = { debit_or_credit: line.type === 'Credit' ? 'credit' : 'debit' };
    if (line.account_id) request.account_id = line.account_id;
    if (line.contact_id) request.customer_id = line.contact_id;
    if (line.description) request.description = line.description;
    if (typeof line.net_amount === 'number') request.amount = line.net_amount;
    if (line.tax_id) request.tax_id = line.tax_id;
    const tags = tagRequests(line.tracking_category_ids);
    if (tags.length > 0) request.tags = tags;
    return request;
  });
}

export const write = mapWrite<'journal_entries', ZohoBooksJournalEntryRequest>({
  account_id: notSupported('Zoho journals have no header account; every account is on a line.'),
  business_unit_id: (value) => (value === null ? undefined : { location_id: value }),
  currency_id: (value) => (value === null ? undefined : { currency_id: value }),
  currency_rate: (value) => (value === null ? undefined : { exchange_rate: value }),
  description: (value) => (value === null ? undefined : { notes: value }),
  document_number: (value) => (value === null ? undefined : { reference_number: value }),
  journal_entry_type: (value) => (value === null ? undefined : { journal_type: value }),
  journal_lines: (value) => ({ line_items: writeJournalLines(value) }),
  posted_date: (value) => dateField('journal_date', value),
  // Zoho creates a journal as a draft or published; Void, Deleted and Unknown cannot be created.
  status: (value) =>
    value === 'Draft' ? { status: 'draft' } : value === 'Posted' ? { status: 'published' } : undefined,
});

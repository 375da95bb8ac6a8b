/**
 * Codat → ledgerspec JournalEntry (`journal_entries`).
 *
 * Codat's JournalEntry (`GET /companies/{companyId}/data/journalEntries/{journalEntryId}`) is every
 * posting to the general ledger: the manual journals, and also the postings of invoices, bills,
 * payments, direct costs and the rest, which `recordRef` names (`{ id, dataType: "bills" }`).
 * Only manual journals are journal entries here: a posting of another record is left out (that
 * record is read as what it is, and reading its posting too would count it twice). A line's
 * `netAmount` is signed (debits positive, credits negative); the unified line carries the amount
 * unsigned and the side in `type`.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { JournalLine } from '../../../generated/types/index.js';
import { amount, compact, dateTime, text } from '../../lib/values.js';
import { codatDate, isDeleted, sourceDate, type CodatMetadata } from '../values.js';

type RecordRefType = 'customers' | 'suppliers' | 'trackingCategories' | string;

/** One line of a Codat journal entry. */
export interface CodatJournalLine {
  description?: string | null;
  /** Debits positive, credits negative. */
  netAmount: number;
  currency?: string | null;
  accountRef?: { id?: string | null; name?: string | null } | null;
  contactRef?: { id: string; dataType?: 'customers' | 'suppliers' | null } | null;
  tracking?: { recordRefs?: ({ id?: string | null; dataType?: RecordRefType } | null)[] | null } | null;
}

/** The Codat JournalEntry as its API returns it. */
export interface CodatJournalEntry {
  id: string;
  description?: string | null;
  postedOn?: string | null;
  createdOn?: string | null;
  updatedOn?: string | null;
  journalRef?: { id?: string | null; name?: string | null } | null;
  journalLines?: CodatJournalLine[] | null;
  /** The record whose posting this entry is; `journalEntries` (or none) for a manual journal. */
  recordRef?: { id?: string | null; dataType?: string | null } | null;
  modifiedDate?: string;
  sourceModifiedDate?: string;
  metadata?: CodatMetadata;
}

/** Why a Codat journal entry is not a manual journal: the posting of another record. */
function postingOf(raw: CodatJournalEntry): string | undefined {
  const kind = text(raw.recordRef?.dataType);
  if (kind === null || kind === 'journalEntries') return undefined;
  return `the ledger posting of ${kind} record ${text(raw.recordRef?.id) ?? '(no id)'}, not a manual journal`;
}

/** A Codat line as a unified one: the amount unsigned, the side from its sign (0 says neither). */
function journalLine(line: CodatJournalLine): JournalLine {
  const net = amount(line.netAmount);
  const refs = line.tracking?.recordRefs ?? [];
  const contact =
    text(line.contactRef?.id) ??
    text(refs.find((ref) => ref?.dataType === 'customers' || ref?.dataType === 'suppliers')?.id);
  return {
    account_id: text(line.accountRef?.id),
    contact_id: contact,
    tracking_category_ids: compact(
      refs.filter((ref) => ref?.dataType === 'trackingCategories').map((ref) => text(ref?.id)),
    ),
    type: net === null || net === 0 ? 'Unknown' : net > 0 ? 'Debit' : 'Credit',
    description: text(line.description),
    net_amount: net === null ? null : Math.abs(net),
  };
}

const NO_NUMBER = 'Codat journal entries have no reference number.';
const NO_RATE = 'Codat journal entries carry no exchange rate (lines name their currency only).';

export const read = mapRead<'journal_entries', CodatJournalEntry>(
  {
    account_id: notSupported('Codat journal entries have no header account: accounts are on the lines.'),
    // The sum of the debit lines; unknown without lines.
    amount: (raw) =>
      raw.journalLines?.length
        ? raw.journalLines.reduce((sum, line) => sum + Math.max(amount(line.netAmount) ?? 0, 0), 0)
        : null,
    business_unit_id: notSupported('Codat journal entries name no business unit.'),
    currency_id: (raw) => text(raw.journalLines?.find((line) => text(line.currency))?.currency),
    currency_rate: notSupported(NO_RATE),
    description: (raw) => text(raw.description),
    document_number: notSupported(NO_NUMBER),
    // The journal (book) it is posted in, as the platform names it.
    journal_entry_type: (raw) => text(raw.journalRef?.name),
    journal_lines: (raw) => (raw.journalLines ?? []).map(journalLine),
    platform_id: (raw) => raw.id,
    posted_date: (raw) => dateTime(raw.postedOn),
    // No status in Codat: posted unless metadata flags it deleted (which Codat also uses for
    // platforms that void by soft delete).
    status: (raw) => (isDeleted(raw.metadata) ? 'Deleted' : 'Posted'),
    updated_at: (raw) => sourceDate(raw.sourceModifiedDate) ?? sourceDate(raw.updatedOn),
  },
  { skip: postingOf },
);

/** The body of POST /companies/{companyId}/connections/{connectionId}/push/journalEntries. */
export interface CodatJournalEntryRequest {
  description?: string;
  postedOn?: string;
  journalLines?: CodatJournalLine[];
}

/** A unified line as Codat's: debits positive, credits negative. */
function toJournalLine(line: JournalLine, currency: string | null | undefined): CodatJournalLine {
  const net = line.net_amount ?? 0;
  if (line.type === 'Unknown' && net !== 0)
    throw new Error('Codat signs a journal line by its side: type must be Debit or Credit');
  const refs = (line.tracking_category_ids ?? []).map((id) => ({ id, dataType: 'trackingCategories' }));
  return {
    ...(line.description != null ? { description: line.description } : {}),
    netAmount: line.type === 'Credit' ? -net : net,
    ...(currency ? { currency } : {}),
    ...(line.account_id ? { accountRef: { id: line.account_id } } : {}),
    ...(line.contact_id ? { contactRef: { id: line.contact_id } } : {}),
    ...(refs.length ? { tracking: { recordRefs: refs } } : {}),
  };
}

export const write = mapWrite<'journal_entries', CodatJournalEntryRequest>({
  account_id: notSupported('Codat journal entries have no header account: accounts are on the lines.'),
  business_unit_id: notSupported('Codat journal entries name no business unit.'),
  // Codat names the currency on each line (see journal_lines).
  currency_id: () => undefined,
  currency_rate: notSupported(NO_RATE),
  description: (value) => (value === null ? undefined : { description: value }),
  document_number: notSupported(NO_NUMBER),
  journal_entry_type: notSupported(
    'Codat takes the journal to post in as journalRef.id (pass raw_data.journalRef), not a name.',
  ),
  journal_lines: (value, body) => ({ journalLines: value.map((line) => toJournalLine(line, body.currency_id)) }),
  // The calendar date as written, without a zone (Codat reads it as the business's local date).
  posted_date: (value) => (value === null ? undefined : { postedOn: codatDate(value) }),
  status: notSupported('Codat posts a pushed journal entry: it takes no status.'),
});

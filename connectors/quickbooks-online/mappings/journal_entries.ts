/**
 * QuickBooks Online → ledgerspec JournalEntry (`journal_entries`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, mapWrite, notSupported, todo } from '../../../generated/connectors/index.js';

/** The QuickBooks Online record as its API returns it. Declare the fields you map. */
export interface QuickBooksOnlineJournalEntry {
  [field: string]: unknown;
}

export const read = mapRead<'journal_entries', QuickBooksOnlineJournalEntry>({
  account_id: todo(
    "The platform's ID for a header account on the entry, for platforms that record one (often null; the accounts posted to are on the journal lines).",
  ),
  amount: todo("The entry's total (the sum of its debit lines), as computed by the platform."),
  business_unit_id: todo(
    "The platform's ID for the business unit or legal entity the entry is posted in, where the platform has them.",
  ),
  currency_id: todo("The platform's ID for the currency the entry is recorded in."),
  currency_rate: todo("Rate between the entry's currency and the company's base currency."),
  description: todo('The narration explaining the entry.'),
  document_number: todo("The journal's reference or number."),
  journal_entry_type: todo('The kind of journal as the platform labels it, passed through as free text.'),
  journal_lines: todo("The entry's debit and credit lines; debits and credits balance."),
  platform_id: todo("The accounting platform's ID for this journal entry."),
  posted_date: todo('The date the entry is posted to the ledger, as an ISO 8601 timestamp.'),
  updated_at: todo('When the journal entry was last changed on the accounting platform.'),
});

/** The body QuickBooks Online expects when one is created. Declare the fields you send. */
export interface QuickBooksOnlineJournalEntryRequest {
  [field: string]: unknown;
}

export const write = mapWrite<'journal_entries', QuickBooksOnlineJournalEntryRequest>({
  account_id: todo(
    "The platform's ID for a header account on the entry, for platforms that record one (often null; the accounts posted to are on the journal lines).",
  ),
  business_unit_id: todo(
    "The platform's ID for the business unit or legal entity the entry is posted in, where the platform has them.",
  ),
  currency_id: todo("The platform's ID for the currency the entry is recorded in."),
  currency_rate: todo("Rate between the entry's currency and the company's base currency."),
  description: todo('The narration explaining the entry.'),
  document_number: todo("The journal's reference or number."),
  journal_entry_type: todo('The kind of journal as the platform labels it, passed through as free text.'),
  journal_lines: todo("The entry's debit and credit lines; debits and credits balance."),
  posted_date: todo('The date the entry is posted to the ledger, as an ISO 8601 timestamp.'),
});

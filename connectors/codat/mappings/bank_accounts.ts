/**
 * Codat → ledgerspec BankAccount (`bank_accounts`).
 *
 * Codat's BankAccount (`GET /companies/{companyId}/connections/{connectionId}/data/bankAccounts/{accountId}`):
 * a bank or card account as the accounting platform records it. `accountType` says how its
 * balance reads (Debit: a bank account; Credit: a card or loan, positive balances are owed).
 */
import { mapRead } from '../../../generated/connectors/index.js';
import { amount, text } from '../../lib/values.js';
import { sourceDate, type CodatMetadata } from '../values.js';

/** The Codat BankAccount as its API returns it. */
export interface CodatBankAccount {
  id: string;
  accountName?: string | null;
  /** Unknown, Credit or Debit. */
  accountType?: string | null;
  nominalCode?: string | null;
  sortCode?: string | null;
  accountNumber?: string | null;
  iBan?: string | null;
  currency?: string | null;
  balance?: number | null;
  availableBalance?: number | null;
  overdraftLimit?: number | null;
  institution?: string | null;
  status?: string | null;
  modifiedDate?: string;
  sourceModifiedDate?: string;
  metadata?: CodatMetadata;
}

export const read = mapRead<'bank_accounts', CodatBankAccount>({
  account_name: (raw) => text(raw.accountName),
  // The number as the platform gives it (masked by some); the IBAN when there is no number.
  account_number: (raw) => text(raw.accountNumber) ?? text(raw.iBan),
  balance: (raw) => amount(raw.balance),
  // Codat's Debit (bank) or Credit (card, loan); Unknown is no category.
  category: (raw) => (text(raw.accountType) === 'Unknown' ? null : text(raw.accountType)),
  currency_id: (raw) => text(raw.currency),
  institution_name: (raw) => text(raw.institution),
  platform_id: (raw) => raw.id,
  updated_at: (raw) => sourceDate(raw.sourceModifiedDate),
});

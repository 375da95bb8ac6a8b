/**
 * Zoho Books bank account (`GET /bankaccounts/{account_id}`) → ledgerspec BankAccount
 * (`bank_accounts`). Read-only in the unified API.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import { amount } from '../../lib/values.js';
import { zohoId, zohoText } from '../values.js';

/** The account under `bankaccount` in Zoho's response. */
export interface ZohoBooksBankAccount {
  account_id: string | number;
  account_name?: string;
  /** Masked by Zoho (`XXXXXXXX4471`). */
  account_number?: string;
  /** `bank` or `credit_card`. */
  account_type?: string;
  bank_name?: string;
  currency_id?: string | number;
  /** The book balance in the account's currency; `bank_balance` is the feed's statement balance and
   * `bcy_balance` the book balance in the base currency. */
  balance?: number;
}

export const read = mapRead<'bank_accounts', ZohoBooksBankAccount>({
  platform_id: (raw) => zohoId(raw.account_id),
  institution_name: (raw) => zohoText(raw.bank_name),
  account_name: (raw) => zohoText(raw.account_name),
  account_number: (raw) => zohoText(raw.account_number),
  category: (raw) => zohoText(raw.account_type),
  balance: (raw) => amount(raw.balance),
  currency_id: (raw) => zohoText(raw.currency_id),
  updated_at: notSupported('Zoho Books bank accounts carry no modification time.'),
});

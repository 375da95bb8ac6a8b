/**
 * Xero → ledgerspec BankAccount (`bank_accounts`): Xero's Account of `Type: BANK`
 * (`GET /Accounts?where=Type=="BANK"`). Xero keeps bank, card and PayPal accounts in its chart of
 * accounts; only those carry `BankAccountNumber`, `BankAccountType` (BANK, CREDITCARD, PAYPAL) and
 * `CurrencyCode`. The same Xero record is also an `accounts` record: there it is a ledger account
 * (category Asset), here the bank account it stands for (number, kind, currency), as the spec
 * keeps the two apart. Read-only: the spec's bank accounts cannot be written.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import { text } from '../../lib/values.js';
import { xeroDate } from '../values.js';
import type { XeroAccount } from './accounts.js';

export const read = mapRead<'bank_accounts', XeroAccount>(
  {
    platform_id: (raw) => raw.AccountID,
    institution_name: notSupported(
      "Xero's bank account records the account's name, number and kind, not the bank that holds it (the bank feed's institution is not in the Accounting API).",
    ),
    account_name: (raw) => text(raw.Name),
    // Xero returns the number as entered (unmasked).
    account_number: (raw) => text(raw.BankAccountNumber),
    // Xero's own kind: BANK, CREDITCARD or PAYPAL (NONE or "" is no kind).
    category: (raw) => (raw.BankAccountType === 'NONE' ? null : text(raw.BankAccountType)),
    balance: notSupported(
      "Xero's Account carries no balance; bank balances come from the BankSummary report, not from the account record.",
    ),
    currency_id: (raw) => text(raw.CurrencyCode),
    updated_at: (raw) => xeroDate(raw.UpdatedDateUTC),
  },
  {
    // /Accounts lists the whole chart of accounts: only BANK accounts are bank accounts.
    skip: (raw) =>
      raw.Type === 'BANK'
        ? undefined
        : `Xero account Type ${raw.Type ?? '(none)'} is a ledger account, not a bank account (Type BANK)`,
  },
);

/**
 * QuickBooks Online → ledgerspec BankAccount (`bank_accounts`).
 *
 * QBO has no bank account object of its own: bank and card accounts are `Account` records
 * (`/v3/company/{realmId}/account/{id}`) of AccountType `Bank` or `Credit Card` (the spec's bank
 * account is "a bank or card account"). Every other account is left out (`skip`). The unified
 * record keeps the Account's Id, so a bank account and its ledger account (`accounts`) share
 * one id, and a bank transaction's `account_id` names both.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import { amount, text } from '../../lib/values.js';
import { lastUpdated, qboId, ref } from '../values.js';
import type { QuickBooksOnlineAccount } from './accounts.js';

/** The AccountTypes of bank and card accounts. */
const BANK_TYPES: ReadonlySet<string> = new Set(['Bank', 'Credit Card']);

export const read = mapRead<'bank_accounts', QuickBooksOnlineAccount>(
  {
    account_name: (raw) => text(raw.Name),
    account_number: notSupported(
      "A QBO Account holds no bank account number (AcctNum is its number in the chart of accounts, read as the account's nominal_code).",
    ),
    // The current balance QBO computes from the books, in the account's currency (a card account's
    // balance is what is owed on it, as QBO signs it).
    balance: (raw) => amount(raw.CurrentBalance),
    // AccountSubType is QBO's kind of bank account (Checking, Savings, MoneyMarket, CashOnHand,
    // CreditCard); AccountType (Bank, Credit Card) when it is missing.
    category: (raw) => text(raw.AccountSubType) ?? text(raw.AccountType),
    currency_id: (raw) => ref(raw.CurrencyRef),
    institution_name: notSupported('A QBO Account does not name the bank that holds it.'),
    platform_id: qboId,
    updated_at: lastUpdated,
  },
  {
    skip: (raw) =>
      BANK_TYPES.has(raw.AccountType ?? '')
        ? undefined
        : `a ${raw.AccountType ?? 'QBO'} account, not a bank or card account`,
  },
);

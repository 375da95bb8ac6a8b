/**
 * Codat → ledgerspec BankTransaction (`bank_transactions`).
 *
 * Codat's BankTransaction (`GET /companies/{companyId}/connections/{connectionId}/data/bankAccounts/{accountId}/bankTransactions`):
 * a line on a bank account, `amount` signed (positive: money in, negative: money out),
 * `transactionType` Codat's own label (Credit, Debit, Payment, Cash, Dep, Xfer…, which some
 * integrations use for the bank's side and others for the books': not a direction). The unified
 * amount is unsigned and the direction is `debit_or_credit` (Debit: money in to the account, an
 * asset). Writes go to Codat's bank feed push (`…/push/bankAccounts/{accountId}/bankTransactions`),
 * a batch `{ accountId, transactions: [...] }` of one transaction here.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { BankTransactionCreate } from '../../../generated/types/index.js';
import { amount, dateTime, text } from '../../lib/values.js';
import { codatDate, sourceDate, type CodatMetadata } from '../values.js';

/** The Codat BankTransaction as its API returns it. */
export interface CodatBankTransaction {
  /** Absent on some integrations' statement lines (Xero). */
  id?: string | null;
  accountId?: string | null;
  clearedOnDate?: string | null;
  description?: string | null;
  counterparty?: string | null;
  reconciled?: boolean | null;
  /** Money in positive, money out negative. */
  amount?: number | null;
  balance?: number | null;
  transactionType?: string | null;
  modifiedDate?: string;
  sourceModifiedDate?: string;
  metadata?: CodatMetadata;
}

const NO_CONTACT = 'Codat names the counterparty of a bank transaction as text, not as a customer or supplier id.';
const NO_TRANSFER =
  'Codat keeps transfers between accounts as their own data type (transfers), not as bank transactions.';
const NO_CURRENCY = "Codat's bank transaction is in its bank account's currency and names none itself.";
const NO_LINES = "Codat's bank transactions are not itemized.";

export const read = mapRead<'bank_transactions', CodatBankTransaction>(
  {
    account_id: (raw) => text(raw.accountId),
    amount: (raw) => {
      const value = amount(raw.amount);
      return value === null ? null : Math.abs(value);
    },
    contact_id: notSupported(NO_CONTACT),
    currency_id: notSupported(NO_CURRENCY),
    currency_rate: notSupported(NO_CURRENCY),
    // The sign says the direction: money in debits the bank account (an asset).
    debit_or_credit: (raw) => {
      const value = amount(raw.amount);
      return value === null || value === 0 ? 'Unknown' : value > 0 ? 'Debit' : 'Credit';
    },
    from_account_id: notSupported(NO_TRANSFER),
    line_items: notSupported(NO_LINES),
    platform_id: (raw) => text(raw.id) ?? undefined,
    // Codat's only state for a bank transaction is whether it is reconciled.
    status: (raw) => (raw.reconciled === true ? 'reconciled' : raw.reconciled === false ? 'unreconciled' : null),
    to_account_id: notSupported(NO_TRANSFER),
    transaction_date: (raw) => dateTime(raw.clearedOnDate),
    // Codat's label as is; Unknown is none.
    type: (raw) => (text(raw.transactionType) === 'Unknown' ? null : text(raw.transactionType)),
    updated_at: (raw) => sourceDate(raw.sourceModifiedDate),
  },
  {
    // Codat sends Xero's statement lines without an id: such a line cannot be keyed or referred to.
    skip: (raw) =>
      text(raw.id) === null
        ? 'Codat sends this bank transaction without an id (Xero statement lines): it cannot be keyed'
        : undefined,
  },
);

/** One transaction of Codat's bank feed push. */
export interface CodatBankFeedTransaction {
  date?: string;
  description?: string;
  reconciled?: boolean;
  amount?: number;
  transactionType?: string;
}

/** The body of POST /companies/{companyId}/connections/{connectionId}/push/bankAccounts/{accountId}/bankTransactions. */
export interface CodatBankTransactionsRequest {
  accountId?: string;
  transactions?: [CodatBankFeedTransaction];
}

type Body = BankTransactionCreate;

/** The one transaction of the push, built whole: the runtime merges rule results deeply and
 * would append array parts, so the fields of the transaction are set here, not rule by rule. */
function transaction(body: Body): CodatBankFeedTransaction {
  const value = body.amount;
  if (value !== null && value !== 0 && (body.debit_or_credit ?? 'Unknown') === 'Unknown') {
    throw new Error(
      'Codat signs a bank transaction by its direction: debit_or_credit must be Debit (money in) or Credit (money out)',
    );
  }
  const date = codatDate(body.transaction_date);
  return {
    ...(date ? { date } : {}),
    ...(body.status === 'reconciled'
      ? { reconciled: true }
      : body.status === 'unreconciled'
        ? { reconciled: false }
        : {}),
    ...(value !== null ? { amount: body.debit_or_credit === 'Credit' ? -Math.abs(value) : Math.abs(value) } : {}),
    ...(body.type ? { transactionType: body.type } : {}),
  };
}

const inTransaction = () => undefined;

export const write = mapWrite<'bank_transactions', CodatBankTransactionsRequest>({
  account_id: (value, body) => ({ ...(value === null ? {} : { accountId: value }), transactions: [transaction(body)] }),
  // The amount, signed by debit_or_credit, the date, status and type are in the transaction
  // the account_id rule builds.
  amount: inTransaction,
  contact_id: notSupported(NO_CONTACT),
  currency_id: notSupported(NO_CURRENCY),
  currency_rate: notSupported(NO_CURRENCY),
  debit_or_credit: inTransaction,
  from_account_id: notSupported(NO_TRANSFER),
  line_items: notSupported(NO_LINES),
  status: inTransaction,
  to_account_id: notSupported(NO_TRANSFER),
  transaction_date: inTransaction,
  type: inTransaction,
});

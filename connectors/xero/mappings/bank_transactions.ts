/**
 * Xero → ledgerspec BankTransaction (`bank_transactions`): Xero's BankTransaction (spend and
 * receive money, and the cash side of overpayments and prepayments) and BankTransfer (money moved
 * between two of the company's bank accounts), two endpoints read into one entity. A transfer is
 * one record with `from_account_id` and `to_account_id`; the two BankTransactions Xero makes of
 * it (SPEND-TRANSFER on the source account, RECEIVE-TRANSFER on the destination) are left out, so
 * a transfer is not read three times. Which Xero record lands in which entity: banking.ts.
 *
 * A transfer is recorded, as the spec's one `account_id`, on the account the money leaves
 * (`account_id` = `from_account_id`, `debit_or_credit` Credit): the destination is `to_account_id`.
 */
import { mapRead, mapWrite, notSupported, type ReadContext } from '../../../generated/connectors/index.js';
import type { BankTransactionCreate } from '../../../generated/types/index.js';
import { amount, list, text } from '../../lib/values.js';
import {
  direction,
  isTransfer,
  transactionDay,
  transferAmount,
  type XeroBankTransaction,
  type XeroBankTransactionRequest,
  type XeroBankTransfer,
  type XeroBankTransferRequest,
} from '../banking.js';
import { lineItem, toXeroLineItem } from '../documents.js';
import { fromXeroRate, round, toXeroDate, toXeroRate, xeroDate } from '../values.js';

type Raw = XeroBankTransaction | XeroBankTransfer;

/** Xero's own word for a whole transfer (its legs are RECEIVE-TRANSFER and SPEND-TRANSFER). */
const TRANSFER = 'TRANSFER';

export const read = mapRead<'bank_transactions', Raw>(
  {
    platform_id: (raw) => (isTransfer(raw) ? raw.BankTransferID : raw.BankTransactionID),
    account_id: (raw) => text(isTransfer(raw) ? raw.FromBankAccount?.AccountID : raw.BankAccount?.AccountID),
    from_account_id: (raw) => (isTransfer(raw) ? text(raw.FromBankAccount?.AccountID) : null),
    to_account_id: (raw) => (isTransfer(raw) ? text(raw.ToBankAccount?.AccountID) : null),
    // A transfer has no counterparty: both sides are the company's.
    contact_id: (raw) => (isTransfer(raw) ? null : text(raw.Contact?.ContactID)),
    transaction_date: (raw) => transactionDay(raw),
    // The transaction's total, tax included (what left or reached the account); a transfer's Amount.
    amount: (raw) => (isTransfer(raw) ? transferAmount(raw) : amount(raw.Total)),
    // Xero's Type as is (RECEIVE, SPEND-PREPAYMENT, …); TRANSFER for a bank transfer.
    type: (raw) => (isTransfer(raw) ? TRANSFER : text(raw.Type)),
    // Xero's Status as is: AUTHORISED, DELETED or VOIDED (transfers AUTHORISED or DELETED).
    status: (raw) => text(raw.Status),
    debit_or_credit: (raw) => (isTransfer(raw) ? 'Credit' : direction(raw.Type)),
    // A transfer is in its source account's currency, which the transfer record does not name.
    currency_id: (raw) => (isTransfer(raw) ? null : text(raw.CurrencyCode)),
    // Xero quotes a bank transaction's rate foreign per base ("e.g. 0.7500"; 1 in the base
    // currency); the spec wants base per foreign. A transfer's CurrencyRate is documented only as
    // "The currency rate" (1 in every example) and is read the same way.
    currency_rate: (raw) => fromXeroRate(raw.CurrencyRate),
    line_items: (raw, context) =>
      isTransfer(raw)
        ? []
        : list(raw.LineItems).map((line) =>
            lineItem(line, raw.LineAmountTypes, { type: 'BankTransaction', id: raw.BankTransactionID }, context),
          ),
    // A Xero bank transfer cannot be edited (only deleted), so its creation is its last change.
    updated_at: (raw) => xeroDate(isTransfer(raw) ? raw.CreatedDateUTC : raw.UpdatedDateUTC),
  },
  {
    skip: (raw) =>
      !isTransfer(raw) && typeof raw.Type === 'string' && raw.Type.endsWith('-TRANSFER')
        ? `Xero BankTransaction Type ${raw.Type} is one leg of a bank transfer, read whole (both accounts) from /BankTransfers`
        : undefined,
  },
);

/** The Types Xero's `PUT /BankTransactions` creates (the -TRANSFER legs come from /BankTransfers). */
const WRITABLE_TYPES = new Set([
  'RECEIVE',
  'SPEND',
  'RECEIVE-OVERPAYMENT',
  'SPEND-OVERPAYMENT',
  'RECEIVE-PREPAYMENT',
  'SPEND-PREPAYMENT',
]);

type Body = BankTransactionCreate;

/**
 * The whole request, built from the body at once: a body naming both `from_account_id` and
 * `to_account_id` is a transfer (`PUT /BankTransfers`), any other spend or receive money
 * (`PUT /BankTransactions`). Each has requirements the other lacks, so they are checked here and a
 * body Xero would refuse is refused (the sandbox answers `platform-denied`).
 */
function request(body: Body, context: ReadContext): XeroBankTransferRequest | XeroBankTransactionRequest {
  const date = toXeroDate(body.transaction_date);
  const rate = toXeroRate(body.currency_rate);
  if (body.from_account_id || body.to_account_id) {
    if (!body.from_account_id || !body.to_account_id)
      throw new Error('a Xero bank transfer needs both from_account_id and to_account_id');
    if (body.account_id && body.account_id !== body.from_account_id)
      throw new Error('Xero records a transfer on the account the money leaves: account_id must be from_account_id');
    if (list(body.line_items).length > 0 || body.contact_id)
      throw new Error('a Xero bank transfer has no lines and no contact');
    return {
      FromBankAccount: { AccountID: body.from_account_id },
      ToBankAccount: { AccountID: body.to_account_id },
      ...(body.amount != null ? { Amount: body.amount } : {}),
      ...(date ? { Date: date } : {}),
      ...(rate !== undefined ? { CurrencyRate: rate } : {}),
    };
  }
  const type =
    body.type && WRITABLE_TYPES.has(body.type)
      ? body.type
      : body.debit_or_credit === 'Debit'
        ? 'RECEIVE'
        : body.debit_or_credit === 'Credit'
          ? 'SPEND'
          : undefined;
  if (!type)
    throw new Error('Xero needs the direction of a bank transaction: debit_or_credit Debit or Credit, or a Xero Type');
  if (body.debit_or_credit && body.debit_or_credit !== 'Unknown' && direction(type) !== body.debit_or_credit)
    throw new Error(`Xero Type ${type} does not move money the way debit_or_credit ${body.debit_or_credit} says`);
  if (!body.account_id) throw new Error('Xero requires the bank account (account_id) of spend and receive money');
  if (!body.contact_id) throw new Error('Xero requires a Contact on spend and receive money');
  const lines = list(body.line_items);
  if (lines.length === 0)
    throw new Error('Xero requires at least one line on spend and receive money (it computes the amount from them)');
  const linesTotal = round(
    lines.reduce((sum, line) => sum + (line.sub_total ?? 0) - (line.total_discount ?? 0) + (line.tax_amount ?? 0), 0),
  );
  if (body.amount != null && Math.abs(linesTotal - body.amount) > 0.005 * Math.max(1, lines.length))
    throw new Error(`Xero computes the amount from the lines (${linesTotal}), not ${body.amount}`);
  return {
    Type: type,
    BankAccount: { AccountID: body.account_id },
    Contact: { ContactID: body.contact_id },
    ...(date ? { Date: date } : {}),
    ...(body.currency_id ? { CurrencyCode: body.currency_id } : {}),
    ...(rate !== undefined ? { CurrencyRate: rate } : {}),
    LineAmountTypes: 'Exclusive',
    LineItems: lines.map((line) => toXeroLineItem(line, context)),
  };
}

/** Fields the request built on account_id (always present: the spec requires it) carries. */
const inRequest = () => undefined;

export const write = mapWrite<'bank_transactions', XeroBankTransferRequest | XeroBankTransactionRequest>({
  account_id: (_id, body, context) => request(body, context),
  from_account_id: inRequest,
  to_account_id: inRequest,
  contact_id: inRequest,
  transaction_date: inRequest,
  amount: inRequest,
  type: inRequest,
  debit_or_credit: inRequest,
  status: notSupported(
    'Xero creates bank transactions and transfers AUTHORISED; deleting or voiding one is a later change.',
  ),
  currency_id: inRequest,
  currency_rate: inRequest,
  line_items: inRequest,
});

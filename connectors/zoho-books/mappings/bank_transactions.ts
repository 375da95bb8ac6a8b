/**
 * Zoho Books bank transaction (`GET /banktransactions/{transaction_id}`, key `banktransaction`;
 * `POST /banktransactions`) → ledgerspec BankTransaction (`bank_transactions`).
 *
 * A Zoho transaction moves money `from_account_id` → `to_account_id`. The bank account it is on (the
 * unified `account_id`) is the receiving one for money in and the paying one for money out; lists
 * (`GET /banktransactions?account_id=`) also send `account_id` and `debit_or_credit` themselves.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { BankTransactionCreate, LineItem } from '../../../generated/types/index.js';
import { amount, enumValue } from '../../lib/values.js';
import {
  dateField,
  field,
  lineItems,
  zohoDateTime,
  zohoId,
  zohoList,
  zohoRate,
  zohoText,
  type ZohoLineItem,
} from '../values.js';

/** The transaction under `banktransaction` in Zoho's response. */
export interface ZohoBooksBankTransaction {
  transaction_id: string | number;
  /** List responses only: the account listed and the direction on it (`debit` is money in). */
  account_id?: string | number;
  debit_or_credit?: string;
  from_account_id?: string | number;
  to_account_id?: string | number;
  transaction_type?: string;
  currency_id?: string | number;
  exchange_rate?: number;
  date?: string;
  customer_id?: string | number;
  vendor_id?: string | number;
  amount?: number;
  status?: string;
  line_items?: (ZohoLineItem & { from_account_id?: string | number; to_account_id?: string | number })[];
}

type Direction = 'Debit' | 'Credit';

/** Which way each transaction type moves money on the bank account. Transfers and card payments
 * are both, depending on the side one looks from, so they are not listed. */
const DIRECTION: Readonly<Record<string, Direction>> = {
  deposit: 'Debit',
  sales_without_invoices: 'Debit',
  owner_contribution: 'Debit',
  interest_income: 'Debit',
  other_income: 'Debit',
  expense_refund: 'Debit',
  refund: 'Debit',
  customer_payment: 'Debit',
  vendor_payment_refund: 'Debit',
  vendor_credit_refund: 'Debit',
  expense: 'Credit',
  vendor_payment: 'Credit',
  owner_drawings: 'Credit',
  sales_return: 'Credit',
  creditnote_refund: 'Credit',
  payment_refund: 'Credit',
};

const DEBIT_OR_CREDIT = { debit: 'Debit', credit: 'Credit' } as const;

function direction(raw: ZohoBooksBankTransaction): Direction | 'Unknown' | null {
  const sent = enumValue(DEBIT_OR_CREDIT, raw.debit_or_credit, 'Unknown');
  if (sent !== null) return sent;
  return enumValue(DIRECTION, raw.transaction_type, 'Unknown');
}

function bankAccount(raw: ZohoBooksBankTransaction): string | null {
  const dir = direction(raw);
  const side = dir === 'Debit' ? raw.to_account_id : dir === 'Credit' ? raw.from_account_id : undefined;
  return zohoText(raw.account_id) ?? zohoText(side);
}

/** A categorised line names the account the money came from or went to (`from_account_id` on a
 * deposit, `to_account_id` on a payment): the side that is not the bank account itself. */
function bankLines(raw: ZohoBooksBankTransaction): LineItem[] {
  const bank = bankAccount(raw);
  const lines = zohoList(raw.line_items).map((line) => {
    const from = zohoText(line.from_account_id);
    const offset = zohoText(line.account_id) ?? (from !== null && from !== bank ? from : zohoText(line.to_account_id));
    return { ...line, account_id: offset ?? undefined };
  });
  return lineItems(lines, { type: 'BankTransaction', id: zohoText(raw.transaction_id) });
}

export const read = mapRead<'bank_transactions', ZohoBooksBankTransaction>({
  platform_id: (raw) => zohoId(raw.transaction_id),
  account_id: bankAccount,
  from_account_id: (raw) => zohoText(raw.from_account_id),
  to_account_id: (raw) => zohoText(raw.to_account_id),
  contact_id: (raw) => zohoText(raw.customer_id) ?? zohoText(raw.vendor_id),
  transaction_date: (raw) => zohoDateTime(raw.date),
  amount: (raw) => amount(raw.amount),
  type: (raw) => zohoText(raw.transaction_type),
  status: (raw) => zohoText(raw.status),
  debit_or_credit: direction,
  currency_id: (raw) => zohoText(raw.currency_id),
  currency_rate: (raw) => zohoRate(raw.exchange_rate),
  line_items: (raw) => bankLines(raw),
  updated_at: notSupported('Zoho Books bank transactions carry no modification time.'),
});

/** `POST /banktransactions` body. */
export interface ZohoBooksBankTransactionRequest {
  from_account_id?: string;
  to_account_id?: string;
  transaction_type?: string;
  amount?: number;
  exchange_rate?: number;
  date?: string;
  customer_id?: string;
  currency_id?: string;
}

/** The bank account goes on the side the money moves on, unless that side is given explicitly. */
function placeAccount(
  id: string | null,
  body: BankTransactionCreate,
): Partial<ZohoBooksBankTransactionRequest> | undefined {
  const dir = body.debit_or_credit ?? (body.type ? DIRECTION[body.type] : undefined);
  if (!id) return undefined;
  if (dir === 'Debit' && !body.to_account_id) return { to_account_id: id };
  if (dir === 'Credit' && !body.from_account_id) return { from_account_id: id };
  return undefined;
}

export const write = mapWrite<'bank_transactions', ZohoBooksBankTransactionRequest>({
  account_id: placeAccount,
  from_account_id: (id) => field('from_account_id', id),
  to_account_id: (id) => field('to_account_id', id),
  // Zoho's create body has customer_id only (money in from a customer is what it records here).
  contact_id: (id) => field('customer_id', id),
  transaction_date: (date) => dateField('date', date),
  amount: (value) => field('amount', value),
  type: (type) => field('transaction_type', type),
  debit_or_credit: notSupported(
    'Zoho has no direction field: it follows from transaction_type, and decides whether account_id is sent as to_account_id or from_account_id.',
  ),
  status: notSupported('Zoho sets the status (manually_added, matched, …) itself.'),
  currency_id: (id) => field('currency_id', id),
  currency_rate: (rate) => field('exchange_rate', rate),
  line_items: notSupported(
    'Zoho splits a bank transaction across accounts through the categorize endpoints, not on create.',
  ),
});

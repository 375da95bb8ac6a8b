/**
 * QuickBooks Online → ledgerspec BankTransaction (`bank_transactions`).
 *
 * QBO has no bank transaction object: money moving on a bank or card account is recorded by
 * several transaction types. Three of them are read here, each a movement that is not spending
 * and not the payment of an invoice or bill:
 *
 * - `Deposit` (`/deposit/{id}`): money into `DepositToAccountRef`, from the accounts on its lines
 *   (or from payments and sales receipts held in Undeposited Funds, lines linking them), less any
 *   `CashBack`. `type` "Deposit", Debit.
 * - `Transfer` (`/transfer/{id}`): `Amount` from `FromAccountRef` to `ToAccountRef`. Read from the
 *   account the money leaves (QBO's form starts from "Transfer Funds From"): `account_id` is the
 *   from account, Credit; `to_account_id` names the other side. `type` "Transfer".
 * - a `Purchase` with `Credit: true` (`/purchase/{id}`): a credit card credit, money back onto the
 *   card `AccountRef` (a refund, or a card payment entered as a credit). `type`
 *   "CreditCardCredit" (QBO's name for the form), Debit.
 *
 * Every other Purchase (Cash, Check or CreditCard spending) is an expense (`expenses`) and is left
 * out here, so no QBO record lands in both; bill payments, customer payments and sales receipts
 * have their own entities or none. QBO numbers all transactions in one sequence (no two
 * transactions of any type share an Id: checked over the 170 transaction ids of the Nango sandbox
 * recordings), so the bare Id is unambiguous; `type` says which endpoint holds it. A record's type
 * is read from its shape (`DepositToAccountRef`, `FromAccountRef`, `PaymentType`), as a bare record
 * carries no type name. Deleted ones (change data capture: only Id and status) cannot be told apart
 * from deleted expenses and are left out.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { MappedRecords } from '../../../generated/connectors/index.js';
import type { BankTransactionCreate } from '../../../generated/types/index.js';
import { amount, baseRate, dateTime, text } from '../../lib/values.js';
import {
  isDeleted,
  lastUpdated,
  qboId,
  ref,
  toQboDate,
  unlessNull,
  type QboEntity,
  type QboLinkedTxn,
  type QboRef,
} from '../values.js';
import { expenseLineItem, expenseLines, type QboExpenseLine } from './bills.js';
import { lineClassId } from './tracking_categories.js';

/** A deposit line: money from an account (DepositLineDetail.AccountRef), or a linked payment or
 * sales receipt taken out of Undeposited Funds (LinkedTxn, no account). */
export interface QboDepositLine {
  Id?: string;
  LineNum?: number;
  Description?: string;
  Amount?: number;
  DetailType?: string;
  DepositLineDetail?: {
    AccountRef?: QboRef;
    Entity?: QboRef & { type?: string };
    ClassRef?: QboRef;
    PaymentMethodRef?: QboRef;
    CheckNum?: string;
    TaxCodeRef?: QboRef;
  };
  LinkedTxn?: QboLinkedTxn[];
}

/** A QBO Deposit, Transfer or Purchase, as its API returns it. */
export interface QuickBooksOnlineBankTransaction extends QboEntity {
  TxnDate?: string;
  CurrencyRef?: QboRef;
  ExchangeRate?: number;
  PrivateNote?: string;
  DocNumber?: string;
  TotalAmt?: number;
  /** Deposit. */
  DepositToAccountRef?: QboRef;
  CashBack?: { AccountRef?: QboRef; Amount?: number; Memo?: string };
  /** Deposit lines or, on a Purchase, expense lines. */
  Line?: (QboDepositLine & QboExpenseLine)[];
  /** Transfer. */
  FromAccountRef?: QboRef;
  ToAccountRef?: QboRef;
  Amount?: number;
  /** Purchase. */
  AccountRef?: QboRef;
  PaymentType?: string;
  Credit?: boolean;
  EntityRef?: QboRef & { type?: string };
  TxnTaxDetail?: { TxnTaxCodeRef?: QboRef; TotalTax?: number };
}

type Kind = 'Deposit' | 'Transfer' | 'CreditCardCredit';
type LineItem = NonNullable<MappedRecords['bank_transactions']['line_items']>[number];

/** Which QBO type the record is, from its shape; a Purchase counts only as a card credit. */
function kindOf(raw: QuickBooksOnlineBankTransaction): Kind | 'Purchase' | undefined {
  if (raw.DepositToAccountRef) return 'Deposit';
  if (raw.FromAccountRef || raw.ToAccountRef) return 'Transfer';
  if (raw.PaymentType !== undefined) return raw.Credit === true ? 'CreditCardCredit' : 'Purchase';
  return undefined;
}

function skip(raw: QuickBooksOnlineBankTransaction): string | undefined {
  if (isDeleted(raw))
    return 'deleted on QuickBooks Online (a deleted record does not say whether it was a deposit, transfer or expense)';
  const kind = kindOf(raw);
  if (kind === 'Purchase') return 'a Purchase that spends money: read as an expense (expenses)';
  return kind === undefined ? 'not a Deposit, Transfer or credit card credit' : undefined;
}

/** The bank or card account the transaction is read on. */
function bankAccount(raw: QuickBooksOnlineBankTransaction): string | null {
  switch (kindOf(raw)) {
    case 'Deposit':
      return ref(raw.DepositToAccountRef);
    case 'Transfer':
      return ref(raw.FromAccountRef);
    case 'CreditCardCredit':
      return ref(raw.AccountRef);
    default:
      return null;
  }
}

/** A deposit line: the account the money came from (none for a payment or sales receipt taken
 * out of Undeposited Funds, where the line links the transaction instead). */
function depositLine(line: QboDepositLine, ownerId: string): LineItem {
  const detail = line.DepositLineDetail;
  const classId = ref(detail?.ClassRef);
  return {
    platform_id: text(line.Id),
    line_item_type: 'BankTransaction',
    line_item_type_id: ownerId,
    description: text(line.Description),
    account_id: ref(detail?.AccountRef),
    sub_total: amount(line.Amount),
    tracking_category_ids: classId === null ? [] : [classId],
  };
}

/** Cash kept back from a deposit: a negative line on the account it went to, so that the lines
 * add up to the amount deposited. */
function cashBackLine(raw: QuickBooksOnlineBankTransaction): LineItem[] {
  const back = amount(raw.CashBack?.Amount);
  if (!back) return [];
  return [
    {
      platform_id: null,
      line_item_type: 'BankTransaction',
      line_item_type_id: qboId(raw),
      description: text(raw.CashBack?.Memo),
      account_id: ref(raw.CashBack?.AccountRef),
      sub_total: -back,
      tracking_category_ids: [],
    },
  ];
}

function lineItems(raw: QuickBooksOnlineBankTransaction): LineItem[] {
  switch (kindOf(raw)) {
    case 'Deposit':
      return [...(raw.Line ?? []).map((line) => depositLine(line, qboId(raw))), ...cashBackLine(raw)];
    case 'CreditCardCredit':
      return expenseLines(raw).map((line) =>
        expenseLineItem(line, 'BankTransaction', qboId(raw), raw.TxnTaxDetail?.TxnTaxCodeRef),
      );
    default:
      return [];
  }
}

/** The one customer or vendor a deposit's lines name (DepositLineDetail.Entity); a card credit's
 * payee (EntityRef, unless an employee). Null when none or several. */
function contact(raw: QuickBooksOnlineBankTransaction): string | null {
  if (kindOf(raw) === 'CreditCardCredit') return raw.EntityRef?.type === 'Employee' ? null : ref(raw.EntityRef);
  const ids = new Set(
    (raw.Line ?? []).map((line) => ref(line.DepositLineDetail?.Entity)).filter((id): id is string => id !== null),
  );
  return ids.size === 1 ? ([...ids][0] ?? null) : null;
}

const DIRECTION: Readonly<Record<Kind, 'Debit' | 'Credit'>> = {
  Deposit: 'Debit',
  Transfer: 'Credit',
  CreditCardCredit: 'Debit',
};

export const read = mapRead<'bank_transactions', QuickBooksOnlineBankTransaction>(
  {
    platform_id: qboId,
    account_id: bankAccount,
    from_account_id: (raw) => (kindOf(raw) === 'Transfer' ? ref(raw.FromAccountRef) : null),
    to_account_id: (raw) => (kindOf(raw) === 'Transfer' ? ref(raw.ToAccountRef) : null),
    contact_id: contact,
    transaction_date: (raw) => dateTime(raw.TxnDate),
    amount: (raw) => amount(kindOf(raw) === 'Transfer' ? raw.Amount : raw.TotalAmt),
    type: (raw) => kindOf(raw) ?? null,
    status: notSupported(
      'QBO deposits, transfers and card credits carry no status (reconciliation is not in the Accounting API).',
    ),
    debit_or_credit: (raw) => {
      const kind = kindOf(raw);
      return kind === undefined || kind === 'Purchase' ? 'Unknown' : DIRECTION[kind];
    },
    currency_id: (raw) => ref(raw.CurrencyRef),
    currency_rate: (raw) => baseRate(raw.ExchangeRate, 'base-per-foreign'),
    line_items: lineItems,
    updated_at: lastUpdated,
  },
  { skip },
);

/**
 * The body of POST /v3/company/{realmId}/deposit or /transfer: a body with FromAccountRef and
 * ToAccountRef is a Transfer (posted to /transfer), any other a Deposit.
 */
export interface QuickBooksOnlineBankTransactionRequest {
  /** Deposit. */
  DepositToAccountRef?: QboRef;
  Line?: QboDepositLine[];
  /** Transfer. */
  FromAccountRef?: QboRef;
  ToAccountRef?: QboRef;
  Amount?: number;
  TxnDate?: string;
  CurrencyRef?: QboRef;
  ExchangeRate?: number;
  PrivateNote?: string;
}

/** A body is a transfer when it says so, or names both sides. */
const isTransfer = (body: BankTransactionCreate): boolean =>
  body.type === 'Transfer' || (!!body.from_account_id && !!body.to_account_id);

type RequestLine = NonNullable<BankTransactionCreate['line_items']>[number];

/** A line as a deposit line: money from its account. A negative line (a fee netted out, or cash
 * kept back, which reads as one) stays a negative line; QBO takes those. */
function toDepositLine(line: RequestLine): QboDepositLine {
  const classId = lineClassId(line.tracking_category_ids);
  return {
    Amount: line.sub_total ?? line.total_amount ?? 0,
    DetailType: 'DepositLineDetail',
    ...(line.description ? { Description: line.description } : {}),
    DepositLineDetail: {
      ...(line.account_id ? { AccountRef: { value: line.account_id } } : {}),
      ...(classId ? { ClassRef: { value: classId } } : {}),
    },
  };
}

export const write = mapWrite<'bank_transactions', QuickBooksOnlineBankTransactionRequest>({
  // On a transfer the bank account is the side the money moves on (from for Credit, to for
  // Debit) unless that side is given; on a deposit it is the account deposited to. Money out of
  // an account that is not a transfer is spending: an expense or a bill payment in QBO.
  account_id: (value, body) => {
    if (value === null) return undefined;
    if (isTransfer(body)) {
      if (body.debit_or_credit === 'Debit') return body.to_account_id ? undefined : { ToAccountRef: { value } };
      return body.from_account_id ? undefined : { FromAccountRef: { value } };
    }
    if (body.debit_or_credit === 'Credit')
      throw new Error(
        'QBO records money paid out of a bank account as an expense (Purchase) or bill payment, not as a bank transaction: only deposits and transfers are written',
      );
    return { DepositToAccountRef: { value } };
  },
  amount: (value, body) => (value !== null && isTransfer(body) ? { Amount: value } : undefined),
  contact_id: notSupported(
    'QBO names the payer per deposit line (DepositLineDetail.Entity, with its type), which the unified body does not give.',
  ),
  currency_id: unlessNull((value: string) => ({ CurrencyRef: { value } })),
  currency_rate: unlessNull((value: number) => ({ ExchangeRate: value })),
  // Used to tell a deposit from a transfer and the side of the account; not sent.
  debit_or_credit: () => undefined,
  from_account_id: (value, body) => (value !== null && isTransfer(body) ? { FromAccountRef: { value } } : undefined),
  line_items: (value, body) =>
    isTransfer(body) || value.length === 0 ? undefined : { Line: value.map(toDepositLine) },
  status: notSupported('QBO deposits and transfers have no status to set.'),
  to_account_id: (value, body) => (value !== null && isTransfer(body) ? { ToAccountRef: { value } } : undefined),
  transaction_date: unlessNull((value: string) => ({ TxnDate: toQboDate(value) })),
  // Says deposit or transfer (see isTransfer); not sent.
  type: () => undefined,
});

/**
 * Xero's money in and out of bank accounts: BankTransaction (`/BankTransactions`: spend and
 * receive money, and the cash side of overpayments, prepayments and transfers) and BankTransfer
 * (`/BankTransfers`: money moved between two of the company's bank accounts). Shared by
 * mappings/bank_transactions.ts and mappings/expenses.ts.
 *
 * Which Xero record lands where:
 *
 * | Xero record | bank_transactions | expenses |
 * | --- | --- | --- |
 * | BankTransaction SPEND (spend money) | yes | yes |
 * | RECEIVE (receive money) | yes | no: money in |
 * | RECEIVE-/SPEND-OVERPAYMENT, -PREPAYMENT | yes | no: credit held with a contact, not spending |
 * | RECEIVE-/SPEND-TRANSFER | no: one leg of a BankTransfer, read whole from /BankTransfers | no |
 * | BankTransfer | yes (from_account_id → to_account_id) | no |
 *
 * A spend money transaction is in both entities on purpose: it is a withdrawal from the bank
 * account (bank_transactions lists every movement on an account) and it is what the spec calls
 * an expense (spending paid at the time of purchase, from the account in `account_id`). The two
 * are views of one Xero record, keyed by the same BankTransactionID; Codat files Xero's spend
 * money under direct costs the same way, and Zoho Books lists its expenses among bank
 * transactions too.
 */
import { amount, calendarDay, text } from '../lib/values.js';
import type { XeroLineAmountTypes, XeroLineItem, XeroLineItemRequest } from './documents.js';
import type { XeroTracking } from './values.js';
import { xeroDate } from './values.js';

export interface XeroBankAccountRef {
  AccountID?: string;
  Code?: string;
  Name?: string;
}

export interface XeroBankTransaction {
  BankTransactionID: string;
  Type?: string;
  BankAccount?: XeroBankAccountRef;
  Contact?: { ContactID?: string; Name?: string };
  Reference?: string;
  IsReconciled?: boolean;
  Date?: string;
  DateString?: string;
  Status?: string;
  LineAmountTypes?: XeroLineAmountTypes;
  LineItems?: XeroLineItem[];
  SubTotal?: number;
  TotalTax?: number;
  Total?: number;
  CurrencyCode?: string;
  CurrencyRate?: number;
  PrepaymentID?: string;
  OverpaymentID?: string;
  BatchPayment?: unknown;
  HasAttachments?: boolean;
  UpdatedDateUTC?: string;
}

export interface XeroBankTransfer {
  BankTransferID: string;
  FromBankAccount?: XeroBankAccountRef;
  ToBankAccount?: XeroBankAccountRef;
  Amount?: number | string;
  Date?: string;
  DateString?: string;
  Status?: string;
  CurrencyRate?: number;
  FromBankTransactionID?: string;
  ToBankTransactionID?: string;
  FromIsReconciled?: boolean;
  ToIsReconciled?: boolean;
  Reference?: string;
  HasAttachments?: boolean;
  CreatedDateUTC?: string;
  CreatedDateUTCString?: string;
  FromTracking?: XeroTracking[];
  ToTracking?: XeroTracking[];
}

export function isTransfer(raw: XeroBankTransaction | XeroBankTransfer): raw is XeroBankTransfer {
  return 'BankTransferID' in raw && typeof raw.BankTransferID === 'string';
}

/** Money in (the bank account, an asset, is debited) or out (credited), by Xero's Type. */
export function direction(type: string | undefined): 'Debit' | 'Credit' | 'Unknown' | null {
  if (type === undefined || type === '') return null;
  if (type === 'RECEIVE' || type.startsWith('RECEIVE-')) return 'Debit';
  if (type === 'SPEND' || type.startsWith('SPEND-')) return 'Credit';
  return 'Unknown';
}

/**
 * The calendar day of a Xero transaction: `DateString` as written (`2016-11-12T21:10:00`: a bank
 * transfer entered with a time is still 12 November), else the day of the `/Date(…)/`.
 */
export function transactionDay(raw: { Date?: string; DateString?: string }): string | null {
  return calendarDay(raw.DateString) ?? calendarDay(xeroDate(raw.Date));
}

export function transferAmount(raw: XeroBankTransfer): number | null {
  return amount(raw.Amount);
}

export function reference(raw: XeroBankTransaction): string | null {
  return text(raw.Reference);
}

/** The create body of `PUT /BankTransactions` (one spend or receive money transaction). */
export interface XeroBankTransactionRequest {
  Type?: string;
  BankAccount?: { AccountID: string };
  Contact?: { ContactID: string };
  Date?: string;
  Reference?: string;
  IsReconciled?: boolean;
  CurrencyCode?: string;
  CurrencyRate?: number;
  LineAmountTypes?: XeroLineAmountTypes;
  LineItems?: XeroLineItemRequest[];
}

/** The create body of `PUT /BankTransfers` (one transfer). */
export interface XeroBankTransferRequest {
  FromBankAccount?: { AccountID: string };
  ToBankAccount?: { AccountID: string };
  Amount?: number;
  Date?: string;
  CurrencyRate?: number;
}

/**
 * Xero's Payment object, shared by mappings/invoice_payments.ts (`PaymentType: ACCRECPAYMENT`)
 * and mappings/bill_payments.ts (`ACCPAYPAYMENT`). A Xero payment settles exactly one document;
 * one remittance over several documents is a BatchPayment holding one Payment per document.
 */
import { amount, text } from '../lib/values.js';
import { toXeroDate, xeroDate } from './values.js';

/** The summary of the paid document that a payment embeds. */
export interface XeroPaidDocument {
  Type?: string;
  InvoiceID?: string;
  InvoiceNumber?: string;
  Reference?: string;
  Contact?: { ContactID?: string; Name?: string };
  CurrencyCode?: string;
  LineItems?: unknown[];
}

export interface XeroPayment {
  PaymentID: string;
  BatchPaymentID?: string;
  /** Xero sends TotalAmount and IsReconciled here as strings ("50.00", "false"). */
  BatchPayment?: {
    BatchPaymentID?: string;
    Type?: string;
    Status?: string;
    Date?: string;
    TotalAmount?: string | number;
    IsReconciled?: string | boolean;
    Account?: { AccountID?: string };
    UpdatedDateUTC?: string;
  };
  Date?: string;
  Amount?: number;
  BankAmount?: number;
  Reference?: string;
  CurrencyRate?: number;
  PaymentType?: string;
  Status?: string;
  IsReconciled?: boolean;
  HasAccount?: boolean;
  Account?: { AccountID?: string; Code?: string; Name?: string };
  Invoice?: XeroPaidDocument;
  UpdatedDateUTC?: string;
}

/** Reads common to both kinds of payment. */
export const paymentRead = {
  account_id: (raw: XeroPayment) => text(raw.Account?.AccountID),
  amount: (raw: XeroPayment) => amount(raw.Amount),
  // A payment has no contact of its own: it is the paid document's.
  contact_id: (raw: XeroPayment) => text(raw.Invoice?.Contact?.ContactID),
  // Xero pays a document in the document's currency (BankAmount is in the bank account's).
  currency_id: (raw: XeroPayment) => text(raw.Invoice?.CurrencyCode),
  currency_rate: (raw: XeroPayment) => amount(raw.CurrencyRate),
  document_number: (raw: XeroPayment) => text(raw.Reference),
  document_id: (raw: XeroPayment) => text(raw.Invoice?.InvoiceID),
  payment_date: (raw: XeroPayment) => xeroDate(raw.Date),
  // Payments of one batch share the batch's ID, the ID of the remittance as a whole.
  payment_id: (raw: XeroPayment) => text(raw.BatchPaymentID) ?? raw.PaymentID,
  platform_id: (raw: XeroPayment) => raw.PaymentID,
  updated_at: (raw: XeroPayment) => xeroDate(raw.UpdatedDateUTC),
};

/** The create body of `POST /Payments`, which Xero documents as taking a single Payment. */
export interface XeroPaymentRequest {
  Invoice?: { InvoiceID: string };
  Account?: { AccountID: string };
  Date?: string;
  Amount?: number;
  Reference?: string;
  CurrencyRate?: number;
}

/** Writes common to both kinds of payment (the paid document's rule is each file's own). */
export const paymentWrite = {
  account_id: (id: string | null) => (id ? { Account: { AccountID: id } } : undefined),
  amount: (value: number | null) => (value != null ? { Amount: value } : undefined),
  currency_rate: (rate: number | null) => (rate != null ? { CurrencyRate: rate } : undefined),
  document_number: (reference: string | null) => (reference ? { Reference: reference } : undefined),
  document_id: (id: string | null) => (id ? { Invoice: { InvoiceID: id } } : undefined),
  payment_date: (date: string | null) => (date ? { Date: toXeroDate(date) } : undefined),
};

export const NOT_ON_PAYMENTS = {
  allocations:
    'A Xero payment settles exactly one document (given by its invoice or bill ID); there is no split to report.',
  contact: "Xero takes a payment's contact from the paid document.",
  creditNote:
    'Xero applies credit notes to documents as Allocations of the credit note, not as payments; a payment of this type always pays an invoice or bill.',
  currency: "Xero pays a document in the document's own currency.",
  memo: 'Reference is the only free text on a Xero payment, and it is mapped to document_number.',
  paymentMode: 'Xero records no payment method on a payment.',
};

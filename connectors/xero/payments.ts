/**
 * Xero's Payment object, shared by mappings/invoice_payments.ts (`PaymentType: ACCRECPAYMENT`)
 * and mappings/bill_payments.ts (`ACCPAYPAYMENT`). A Xero payment settles exactly one document;
 * one remittance over several documents is a BatchPayment holding one Payment per document.
 */
import type { InvoicePaymentStatus } from '../../generated/types/invoice_payment.js';
import { amount, enumValue, text } from '../lib/values.js';
import { fromXeroRate, toXeroDate, toXeroRate, xeroDate } from './values.js';

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
  CreditNote?: { CreditNoteID?: string; CreditNoteNumber?: string };
  Prepayment?: { PrepaymentID?: string };
  Overpayment?: { OverpaymentID?: string };
  UpdatedDateUTC?: string;
}

/**
 * What Xero's `/Payments` returns besides payments of invoices and bills: its PaymentType says
 * which kind of document the money settles. Only ACCRECPAYMENT pays a sales invoice and only
 * ACCPAYPAYMENT pays a bill; the others are refunds — cash paid back to a customer (AR…) or
 * received back from a supplier (AP…) out of a credit note, an overpayment or a prepayment — whose
 * `Invoice` summary is that credit note (`Type: ACCRECCREDIT`/`ACCPAYCREDIT`) or overpayment
 * (`AROVERPAYMENT` …), not an invoice or a bill.
 */
const PAYMENT_TYPES: Record<string, string> = {
  ACCRECPAYMENT: 'a payment of a sales invoice',
  ACCPAYPAYMENT: 'a payment of a bill',
  ARCREDITPAYMENT: 'a refund paid to a customer out of a sales credit note',
  APCREDITPAYMENT: 'a refund received from a supplier out of a purchase credit note',
  AROVERPAYMENTPAYMENT: "a refund of a customer's overpayment",
  ARPREPAYMENTPAYMENT: "a refund of a customer's prepayment",
  APOVERPAYMENTPAYMENT: 'a refund received of an overpayment to a supplier',
  APPREPAYMENTPAYMENT: 'a refund received of a prepayment to a supplier',
};

/** The document type each payment type settles (`Invoice.Type` in the payment). */
const DOCUMENT_OF = { ACCRECPAYMENT: 'ACCREC', ACCPAYPAYMENT: 'ACCPAY' } as const;

/**
 * The skip rule of one payment entity: a Xero payment of any other PaymentType is left out with
 * the reason (it is not this entity, and must not be read as a receipt or a bill payment of the
 * credit note it refunds). A payment without PaymentType is judged by the paid document's Type.
 */
export function otherPaymentTypes(wanted: keyof typeof DOCUMENT_OF) {
  return (raw: XeroPayment): string | undefined => {
    const type = text(raw.PaymentType);
    if (type !== null) {
      if (type === wanted) return undefined;
      return `Xero PaymentType ${type} is ${PAYMENT_TYPES[type] ?? 'not a kind of payment ledgerspec knows'}, not ${PAYMENT_TYPES[wanted]}`;
    }
    const document = text(raw.Invoice?.Type);
    if (raw.CreditNote || raw.Prepayment || raw.Overpayment)
      return `the Xero payment settles a credit note, prepayment or overpayment, not ${PAYMENT_TYPES[wanted]}`;
    if (document !== null && document !== DOCUMENT_OF[wanted])
      return `the Xero payment settles a document of Type ${document}, not ${PAYMENT_TYPES[wanted]}`;
    return undefined;
  };
}

type PaymentStatus = NonNullable<InvoicePaymentStatus>;

/** Xero payments are AUTHORISED (live) or DELETED (removed, or reversed by deleting the payment:
 * Xero has no separate void for payments). */
const PAYMENT_STATUSES: Record<string, PaymentStatus> = { AUTHORISED: 'Posted', DELETED: 'Deleted' };

/** Reads common to both kinds of payment. */
export const paymentRead = {
  account_id: (raw: XeroPayment) => text(raw.Account?.AccountID),
  amount: (raw: XeroPayment) => amount(raw.Amount),
  // A payment has no contact of its own: it is the paid document's.
  contact_id: (raw: XeroPayment) => text(raw.Invoice?.Contact?.ContactID),
  // Xero pays a document in the document's currency (BankAmount is in the bank account's).
  currency_id: (raw: XeroPayment) => text(raw.Invoice?.CurrencyCode),
  // Xero quotes the rate as foreign per base; the spec's currency_rate is base per foreign.
  currency_rate: (raw: XeroPayment) => fromXeroRate(raw.CurrencyRate),
  document_number: (raw: XeroPayment) => text(raw.Reference),
  document_id: (raw: XeroPayment) => text(raw.Invoice?.InvoiceID),
  payment_date: (raw: XeroPayment) => xeroDate(raw.Date),
  // Payments of one batch share the batch's ID, the ID of the remittance as a whole.
  payment_id: (raw: XeroPayment) => text(raw.BatchPaymentID) ?? raw.PaymentID,
  platform_id: (raw: XeroPayment) => raw.PaymentID,
  status: (raw: XeroPayment) => enumValue<PaymentStatus>(PAYMENT_STATUSES, raw.Status, 'Unknown'),
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
  currency_rate: (rate: number | null) => {
    const xero = toXeroRate(rate);
    return xero !== undefined ? { CurrencyRate: xero } : undefined;
  },
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

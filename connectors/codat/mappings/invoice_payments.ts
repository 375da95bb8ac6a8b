/**
 * Codat → ledgerspec InvoicePayment (`invoice_payments`).
 *
 * Codat's accounts-receivable `Payment` (`GET /companies/{companyId}/data/payments/{paymentId}`):
 * one payment whose `lines` each carry an amount and `links` to what it settles or draws on. One
 * Codat payment is one record: `payment_id` is its id and `allocations` its lines, one for one
 * (Codat's signs are the spec's). `invoice_id` / `credit_note_id` name the invoice or credit note
 * when the payment involves exactly one (an invoice paid by a credit note and cash appears in two
 * lines but is one invoice).
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import { amount, dateTime, text } from '../../lib/values.js';
import {
  allocations,
  codatDate,
  refundReason,
  isDeleted,
  rate,
  single,
  sourceDate,
  toLines,
  type CodatLine,
  type CodatMetadata,
  type CodatRef,
} from '../values.js';

/** The Codat Payment as its API returns it. */
export interface CodatPayment {
  id: string;
  customerRef?: CodatRef;
  accountRef?: CodatRef;
  paymentMethodRef?: CodatRef;
  totalAmount: number;
  /** An ISO 4217 code, not a reference. */
  currency?: string;
  currencyRate?: number | null;
  /** ISO 8601, without a zone when the platform gives none. */
  date: string;
  note?: string | null;
  lines?: CodatLine[] | null;
  reference?: string | null;
  /** Codat's own sync time. */
  modifiedDate?: string;
  /** When the platform last changed the record. */
  sourceModifiedDate?: string;
  metadata?: CodatMetadata;
}

export const read = mapRead<'invoice_payments', CodatPayment>(
  {
    account_id: (raw) => text(raw.accountRef?.id),
    allocations: (raw) => allocations(raw.lines),
    amount: (raw) => amount(raw.totalAmount),
    contact_id: (raw) => text(raw.customerRef?.id),
    credit_note_id: (raw) => single(raw.lines, 'CreditNote'),
    // Codat names currencies by code; so do the unified currency_id foreign keys of its records.
    currency_id: (raw) => text(raw.currency),
    // Base units per unit of the payment's currency already (see `rate`); null stays null.
    currency_rate: (raw) => rate(raw.currencyRate),
    document_number: (raw) => text(raw.reference),
    invoice_id: (raw) => single(raw.lines, 'Invoice'),
    memo: (raw) => text(raw.note),
    payment_date: (raw) => dateTime(raw.date),
    payment_id: (raw) => raw.id,
    payment_mode: (raw) => text(raw.paymentMethodRef?.name),
    platform_id: (raw) => raw.id,
    // Codat's Payment has no status: a payment is in the books unless metadata flags it deleted
    // (which Codat also uses for platforms that void by soft delete).
    status: (raw) => (isDeleted(raw.metadata) ? 'Deleted' : 'Posted'),
    // sourceModifiedDate is the platform's change time; modifiedDate is only Codat's sync time.
    updated_at: (raw) => sourceDate(raw.sourceModifiedDate),
  },
  {
    // A refund paid to the customer (out of a credit note, an overpayment or money on account) is
    // money paid out: left out, never read as a receipt against the credit note.
    skip: (raw) => refundReason(raw.totalAmount, raw.lines, 'the customer'),
  },
);

/** The body of POST /companies/{companyId}/connections/{connectionId}/push/payments. */
export interface CodatPaymentRequest {
  customerRef?: { id: string };
  accountRef?: { id: string };
  totalAmount?: number;
  currency?: string;
  currencyRate?: number;
  date?: string;
  note?: string;
  reference?: string;
  lines?: CodatLine[];
}

export const write = mapWrite<'invoice_payments', CodatPaymentRequest>({
  account_id: (value) => (value === null ? undefined : { accountRef: { id: value } }),
  allocations: (value, body) => (value.length ? { lines: toLines(value, body.contact_id) } : undefined),
  amount: (value) => (value === null ? undefined : { totalAmount: value }),
  contact_id: (value) => (value === null ? undefined : { customerRef: { id: value } }),
  // A credit note is applied with an amount: only allocations can say how much.
  credit_note_id: (value, body) => {
    if (value === null || body.allocations?.length) return undefined;
    throw new Error('Codat applies a credit note with an amount: send allocations with a CreditNote link');
  },
  currency_id: (value) => (value === null ? undefined : { currency: value }),
  currency_rate: (value) => (value === null ? undefined : { currencyRate: value }),
  document_number: (value) => (value === null ? undefined : { reference: value }),
  // Without allocations, the whole amount pays the invoice.
  invoice_id: (value, body) =>
    value === null || body.allocations?.length
      ? undefined
      : { lines: [{ amount: body.amount ?? 0, links: [{ type: 'Invoice', id: value, amount: -(body.amount ?? 0) }] }] },
  memo: (value) => (value === null ? undefined : { note: value }),
  // The calendar date as written, without a zone (Codat reads it as the business's local date).
  payment_date: (value) => (value === null ? undefined : { date: codatDate(value) }),
  payment_mode: notSupported(
    'Codat takes a payment method id (paymentMethodRef.id), not a name: pass raw_data.paymentMethodRef.',
  ),
});

/**
 * Codat → ledgerspec BillPayment (`bill_payments`).
 *
 * Codat's accounts-payable `BillPayment` (`GET /companies/{companyId}/data/billPayments/{billPaymentId}`):
 * the mirror of its Payment. One Codat bill payment is one record: `payment_id` is its id and
 * `allocations` its lines, one for one (Codat's signs are the spec's: a link amount is the change
 * to the linked document's balance, negative when it reduces what is owed). `bill_id` /
 * `credit_note_id` name the bill or supplier credit note when the payment involves exactly one.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import { amount, dateTime, text } from '../../lib/values.js';
import {
  allocations,
  codatDate,
  isDeleted,
  rate,
  refundReason,
  single,
  sourceDate,
  toLines,
  type CodatLine,
  type CodatMetadata,
  type CodatRef,
} from '../values.js';

/** The Codat BillPayment as its API returns it. */
export interface CodatBillPayment {
  id: string;
  supplierRef?: { id: string; supplierName?: string | null };
  accountRef?: CodatRef;
  paymentMethodRef?: CodatRef;
  totalAmount: number;
  currency?: string;
  currencyRate?: number | null;
  date: string;
  note?: string | null;
  lines?: CodatLine[] | null;
  reference?: string | null;
  modifiedDate?: string;
  sourceModifiedDate?: string;
  metadata?: CodatMetadata;
}

export const read = mapRead<'bill_payments', CodatBillPayment>(
  {
    account_id: (raw) => text(raw.accountRef?.id),
    allocations: (raw) => allocations(raw.lines),
    amount: (raw) => amount(raw.totalAmount),
    bill_id: (raw) => single(raw.lines, 'Bill'),
    contact_id: (raw) => text(raw.supplierRef?.id),
    credit_note_id: (raw) => single(raw.lines, 'CreditNote'),
    currency_id: (raw) => text(raw.currency),
    // Base units per unit of the payment's currency already (see `rate`).
    currency_rate: (raw) => rate(raw.currencyRate),
    document_number: (raw) => text(raw.reference),
    memo: (raw) => text(raw.note),
    payment_date: (raw) => dateTime(raw.date),
    payment_id: (raw) => raw.id,
    payment_mode: (raw) => text(raw.paymentMethodRef?.name),
    platform_id: (raw) => raw.id,
    // Codat's BillPayment has no status: in the books unless metadata flags it deleted (which
    // Codat also uses for platforms that void by soft delete).
    status: (raw) => (isDeleted(raw.metadata) ? 'Deleted' : 'Posted'),
    updated_at: (raw) => sourceDate(raw.sourceModifiedDate),
  },
  {
    // A refund received from the supplier (negative totalAmount: out of a supplier credit note,
    // an overpayment or money on account) is money coming in, not a bill payment.
    skip: (raw) => refundReason(raw.totalAmount, raw.lines, 'from the supplier'),
  },
);

/** The body of POST /companies/{companyId}/connections/{connectionId}/push/billPayments. */
export interface CodatBillPaymentRequest {
  supplierRef?: { id: string };
  accountRef?: { id: string };
  totalAmount?: number;
  currency?: string;
  currencyRate?: number;
  date?: string;
  note?: string;
  reference?: string;
  lines?: CodatLine[];
}

export const write = mapWrite<'bill_payments', CodatBillPaymentRequest>({
  account_id: (value) => (value === null ? undefined : { accountRef: { id: value } }),
  allocations: (value, body) => (value.length ? { lines: toLines(value, body.contact_id, 'payable') } : undefined),
  amount: (value) => (value === null ? undefined : { totalAmount: value }),
  // Without allocations, the whole amount pays the bill.
  bill_id: (value, body) =>
    value === null || body.allocations?.length
      ? undefined
      : { lines: [{ amount: body.amount ?? 0, links: [{ type: 'Bill', id: value, amount: -(body.amount ?? 0) }] }] },
  contact_id: (value) => (value === null ? undefined : { supplierRef: { id: value } }),
  // A credit note is applied with an amount: only allocations can say how much.
  credit_note_id: (value, body) => {
    if (value === null || body.allocations?.length) return undefined;
    throw new Error('Codat applies a supplier credit note with an amount: send allocations with a CreditNote link');
  },
  currency_id: (value) => (value === null ? undefined : { currency: value }),
  currency_rate: (value) => (value === null ? undefined : { currencyRate: value }),
  document_number: (value) => (value === null ? undefined : { reference: value }),
  memo: (value) => (value === null ? undefined : { note: value }),
  // The calendar date as written, without a zone (Codat reads it as the business's local date).
  payment_date: (value) => (value === null ? undefined : { date: codatDate(value) }),
  payment_mode: notSupported(
    'Codat takes a payment method id (paymentMethodRef.id), not a name: pass raw_data.paymentMethodRef.',
  ),
});

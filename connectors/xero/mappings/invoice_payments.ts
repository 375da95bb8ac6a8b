/**
 * Xero → ledgerspec InvoicePayment (`invoice_payments`): Xero's Payment with
 * `PaymentType: ACCRECPAYMENT` (a customer paying a sales invoice).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import {
  NOT_ON_PAYMENTS,
  otherPaymentTypes,
  paymentRead,
  paymentWrite,
  type XeroPayment,
  type XeroPaymentRequest,
} from '../payments.js';

export const read = mapRead<'invoice_payments', XeroPayment>(
  {
    account_id: paymentRead.account_id,
    allocations: notSupported(NOT_ON_PAYMENTS.allocations),
    amount: paymentRead.amount,
    contact_id: paymentRead.contact_id,
    credit_note_id: notSupported(NOT_ON_PAYMENTS.creditNote),
    currency_id: paymentRead.currency_id,
    currency_rate: paymentRead.currency_rate,
    document_number: paymentRead.document_number,
    invoice_id: paymentRead.document_id,
    memo: notSupported(NOT_ON_PAYMENTS.memo),
    payment_date: paymentRead.payment_date,
    payment_id: paymentRead.payment_id,
    payment_mode: notSupported(NOT_ON_PAYMENTS.paymentMode),
    platform_id: paymentRead.platform_id,
    status: paymentRead.status,
    updated_at: paymentRead.updated_at,
  },
  // /Payments also lists refunds out of credit notes, overpayments and prepayments: not invoice payments.
  { skip: otherPaymentTypes('ACCRECPAYMENT') },
);

export const write = mapWrite<'invoice_payments', XeroPaymentRequest>({
  account_id: paymentWrite.account_id,
  allocations: notSupported(NOT_ON_PAYMENTS.allocations),
  amount: paymentWrite.amount,
  contact_id: notSupported(NOT_ON_PAYMENTS.contact),
  credit_note_id: notSupported(NOT_ON_PAYMENTS.creditNote),
  currency_id: notSupported(NOT_ON_PAYMENTS.currency),
  currency_rate: paymentWrite.currency_rate,
  document_number: paymentWrite.document_number,
  invoice_id: paymentWrite.document_id,
  memo: notSupported(NOT_ON_PAYMENTS.memo),
  payment_date: paymentWrite.payment_date,
  payment_mode: notSupported(NOT_ON_PAYMENTS.paymentMode),
});

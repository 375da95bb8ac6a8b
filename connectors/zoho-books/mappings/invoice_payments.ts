/**
 * Zoho Books customer payment → ledgerspec InvoicePayment (`invoice_payments`), and the unified
 * Create body → `POST /customerpayments`.
 *
 * Zoho returns customer payments in several shapes, all read here:
 * - the payment (`GET /customerpayments/{payment_id}`, key `payment`): `invoices[]`, each with
 *   `amount_applied` and its own `invoice_payment_id`, what is left on the customer's account
 *   (`unused_amount`) and what was refunded out of it (`amount_refunded`);
 * - an invoice's payments (`GET /invoices/{invoice_id}/payments`): one row per (payment × invoice),
 *   `invoice_id` and `invoice_payment_id` on the row itself;
 * - the payment list (`GET /customerpayments`): no customer, account or split;
 * - a customer's unused retainer payments (prepayments, `GET /contacts/{id}/…`): `unused_amount`.
 *
 * A Zoho payment maps onto one unified record:
 * - applied to exactly one invoice: the (payment × invoice) row of the spec, keyed by that
 *   application's `invoice_payment_id` when Zoho sends one, with `invoice_id` set (seed 002's
 *   form: its `platform_id` …726003 is the application, `payment_id` …726001 the payment);
 * - applied to none or to several: the payment as a whole, keyed by `payment_id`, `invoice_id`
 *   null; which invoices it pays is in `allocations`.
 * `amount` is always the whole payment and `allocations` the full split Zoho reports (one line per
 * invoice, one Refund line for what was refunded, one PaymentOnAccount line for the unused amount).
 *
 * The same endpoints also return records that are not payments received, and are left out (read
 * them elsewhere, never as a payment): refunds of a payment (`payment_refund_id`), credit note
 * refunds (`creditnote_refund_id`, money paid to the customer out of a credit note), and credits
 * applied to an invoice (`creditnotes_invoice_id`, read with invoice_credit_notes).
 */
import type { AllocationLine } from '../../../generated/types/index.js';
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import { amount, enumValue, list } from '../../lib/values.js';
import { paymentAllocations } from '../transactions.js';
import { dateField, field, zohoDateTime, zohoId, zohoRate, zohoText } from '../values.js';

/** One invoice a customer payment is applied to. */
export interface ZohoBooksPaymentInvoice {
  invoice_id?: string | number;
  invoice_payment_id?: string | number;
  invoice_number?: string;
  amount_applied?: number;
  /** The day the amount was applied, when later than the payment; `""` otherwise. */
  apply_date?: string;
}

/** A Zoho Books customer payment in any of the shapes above (IDs are numbers in some documented
 * samples): the fields mapped, and those that tell other records apart. */
export interface ZohoBooksInvoicePayment {
  payment_id?: string | number;
  payment_number?: string | number;
  customer_id?: string | number;
  payment_mode?: string;
  date?: string;
  account_id?: string | number;
  currency_id?: string | number;
  exchange_rate?: number;
  amount?: number;
  unused_amount?: number;
  /** What was paid back to the customer out of this payment. */
  amount_refunded?: number;
  /** `success`, or `failure` for a card payment the gateway declined. */
  status?: string;
  description?: string;
  reference_number?: string | number;
  invoices?: ZohoBooksPaymentInvoice[];
  /** An invoice's payment rows: the invoice and the application on the row itself. */
  invoice_id?: string | number;
  invoice_payment_id?: string | number;
  updated_time?: string;
  last_modified_time?: string;
  /** Present on the records of other kinds the same endpoints return. */
  payment_refund_id?: string | number;
  creditnote_refund_id?: string | number;
  creditnotes_invoice_id?: string | number;
}

/**
 * Zoho's built-in payment modes are lower-case codes; the unified field holds the name Zoho shows
 * (seed 002: "Cash"). Custom modes ("Debit Card") are already names and pass through.
 */
const PAYMENT_MODE_NAMES: Readonly<Record<string, string>> = {
  cash: 'Cash',
  check: 'Check',
  creditcard: 'Credit Card',
  banktransfer: 'Bank Transfer',
  bankremittance: 'Bank Remittance',
  autotransaction: 'Auto Transaction',
  others: 'Others',
};

/** Spellings Zoho's documentation also shows for the same modes. */
const PAYMENT_MODE_ALIASES: Readonly<Record<string, string>> = {
  bank_transfer: 'Bank Transfer',
  credit_card: 'Credit Card',
};

const PAYMENT_MODE_CODES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(PAYMENT_MODE_NAMES).map(([code, name]) => [name.toLowerCase(), code]),
);

/** The payment's state: Zoho records a payment only once it is made, so a payment without a
 * status is live; a card payment the gateway declined (`failure`) never counted. */
const PAYMENT_STATUS = { success: 'Posted', failure: 'Void' } as const;

/** Why a record one of the payment endpoints returned is not a payment received. */
function otherKind(raw: ZohoBooksInvoicePayment): string | undefined {
  if (raw.payment_refund_id !== undefined)
    return 'a refund of a customer payment (money paid back to the customer), not a payment received';
  if (raw.creditnote_refund_id !== undefined)
    return 'a credit note refund (money paid to the customer out of a credit note), not a payment received';
  if (raw.creditnotes_invoice_id !== undefined)
    return 'credit from a credit note applied to an invoice (read with invoice_credit_notes), not a payment';
  if (raw.payment_id === undefined) return 'no payment_id: not a customer payment';
  return undefined;
}

/** The invoices the payment is applied to: `invoices[]`, or the invoice of an invoice's payment row. */
function applications(raw: ZohoBooksInvoicePayment): ZohoBooksPaymentInvoice[] {
  if (Array.isArray(raw.invoices)) return raw.invoices;
  if (zohoText(raw.invoice_id) === null) return [];
  return [{ invoice_id: raw.invoice_id, invoice_payment_id: raw.invoice_payment_id, amount_applied: raw.amount }];
}

function singleInvoice(raw: ZohoBooksInvoicePayment): ZohoBooksPaymentInvoice | null {
  const invoices = applications(raw);
  return invoices.length === 1 ? (invoices[0] as ZohoBooksPaymentInvoice) : null;
}

/** The full split (see `paymentAllocations`): the invoices, what was refunded (the refund's own
 * date is on the refund record, not on the payment) and the unused amount. */
function allocations(raw: ZohoBooksInvoicePayment): AllocationLine[] {
  const splitGiven = Array.isArray(raw.invoices) || zohoText(raw.invoice_id) !== null;
  const refunded = amount(raw.amount_refunded);
  return paymentAllocations({
    amount: amount(raw.amount),
    date: zohoDateTime(raw.date),
    documentType: 'Invoice',
    documents: splitGiven
      ? applications(raw).flatMap((invoice) => {
          const applied = amount(invoice.amount_applied);
          return applied === null
            ? []
            : [{ amount: applied, id: zohoText(invoice.invoice_id), on: zohoDateTime(invoice.apply_date) }];
        })
      : null,
    refunds: refunded === null ? [] : [{ amount: refunded, id: null, on: null }],
    unused: amount(raw.unused_amount),
  });
}

export const read = mapRead<'invoice_payments', ZohoBooksInvoicePayment>(
  {
    platform_id: (raw) => zohoText(singleInvoice(raw)?.invoice_payment_id) ?? zohoId(raw.payment_id),
    payment_id: (raw) => zohoText(raw.payment_id),
    invoice_id: (raw) => zohoText(singleInvoice(raw)?.invoice_id),
    account_id: (raw) => zohoText(raw.account_id),
    allocations: (raw) => allocations(raw),
    amount: (raw) => amount(raw.amount),
    contact_id: (raw) => zohoText(raw.customer_id),
    credit_note_id: notSupported(
      'Zoho records credits applied to invoices on the credit note (invoices_credited[]), never on a customer payment.',
    ),
    currency_id: (raw) => zohoText(raw.currency_id),
    currency_rate: (raw) => zohoRate(raw.exchange_rate),
    // The customer's reference when one was recorded, else Zoho's own payment number (as bill_payments).
    document_number: (raw) => zohoText(raw.reference_number) ?? zohoText(raw.payment_number),
    memo: (raw) => zohoText(raw.description),
    payment_date: (raw) => zohoDateTime(raw.date),
    payment_mode: (raw) => {
      const mode = zohoText(raw.payment_mode);
      return mode === null ? null : (PAYMENT_MODE_NAMES[mode] ?? PAYMENT_MODE_ALIASES[mode] ?? mode);
    },
    status: (raw) => enumValue(PAYMENT_STATUS, raw.status, 'Unknown') ?? 'Posted',
    updated_at: (raw) => zohoDateTime(raw.updated_time ?? raw.last_modified_time),
  },
  { skip: otherKind },
);

/** The body of `POST /books/v3/customerpayments`. */
export interface ZohoBooksInvoicePaymentRequest {
  customer_id?: string;
  payment_mode?: string;
  amount?: number;
  date?: string;
  reference_number?: string;
  description?: string;
  invoices?: { invoice_id: string; amount_applied: number }[];
  exchange_rate?: number;
  account_id?: string;
}

/** The invoices an allocation list pays: its Invoice links, applied by their (positive) amount. */
function appliedInvoices(lines: AllocationLine[]): { invoice_id: string; amount_applied: number }[] {
  return lines.flatMap((line) =>
    list(line.links)
      .filter((link) => link.type === 'Invoice' && link.id)
      .map((link) => ({ invoice_id: link.id as string, amount_applied: Math.abs(link.amount ?? line.amount ?? 0) })),
  );
}

export const write = mapWrite<'invoice_payments', ZohoBooksInvoicePaymentRequest>({
  account_id: (value) => field('account_id', value),
  // Zoho's `invoices` is required, so it is always sent (empty: a payment kept on account).
  allocations: (value) => ({ invoices: appliedInvoices(value) }),
  amount: (value) => field('amount', value),
  contact_id: (value) => field('customer_id', value),
  credit_note_id: notSupported(
    'Zoho applies credit notes to invoices from the credit note (POST /creditnotes/{id}/invoices), not in a payment.',
  ),
  currency_id: notSupported("Zoho takes a customer payment in the customer's currency; the request has no currency."),
  // Zoho's exchange_rate is base per foreign, the unified direction: sent as it is.
  currency_rate: (value) => field('exchange_rate', value),
  document_number: (value) => field('reference_number', value),
  // Without allocations naming invoices, the one invoice is paid with the whole amount.
  invoice_id: (value, body) =>
    value === null || appliedInvoices(body.allocations ?? []).length > 0
      ? undefined
      : { invoices: [{ invoice_id: value, amount_applied: body.amount ?? 0 }] },
  memo: (value) => field('description', value),
  payment_date: (value) => dateField('date', value),
  payment_mode: (value) =>
    value === null ? undefined : { payment_mode: PAYMENT_MODE_CODES[value.toLowerCase()] ?? value },
});

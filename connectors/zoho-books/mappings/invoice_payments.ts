/**
 * Zoho Books customer payment (`GET /customerpayments/{payment_id}`, key `payment`) → ledgerspec
 * InvoicePayment (`invoice_payments`), and the unified Create body → `POST /customerpayments`.
 *
 * One Zoho payment can pay several invoices (`invoices[]`, each with `amount_applied` and its own
 * `invoice_payment_id`) and keep an unused part on the customer's account (`unused_amount`). It
 * maps onto one unified record:
 * - applied to exactly one invoice: the (payment × invoice) row of the spec, keyed by that
 *   application's `invoice_payment_id`, with `invoice_id` set (seed 002's form: its `platform_id`
 *   …726003 is the application, `payment_id` …726001 the payment);
 * - applied to none or to several: the payment as a whole, keyed by `payment_id`, `invoice_id`
 *   null; which invoices it pays is in `allocations`.
 * `amount` is always the whole payment and `allocations` always the full split (one line per
 * invoice, plus one PaymentOnAccount line for the unused amount), so nothing is lost either way.
 */
import type { AllocationLine } from '../../../generated/types/index.js';
import { mapRead, mapWrite, notSupported, todo } from '../../../generated/connectors/index.js';
import { amount, list } from '../../lib/values.js';
import { dateField, field, zohoDateTime, zohoRate, zohoText } from '../values.js';

/** One invoice a customer payment is applied to. */
export interface ZohoBooksPaymentInvoice {
  invoice_id: string;
  invoice_payment_id?: string;
  invoice_number?: string;
  amount_applied: number;
  /** The day the amount was applied, when later than the payment; `""` otherwise. */
  apply_date?: string;
}

/** The Zoho Books customer payment as its API returns it: the fields mapped. */
export interface ZohoBooksInvoicePayment {
  payment_id: string;
  payment_number?: string;
  customer_id?: string;
  payment_mode?: string;
  date?: string;
  account_id?: string;
  currency_id?: string;
  exchange_rate?: number;
  amount?: number;
  unused_amount?: number;
  description?: string;
  reference_number?: string;
  invoices?: ZohoBooksPaymentInvoice[];
  updated_time?: string;
  last_modified_time?: string;
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

const PAYMENT_MODE_CODES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(PAYMENT_MODE_NAMES).map(([code, name]) => [name.toLowerCase(), code]),
);

function singleInvoice(raw: ZohoBooksInvoicePayment): ZohoBooksPaymentInvoice | null {
  const invoices = list(raw.invoices);
  return invoices.length === 1 ? (invoices[0] as ZohoBooksPaymentInvoice) : null;
}

/** Zoho applies a payment only to invoices in the payment's own currency, so each link's rate
 * to the payment's currency is 1. Applying reduces what is owed: the link amount is negative. */
function allocations(raw: ZohoBooksInvoicePayment): AllocationLine[] {
  const paidOn = zohoDateTime(raw.date);
  const lines: AllocationLine[] = list(raw.invoices).map((invoice) => ({
    amount: amount(invoice.amount_applied),
    allocated_on_date: zohoDateTime(invoice.apply_date) ?? paidOn,
    links: [{ type: 'Invoice', id: zohoText(invoice.invoice_id), amount: negate(amount(invoice.amount_applied)), currency_rate: 1 }],
  }));
  const unused = amount(raw.unused_amount) ?? 0;
  if (unused !== 0) {
    lines.push({
      amount: unused,
      allocated_on_date: paidOn,
      links: [{ type: 'PaymentOnAccount', id: null, amount: -unused, currency_rate: 1 }],
    });
  }
  return lines;
}

function negate(value: number | null): number | null {
  return value === null ? null : -value;
}

export const read = mapRead<'invoice_payments', ZohoBooksInvoicePayment>({
  platform_id: (raw) => zohoText(singleInvoice(raw)?.invoice_payment_id) ?? raw.payment_id,
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
    return mode === null ? null : (PAYMENT_MODE_NAMES[mode] ?? mode);
  },
  status: todo("Whether the payment counts in the books: Posted (live), Draft (saved, not yet posted), Void (cancelled but kept, its amounts no longer count), Deleted (removed on the platform; platforms that report deletions return it once so readers can drop it), or Unknown when the platform's state does not map. A voided or deleted payment is never read as a live one."),
  updated_at: (raw) => zohoDateTime(raw.updated_time ?? raw.last_modified_time),
});

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
  account_id: (value) => (value === null ? undefined : { account_id: value }),
  // Zoho's `invoices` is required, so it is always sent (empty: a payment kept on account).
  allocations: (value) => ({ invoices: appliedInvoices(value) }),
  amount: (value) => (value === null ? undefined : { amount: value }),
  contact_id: (value) => (value === null ? undefined : { customer_id: value }),
  credit_note_id: notSupported('Zoho applies credit notes to invoices from the credit note (POST /creditnotes/{id}/invoices), not in a payment.'),
  currency_id: notSupported("Zoho takes a customer payment in the customer's currency; the request has no currency."),
  currency_rate: (value) => (value === null ? undefined : { exchange_rate: value }),
  document_number: (value) => (value === null ? undefined : { reference_number: value }),
  // Without allocations naming invoices, the one invoice is paid with the whole amount.
  invoice_id: (value, body) =>
    value === null || appliedInvoices(body.allocations ?? []).length > 0
      ? undefined
      : { invoices: [{ invoice_id: value, amount_applied: body.amount ?? 0 }] },
  memo: (value) => (value === null ? undefined : { description: value }),
  payment_date: (value) => dateField('date', value),
  payment_mode: (value) => (value === null ? undefined : { payment_mode: PAYMENT_MODE_CODES[value.toLowerCase()] ?? value }),
});

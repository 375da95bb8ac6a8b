/**
 * Zoho Books vendor payment (`GET /vendorpayments/{payment_id}`, key `vendorpayment`;
 * `POST /vendorpayments`) → ledgerspec BillPayment (`bill_payments`).
 *
 * Unified bill payments are rows of (payment × bill). Zoho's payment lists the bills it pays in
 * `bills[]`, each application with its own `bill_payment_id`: a payment of one bill is that row
 * (keyed by `bill_payment_id`); a payment of none (a vendor advance) or of several is keyed by
 * `payment_id` with `bill_id` null. A bill's payments (`GET /bills/{bill_id}/payments`) are such
 * rows already, `bill_id` and `bill_payment_id` on the row. `allocations` carries the full split
 * Zoho reports: bills, refunds received back from the vendor, and the unused balance.
 *
 * A refund of a vendor payment (`vendorpayment_refund_id`: money the vendor paid back) is not a
 * payment made, and is left out.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { AllocationLine } from '../../../generated/types/index.js';
import { amount, list } from '../../lib/values.js';
import { paymentAllocations } from '../transactions.js';
import { dateField, field, zohoDateTime, zohoId, zohoList, zohoRate, zohoText } from '../values.js';

/** One bill the payment is applied to. */
interface ZohoBillApplication {
  bill_payment_id?: string | number;
  bill_id?: string | number;
  amount_applied?: number;
  /** When the amount was applied; `""` or absent when applied with the payment. */
  apply_date?: string;
}

/** A refund the vendor made out of the payment. */
interface ZohoVendorPaymentRefund {
  vendorpayment_refund_id?: string | number;
  date?: string;
  /** In the payment's currency. */
  amount_fcy?: number;
  amount?: number;
}

/** The payment under `vendorpayment` in Zoho's response (the create response has it at the top
 * level), a row of the payment list, or a row of a bill's payments. */
export interface ZohoBooksVendorPayment {
  payment_id?: string | number;
  payment_number?: string | number;
  vendor_id?: string | number;
  payment_mode?: string;
  description?: string;
  date?: string;
  reference_number?: string | number;
  exchange_rate?: number;
  amount?: number;
  /** The part not applied to any bill (a vendor advance). */
  balance?: number;
  currency_id?: string | number;
  paid_through_account_id?: string | number;
  bills?: ZohoBillApplication[];
  vendorpayment_refunds?: ZohoVendorPaymentRefund[];
  /** A bill's payment rows: the bill and the application on the row itself. */
  bill_id?: string | number;
  bill_payment_id?: string | number;
  last_modified_time?: string;
  /** Present on a refund of a vendor payment. */
  vendorpayment_refund_id?: string | number;
}

/** The bills the payment is applied to: `bills[]`, or the bill of a bill's payment row. */
function applications(raw: ZohoBooksVendorPayment): ZohoBillApplication[] {
  if (Array.isArray(raw.bills)) return raw.bills;
  if (zohoText(raw.bill_id) === null) return [];
  return [{ bill_id: raw.bill_id, bill_payment_id: raw.bill_payment_id, amount_applied: raw.amount }];
}

/** The one bill this payment settles, when it settles exactly one. */
function onlyBill(raw: ZohoBooksVendorPayment): ZohoBillApplication | undefined {
  const bills = applications(raw);
  return bills.length === 1 ? bills[0] : undefined;
}

/** The full split (see `paymentAllocations`): the bills (applied with the payment unless Zoho
 * gives a later apply_date), each refund the vendor made, and the unused balance. */
function allocations(raw: ZohoBooksVendorPayment): AllocationLine[] {
  const splitGiven = Array.isArray(raw.bills) || zohoText(raw.bill_id) !== null;
  return paymentAllocations({
    amount: amount(raw.amount),
    date: zohoDateTime(raw.date),
    documentType: 'Bill',
    documents: splitGiven
      ? applications(raw).flatMap((bill) => {
          const applied = amount(bill.amount_applied);
          return applied === null
            ? []
            : [{ amount: applied, id: zohoText(bill.bill_id), on: zohoDateTime(bill.apply_date) }];
        })
      : null,
    refunds: zohoList(raw.vendorpayment_refunds).flatMap((refund) => {
      const refunded = amount(refund.amount_fcy) ?? amount(refund.amount);
      return refunded === null
        ? []
        : [{ amount: refunded, id: zohoText(refund.vendorpayment_refund_id), on: zohoDateTime(refund.date) }];
    }),
    unused: amount(raw.balance),
  });
}

export const read = mapRead<'bill_payments', ZohoBooksVendorPayment>(
  {
    platform_id: (raw) => zohoText(onlyBill(raw)?.bill_payment_id) ?? zohoId(raw.payment_id),
    payment_id: (raw) => zohoText(raw.payment_id),
    bill_id: (raw) => zohoText(onlyBill(raw)?.bill_id),
    credit_note_id: notSupported(
      'Zoho applies vendor credits to bills from the vendor credit (POST /vendorcredits/{id}/bills), not through a vendor payment.',
    ),
    account_id: (raw) => zohoText(raw.paid_through_account_id),
    contact_id: (raw) => zohoText(raw.vendor_id),
    currency_id: (raw) => zohoText(raw.currency_id),
    amount: (raw) => amount(raw.amount),
    currency_rate: (raw) => zohoRate(raw.exchange_rate),
    payment_date: (raw) => zohoDateTime(raw.date),
    payment_mode: (raw) => zohoText(raw.payment_mode),
    // The vendor's reference when one was recorded, else Zoho's own payment number.
    document_number: (raw) => zohoText(raw.reference_number) ?? zohoText(raw.payment_number),
    memo: (raw) => zohoText(raw.description),
    allocations,
    // Zoho records a vendor payment only once it is made (no drafts; removing one deletes it).
    status: () => 'Posted',
    updated_at: (raw) => zohoDateTime(raw.last_modified_time),
  },
  {
    skip: (raw) =>
      raw.vendorpayment_refund_id !== undefined
        ? 'a refund of a vendor payment (money the vendor paid back), not a payment made'
        : raw.payment_id === undefined
          ? 'no payment_id: not a vendor payment'
          : undefined,
  },
);

/** `POST /vendorpayments` body. */
export interface ZohoBooksVendorPaymentRequest {
  vendor_id?: string;
  bills?: { bill_id: string; amount_applied: number }[];
  date?: string;
  exchange_rate?: number;
  amount?: number;
  paid_through_account_id?: string;
  payment_mode?: string;
  description?: string;
  reference_number?: string;
}

/** The bills paid according to the allocations (amounts as positive applications). */
function billsOf(lines: AllocationLine[]): { bill_id: string; amount_applied: number }[] {
  return lines.flatMap((line) =>
    list(line.links).flatMap((link) => {
      const applied = link.amount === null || link.amount === undefined ? line.amount : Math.abs(link.amount);
      return link.type === 'Bill' && link.id && typeof applied === 'number'
        ? [{ bill_id: link.id, amount_applied: applied }]
        : [];
    }),
  );
}

export const write = mapWrite<'bill_payments', ZohoBooksVendorPaymentRequest>({
  contact_id: (id) => field('vendor_id', id),
  account_id: (id) => field('paid_through_account_id', id),
  amount: (value) => field('amount', value),
  currency_rate: (rate) => field('exchange_rate', rate),
  payment_date: (date) => dateField('date', date),
  payment_mode: (mode) => field('payment_mode', mode),
  document_number: (number) => field('reference_number', number),
  memo: (memo) => field('description', memo),
  // allocations say which bills get how much; bill_id alone pays the whole amount to one bill.
  allocations: (lines) => {
    const bills = billsOf(lines);
    return bills.length > 0 ? { bills } : undefined;
  },
  bill_id: (id, body) =>
    id && billsOf(list(body.allocations)).length === 0 && typeof body.amount === 'number'
      ? { bills: [{ bill_id: id, amount_applied: body.amount }] }
      : undefined,
  currency_id: notSupported("A vendor payment is in the vendor's currency; Zoho takes no currency_id for it."),
  credit_note_id: notSupported(
    'Zoho applies vendor credits to bills from the vendor credit (POST /vendorcredits/{id}/bills), not through a vendor payment.',
  ),
});

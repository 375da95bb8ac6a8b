/**
 * Zoho Books vendor payment (`GET /vendorpayments/{payment_id}`, key `vendorpayment`;
 * `POST /vendorpayments`) → ledgerspec BillPayment (`bill_payments`).
 *
 * Unified bill payments are rows of (payment × bill). Zoho's payment lists the bills it pays in
 * `bills[]`, each application with its own `bill_payment_id`: a payment of one bill is that row
 * (keyed by `bill_payment_id`); a payment of none (a vendor advance) or of several is keyed by
 * `payment_id` with `bill_id` null. `allocations` always carries the full split.
 */
import { mapRead, mapWrite, notSupported, todo } from '../../../generated/connectors/index.js';
import type { AllocationLine } from '../../../generated/types/index.js';
import { amount, list } from '../../lib/values.js';
import { dateField, field, zohoDateTime, zohoRate, zohoText } from '../values.js';

/** One bill the payment is applied to. */
interface ZohoBillApplication {
  bill_payment_id?: string;
  bill_id?: string;
  amount_applied?: number;
  /** When the amount was applied; `""` or absent when applied with the payment. */
  apply_date?: string;
}

/** The payment under `vendorpayment` in Zoho's response. */
export interface ZohoBooksVendorPayment {
  payment_id: string;
  payment_number?: string;
  vendor_id?: string;
  payment_mode?: string;
  description?: string;
  date?: string;
  reference_number?: string;
  exchange_rate?: number;
  amount?: number;
  /** The part not applied to any bill (a vendor advance). */
  balance?: number;
  currency_id?: string;
  paid_through_account_id?: string;
  bills?: ZohoBillApplication[];
  last_modified_time?: string;
}

/** The one bill this payment settles, when it settles exactly one. */
function onlyBill(raw: ZohoBooksVendorPayment): ZohoBillApplication | undefined {
  const bills = list(raw.bills);
  return bills.length === 1 ? bills[0] : undefined;
}

/**
 * One allocation per bill (the payment's money reducing what is owed on it, hence the negative
 * link amount) and one for what is left on account. Zoho pays a bill only in its own currency, so
 * link rates are 1.
 */
function allocations(raw: ZohoBooksVendorPayment): AllocationLine[] {
  const lines: AllocationLine[] = list(raw.bills).map((bill) => {
    const applied = amount(bill.amount_applied);
    return {
      amount: applied,
      allocated_on_date: zohoDateTime(bill.apply_date),
      links: [{ type: 'Bill', id: zohoText(bill.bill_id), amount: applied === null ? null : -applied, currency_rate: 1 }],
    };
  });
  const unused = amount(raw.balance);
  if (unused !== null && unused > 0) {
    lines.push({
      amount: unused,
      allocated_on_date: null,
      links: [{ type: 'PaymentOnAccount', id: null, amount: -unused, currency_rate: 1 }],
    });
  }
  return lines;
}

export const read = mapRead<'bill_payments', ZohoBooksVendorPayment>({
  platform_id: (raw) => zohoText(onlyBill(raw)?.bill_payment_id) ?? raw.payment_id,
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
  status: todo("Whether the payment counts in the books: Posted (live), Draft (saved, not yet posted), Void (cancelled but kept, its amounts no longer count), Deleted (removed on the platform; platforms that report deletions return it once so readers can drop it), or Unknown when the platform's state does not map. A voided or deleted payment is never read as a live one."),
  updated_at: (raw) => zohoDateTime(raw.last_modified_time),
});

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
      return link.type === 'Bill' && link.id && typeof applied === 'number' ? [{ bill_id: link.id, amount_applied: applied }] : [];
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

/**
 * QuickBooks Online → ledgerspec PurchaseOrder (`purchase_orders`).
 *
 * QBO `PurchaseOrder` (`/v3/company/{realmId}/purchaseorder/{id}`): an expense document like the
 * bill (item-based and account-based lines) that posts nothing. `POStatus` is Open or Closed: Open
 * (sent, awaiting goods or a bill) is Submitted; Closed (fully billed, or closed by hand) says
 * nothing about payment and maps to Unknown. The bills (and purchases) that took it over are its
 * `LinkedTxn`. `Memo` is the message printed for the vendor (read as the description); QBO's
 * `DueDate` is when payment is due, not delivery. `ShipAddr` is the delivery address; `VendorAddr`
 * (the vendor's, where the order is sent) is neither billing nor delivery and is typed Unknown.
 * Deleted orders (change data capture) are left out, as invoices and bills are.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import { amount, baseRate, dateTime, enumValue, text } from '../../lib/values.js';
import {
  address,
  isDeleted,
  lastUpdated,
  qboId,
  ref,
  toAddress,
  toQboDate,
  unlessNull,
  type QboAddress,
  type QboEntity,
  type QboLinkedTxn,
  type QboRef,
} from '../values.js';
import { expenseLineItem, expenseLines, toExpenseLine, type QboExpenseLine } from './bills.js';

/** The QBO PurchaseOrder as its API returns it. */
export interface QuickBooksOnlinePurchaseOrder extends QboEntity {
  DocNumber?: string;
  TxnDate?: string;
  DueDate?: string;
  POStatus?: string;
  CurrencyRef?: QboRef;
  ExchangeRate?: number;
  VendorRef?: QboRef;
  APAccountRef?: QboRef;
  Memo?: string;
  PrivateNote?: string;
  VendorAddr?: QboAddress;
  ShipAddr?: QboAddress;
  LinkedTxn?: QboLinkedTxn[];
  Line?: QboExpenseLine[];
  TxnTaxDetail?: { TotalTax?: number; TxnTaxCodeRef?: QboRef };
  TotalAmt?: number;
}

const STATUSES = { Open: 'Submitted', Closed: 'Unknown' } as const;

export const read = mapRead<'purchase_orders', QuickBooksOnlinePurchaseOrder>(
  {
    addresses: (raw) => [...address(raw.ShipAddr, 'Shipping'), ...address(raw.VendorAddr, 'Unknown')],
    bill_ids: (raw) => (raw.LinkedTxn ?? []).filter((txn) => txn.TxnType === 'Bill').map((txn) => String(txn.TxnId)),
    contact_id: (raw) => ref(raw.VendorRef),
    currency_id: (raw) => ref(raw.CurrencyRef),
    currency_rate: (raw) => baseRate(raw.ExchangeRate, 'base-per-foreign'),
    delivery_date: notSupported(
      'A QBO purchase order has no expected delivery date (its DueDate is when payment is due).',
    ),
    description: (raw) => text(raw.Memo) ?? text(raw.PrivateNote),
    document_number: (raw) => text(raw.DocNumber),
    line_items: (raw) =>
      expenseLines(raw).map((line) =>
        expenseLineItem(line, 'PurchaseOrder', qboId(raw), raw.TxnTaxDetail?.TxnTaxCodeRef),
      ),
    payment_mode: notSupported('A QBO purchase order does not say how the vendor will be paid.'),
    platform_id: qboId,
    posted_date: (raw) => dateTime(raw.TxnDate),
    status: (raw) => enumValue(STATUSES, raw.POStatus, 'Unknown'),
    sub_total: (raw) => (raw.Line ? expenseLines(raw).reduce((total, line) => total + (line.Amount ?? 0), 0) : null),
    tax_amount: (raw) => amount(raw.TxnTaxDetail?.TotalTax),
    total_amount: (raw) => amount(raw.TotalAmt),
    total_discount: notSupported('QBO purchase orders have no discount.'),
    updated_at: lastUpdated,
  },
  {
    skip: (raw) =>
      isDeleted(raw) ? 'deleted on QuickBooks Online (the unified purchase order has no Deleted status)' : undefined,
  },
);

/** The body of POST /v3/company/{realmId}/purchaseorder. */
export interface QuickBooksOnlinePurchaseOrderRequest {
  VendorRef?: QboRef;
  DocNumber?: string;
  TxnDate?: string;
  POStatus?: string;
  CurrencyRef?: QboRef;
  ExchangeRate?: number;
  Memo?: string;
  ShipAddr?: QboAddress;
  VendorAddr?: QboAddress;
  TxnTaxDetail?: { TotalTax?: number };
  Line?: QboExpenseLine[];
}

export const write = mapWrite<'purchase_orders', QuickBooksOnlinePurchaseOrderRequest>({
  // The delivery address is ShipAddr; any other goes to VendorAddr (one of each).
  addresses: (value) => {
    const shipping = value.find((entry) => entry.type === 'Shipping');
    const other = value.find((entry) => entry.type !== 'Shipping');
    return {
      ...(shipping ? { ShipAddr: toAddress(shipping) } : {}),
      ...(other ? { VendorAddr: toAddress(other) } : {}),
    };
  },
  bill_ids: notSupported(
    "QBO links a bill to a purchase order from the bill's lines (Line[].LinkedTxn), not on the order.",
  ),
  contact_id: unlessNull((value: string) => ({ VendorRef: { value } })),
  currency_id: unlessNull((value: string) => ({ CurrencyRef: { value } })),
  currency_rate: unlessNull((value: number) => ({ ExchangeRate: value })),
  delivery_date: notSupported('A QBO purchase order has no expected delivery date.'),
  description: unlessNull((value: string) => ({ Memo: value })),
  document_number: unlessNull((value: string) => ({ DocNumber: value })),
  line_items: (value) => ({ Line: value.map(toExpenseLine) }),
  payment_mode: notSupported('A QBO purchase order does not say how the vendor will be paid.'),
  posted_date: unlessNull((value: string) => ({ TxnDate: toQboDate(value) })),
  // Submitted is an Open order; QBO takes no other status when an order is created.
  status: (value) => (value === 'Submitted' ? { POStatus: 'Open' } : undefined),
  sub_total: notSupported('QBO computes the order total from the lines.'),
  tax_amount: notSupported("QBO computes the tax on purchase orders from the lines' tax codes."),
  total_amount: notSupported('QBO computes TotalAmt from the lines.'),
  total_discount: notSupported('QBO purchase orders have no discount.'),
});

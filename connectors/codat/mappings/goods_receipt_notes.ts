/**
 * Codat → ledgerspec GoodsReceiptNote (`goods_receipt_notes`).
 *
 * Codat's Item receipt (`GET /companies/{companyId}/connections/{connectionId}/data/itemReceipts/{itemReceiptId}`,
 * data type `itemReceipts`): "the receipt of items into a SMB's inventory. It links to a purchase
 * order and acts as an acknowledgement of items received" (also called purchase receipt or PO
 * receiver). The supplier, the purchase orders, a reference, the received date, a note, status
 * (Unknown, Draft, Received, Rejected, Void), currency and rate, `subTotal` (excluding tax) and
 * `totalAmount` (including tax), and lines with an item, account, quantity, unit amount, sub-total
 * and total, each linked to its purchase order line. Read only: Codat has no push for item receipts.
 *
 * Codat gives no tax field on an item receipt or its lines: the tax is what `totalAmount`
 * ("including tax") adds to `subTotal` ("excluding any taxes"). Nor any discount: the
 * sub-totals are read as they are and total_discount is not supported.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import type { LineItem } from '../../../generated/types/index.js';
import { amount, calendarDay, compact, text } from '../../lib/values.js';
import { lineItems, type CodatLineItem, type CodatRefId } from '../lines.js';
import { isDeleted, rate, sourceDate, type CodatMetadata } from '../values.js';

/** One line of a Codat item receipt. */
export interface CodatItemReceiptLine extends CodatLineItem {
  lineNumber?: string | null;
  unitOfMeasurement?: string | null;
  purchaseOrderLineRef?: { id?: string | null; dataType?: string | null; lineNumber?: string | null } | null;
}

/** Codat's Item receipt as its API returns it. */
export interface CodatItemReceipt {
  id: string;
  reference?: string | null;
  supplierRef?: (CodatRefId & { supplierName?: string | null }) | null;
  purchaseOrderRefs?: ({ id?: string | null; purchaseOrderNumber?: string | null } | null)[] | null;
  receivedDate?: string | null;
  note?: string | null;
  status?: string | null;
  currency?: string | null;
  currencyRate?: number | null;
  subTotal?: number | null;
  totalAmount?: number | null;
  lineItems?: CodatItemReceiptLine[] | null;
  modifiedDate?: string | null;
  sourceModifiedDate?: string | null;
  metadata?: CodatMetadata | null;
}

/** What `totalAmount` (including tax) adds to `subTotal` (excluding it), rounded back to cents'
 * precision; null unless both are there. */
function taxOf(subTotal: unknown, total: unknown): number | null {
  const sub = amount(subTotal);
  const whole = amount(total);
  return sub === null || whole === null ? null : Math.round((whole - sub) * 1e8) / 1e8;
}

function lines(raw: CodatItemReceipt): LineItem[] {
  const all = raw.lineItems ?? [];
  return lineItems(all, { type: 'GoodsReceiptNote', tax: null }).map((line, index) => ({
    ...line,
    tax_amount: taxOf(all[index]?.subTotal, all[index]?.totalAmount),
    // Item receipt lines have no discount field.
    total_discount: null,
  }));
}

export const read = mapRead<'goods_receipt_notes', CodatItemReceipt>({
  platform_id: (raw) => raw.id,
  contact_id: (raw) => text(raw.supplierRef?.id),
  purchase_order_ids: (raw) => [...new Set(compact((raw.purchaseOrderRefs ?? []).map((ref) => text(ref?.id))))],
  document_number: (raw) => text(raw.reference),
  // Codat's one date: the day the items were received, which is also the receipt's transaction
  // date in the books (QuickBooks' and NetSuite's item receipts post on it).
  posted_date: (raw) => calendarDay(raw.receivedDate),
  delivery_date: (raw) => calendarDay(raw.receivedDate),
  description: (raw) => text(raw.note),
  payment_mode: notSupported("Codat's item receipt has no payment terms: the supplier is paid against the bill."),
  currency_id: (raw) => text(raw.currency),
  currency_rate: (raw) => rate(raw.currencyRate),
  // Codat's own status names; a record deleted on the platform is Void (Codat's Void includes deleted).
  status: (raw) => (isDeleted(raw.metadata) ? 'Void' : text(raw.status)),
  sub_total: (raw) => amount(raw.subTotal),
  tax_amount: (raw) => taxOf(raw.subTotal, raw.totalAmount),
  total_discount: notSupported("Codat's item receipt has no discount, on the receipt or its lines."),
  total_amount: (raw) => amount(raw.totalAmount),
  line_items: (raw) => lines(raw),
  updated_at: (raw) => sourceDate(raw.sourceModifiedDate),
});

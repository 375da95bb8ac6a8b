/**
 * Zoho purchase receive (`GET /purchasereceives/{receive_id}`, key `purchasereceive`; Books
 * organisations with inventory, and Zoho Inventory) → ledgerspec GoodsReceiptNote
 * (`goods_receipt_notes`). Books has no goods receipt note of its own; a purchase receive records
 * the quantities delivered against one purchase order, without prices, so the money fields have
 * no counterpart.
 */
import type { LineItem } from '../../../generated/types/index.js';
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import { amount } from '../../lib/values.js';
import { zohoDateTime, zohoId, zohoIds, zohoList, zohoText } from '../values.js';

/** One received line: an item and a quantity, no rate or tax. */
export interface ZohoBooksPurchaseReceiveLine {
  line_item_id: string | number;
  item_id?: string | number;
  name?: string;
  description?: string;
  quantity?: number;
}

/** The Zoho purchase receive as its API returns it: the fields mapped. */
export interface ZohoBooksGoodsReceiptNote {
  receive_id: string | number;
  receive_number?: string;
  purchaseorder_id?: string | number;
  date?: string;
  vendor_id?: string | number;
  notes?: string;
  line_items?: ZohoBooksPurchaseReceiveLine[];
  last_modified_time?: string;
}

const NO_PRICES =
  'A Zoho purchase receive records quantities only; prices, tax and currency are on the purchase order and the bill.';

function lineItems(raw: ZohoBooksGoodsReceiptNote): LineItem[] {
  return zohoList(raw.line_items).map((line) => ({
    platform_id: zohoText(line.line_item_id),
    line_item_type: 'GoodsReceiptNote',
    line_item_type_id: zohoText(raw.receive_id),
    item_id: zohoText(line.item_id),
    description: zohoText(line.description) ?? zohoText(line.name),
    quantity: amount(line.quantity),
  }));
}

export const read = mapRead<'goods_receipt_notes', ZohoBooksGoodsReceiptNote>({
  platform_id: (raw) => zohoId(raw.receive_id),
  contact_id: (raw) => zohoText(raw.vendor_id),
  currency_id: notSupported(NO_PRICES),
  currency_rate: notSupported(NO_PRICES),
  // The receive's date is the day the goods arrived, and the day it is recorded.
  delivery_date: (raw) => zohoDateTime(raw.date),
  description: (raw) => zohoText(raw.notes),
  document_number: (raw) => zohoText(raw.receive_number),
  line_items: (raw) => lineItems(raw),
  payment_mode: notSupported('A purchase receive carries no payment terms; the vendor is paid against the bill.'),
  posted_date: (raw) => zohoDateTime(raw.date),
  purchase_order_ids: (raw) => zohoIds([raw.purchaseorder_id]),
  status: notSupported(
    'A purchase receive has no status: it exists once goods are received (partial receipt shows on the purchase order).',
  ),
  sub_total: notSupported(NO_PRICES),
  tax_amount: notSupported(NO_PRICES),
  total_amount: notSupported(NO_PRICES),
  total_discount: notSupported(NO_PRICES),
  updated_at: (raw) => zohoDateTime(raw.last_modified_time),
});

/**
 * Zoho Books item (`GET /items/{item_id}`, key `item`) → ledgerspec Item (`items`), and the
 * unified Create body → `POST /items`.
 *
 * Zoho says what an item is with two fields: `product_type` (`goods`, `service`,
 * `digital_service`) and `item_type` (`sales`, `purchases`, `sales_and_purchases`, `inventory`),
 * the second also saying on which side it is used. Inventory items are bought and sold.
 */
import type { ItemDetail } from '../../../generated/types/index.js';
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import { amount } from '../../lib/values.js';
import { zohoDateTime, zohoId, zohoText } from '../values.js';

/** The Zoho Books item as its API returns it: the fields mapped. */
export interface ZohoBooksItem {
  item_id: string | number;
  name?: string;
  status?: string;
  description?: string;
  sku?: string;
  product_type?: string;
  item_type?: string;
  rate?: number;
  account_id?: string | number;
  tax_id?: string | number;
  purchase_description?: string;
  purchase_rate?: number;
  purchase_account_id?: string | number;
  /** Only in editions with separate purchase taxes. */
  purchase_tax_id?: string | number;
  stock_on_hand?: number;
  last_modified_time?: string;
}

type ItemType = 'Inventory' | 'NonInventory' | 'Service' | 'Unknown';

const SOLD = new Set(['sales', 'sales_and_purchases', 'inventory']);
const BOUGHT = new Set(['purchases', 'sales_and_purchases', 'inventory']);

function itemType(raw: ZohoBooksItem): ItemType | null {
  if (raw.item_type === 'inventory') return 'Inventory';
  if (raw.product_type === 'service' || raw.product_type === 'digital_service') return 'Service';
  if (raw.product_type === 'goods') return 'NonInventory';
  return raw.product_type || raw.item_type ? 'Unknown' : null;
}

function usedOn(set: Set<string>, raw: ZohoBooksItem): boolean | null {
  return raw.item_type ? set.has(raw.item_type) : null;
}

export const read = mapRead<'items', ZohoBooksItem>({
  platform_id: (raw) => zohoId(raw.item_id),
  name: (raw) => zohoText(raw.name),
  code: (raw) => zohoText(raw.sku),
  description: (raw) => zohoText(raw.description),
  status: (raw) =>
    raw.status === 'active' ? 'Active' : raw.status === 'inactive' ? 'Archived' : raw.status ? 'Unknown' : null,
  type: (raw) => itemType(raw),
  is_invoice_item: (raw) => usedOn(SOLD, raw),
  is_bill_item: (raw) => usedOn(BOUGHT, raw),
  // The sales side is the item's own account, tax and rate; it is null on purchase-only items.
  invoice_item: (raw): ItemDetail | null =>
    usedOn(SOLD, raw) === false
      ? null
      : {
          account_id: zohoText(raw.account_id),
          description: zohoText(raw.description),
          tax_id: zohoText(raw.tax_id),
          unit_price: amount(raw.rate),
        },
  bill_item: (raw): ItemDetail | null =>
    usedOn(BOUGHT, raw) === false
      ? null
      : {
          account_id: zohoText(raw.purchase_account_id),
          description: zohoText(raw.purchase_description),
          tax_id: zohoText(raw.purchase_tax_id),
          unit_price: amount(raw.purchase_rate),
        },
  // Zoho sends stock only for inventory items.
  quantity_on_hand: (raw) => amount(raw.stock_on_hand),
  updated_at: (raw) => zohoDateTime(raw.last_modified_time),
});

/** The body of `POST /books/v3/items`. */
export interface ZohoBooksItemRequest {
  name?: string;
  rate?: number;
  description?: string;
  sku?: string;
  product_type?: string;
  item_type?: string;
  account_id?: string;
  tax_id?: string;
  purchase_description?: string;
  purchase_rate?: number;
  purchase_account_id?: string;
}

/** `item_type` from the unified type and the two sides the item is used on. */
function zohoItemType(body: {
  type?: ItemType | null;
  is_invoice_item?: boolean | null;
  is_bill_item?: boolean | null;
}): string | undefined {
  if (body.type === 'Inventory') return 'inventory';
  const sold = body.is_invoice_item ?? null;
  const bought = body.is_bill_item ?? null;
  if (sold && bought) return 'sales_and_purchases';
  if (sold) return 'sales';
  if (bought) return 'purchases';
  return undefined;
}

function itemTypePart(body: Parameters<typeof zohoItemType>[0]): { item_type: string } | undefined {
  const itemType = zohoItemType(body);
  return itemType === undefined ? undefined : { item_type: itemType };
}

const PRODUCT_TYPES: Readonly<Record<string, string>> = {
  Inventory: 'goods',
  NonInventory: 'goods',
  Service: 'service',
};

export const write = mapWrite<'items', ZohoBooksItemRequest>({
  name: (value) => (value === null ? undefined : { name: value }),
  code: (value) => (value === null ? undefined : { sku: value }),
  description: (value) => (value === null ? undefined : { description: value }),
  // `type`, `is_invoice_item` and `is_bill_item` together make `item_type`.
  // Each is sent by the first of them the body has, so `item_type` is written once.
  type: (value, body) => ({
    ...(value && PRODUCT_TYPES[value] ? { product_type: PRODUCT_TYPES[value] } : {}),
    ...itemTypePart(body),
  }),
  is_invoice_item: (_value, body) => (body.type === undefined ? itemTypePart(body) : undefined),
  is_bill_item: (_value, body) =>
    body.type === undefined && body.is_invoice_item === undefined ? itemTypePart(body) : undefined,
  // Zoho requires `rate`: the sales price.
  invoice_item: (value) =>
    value === null
      ? undefined
      : {
          ...(typeof value.unit_price === 'number' ? { rate: value.unit_price } : {}),
          ...(value.account_id ? { account_id: value.account_id } : {}),
          ...(value.tax_id ? { tax_id: value.tax_id } : {}),
        },
  bill_item: (value) =>
    value === null
      ? undefined
      : {
          ...(typeof value.unit_price === 'number' ? { purchase_rate: value.unit_price } : {}),
          ...(value.account_id ? { purchase_account_id: value.account_id } : {}),
          ...(value.description ? { purchase_description: value.description } : {}),
        },
  quantity_on_hand: notSupported(
    'Zoho sets opening stock per location (locations[].initial_stock), not as a quantity on the item.',
  ),
  status: notSupported(
    'Zoho creates items active; marking one inactive is a separate call (POST /items/{id}/inactive).',
  ),
});

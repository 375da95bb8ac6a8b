/**
 * QuickBooks Online → ledgerspec Item (`items`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, mapWrite, notSupported, todo } from '../../../generated/connectors/index.js';

/** The QuickBooks Online record as its API returns it. Declare the fields you map. */
export interface QuickBooksOnlineItem {
  [field: string]: unknown;
}

export const read = mapRead<'items', QuickBooksOnlineItem>({
  bill_item: todo("The item's purchase details (default expense account, tax rate, description and cost)."),
  code: todo("The item's code, SKU or reference, as used on the platform."),
  description: todo('A free-text description of the item.'),
  invoice_item: todo("The item's sales details (default income account, tax rate, description and price)."),
  is_bill_item: todo('Whether the item is purchased, that is, can be used on bills and purchase orders.'),
  is_invoice_item: todo('Whether the item is sold, that is, can be used on invoices and sales orders.'),
  name: todo("The item's name."),
  platform_id: todo("The accounting platform's ID for this item."),
  quantity_on_hand: todo('The quantity in stock, for inventory items.'),
  status: todo('Whether the item is in use (Active), retired (Archived), or Unknown when the platform does not say.'),
  type: todo(
    'What kind of item it is: stock the platform tracks (Inventory), a product bought or sold without stock tracking (NonInventory), a Service, or Unknown when the type does not map.',
  ),
  updated_at: todo('When the item was last changed on the accounting platform.'),
});

/** The body QuickBooks Online expects when one is created. Declare the fields you send. */
export interface QuickBooksOnlineItemRequest {
  [field: string]: unknown;
}

export const write = mapWrite<'items', QuickBooksOnlineItemRequest>({
  bill_item: todo("The item's purchase details (default expense account, tax rate, description and cost)."),
  code: todo("The item's code, SKU or reference, as used on the platform."),
  description: todo('A free-text description of the item.'),
  invoice_item: todo("The item's sales details (default income account, tax rate, description and price)."),
  is_bill_item: todo('Whether the item is purchased, that is, can be used on bills and purchase orders.'),
  is_invoice_item: todo('Whether the item is sold, that is, can be used on invoices and sales orders.'),
  name: todo("The item's name."),
  quantity_on_hand: todo('The quantity in stock, for inventory items.'),
  status: todo('Whether the item is in use (Active), retired (Archived), or Unknown when the platform does not say.'),
  type: todo(
    'What kind of item it is: stock the platform tracks (Inventory), a product bought or sold without stock tracking (NonInventory), a Service, or Unknown when the type does not map.',
  ),
});

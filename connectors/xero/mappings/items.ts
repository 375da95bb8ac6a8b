/**
 * Xero → ledgerspec Item (`items`): Xero's Item (`GET /Items/{ItemID}`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { ItemDetail } from '../../../generated/types/index.js';
import { amount, flag, text } from '../../lib/values.js';
import { xeroDate } from '../values.js';

/** Xero's `Purchase` object, used for both PurchaseDetails and SalesDetails. */
export interface XeroItemDetails {
  UnitPrice?: number;
  AccountCode?: string;
  COGSAccountCode?: string;
  TaxType?: string;
}

export interface XeroItem {
  ItemID: string;
  Code?: string;
  Name?: string;
  Description?: string;
  PurchaseDescription?: string;
  PurchaseDetails?: XeroItemDetails;
  SalesDetails?: XeroItemDetails;
  IsTrackedAsInventory?: boolean;
  InventoryAssetAccountCode?: string;
  TotalCostPool?: number;
  QuantityOnHand?: number;
  IsSold?: boolean;
  IsPurchased?: boolean;
  UpdatedDateUTC?: string;
  ValidationErrors?: unknown[];
}

/**
 * One side of the item. Xero names the side's default account by its code only (AccountCode,
 * COGSAccountCode), never by AccountID, so `account_id` is left out. A side the item is not
 * bought or sold on is null (Xero empties its details then).
 */
function detail(
  active: boolean | undefined,
  details: XeroItemDetails | undefined,
  description: string | undefined,
): ItemDetail | null {
  if (active === false) return null;
  return { description: text(description), tax_id: text(details?.TaxType), unit_price: amount(details?.UnitPrice) };
}

const NO_STATUS = 'Xero items have no status; they are deleted, not archived.';

export const read = mapRead<'items', XeroItem>({
  bill_item: (raw) => detail(raw.IsPurchased, raw.PurchaseDetails, raw.PurchaseDescription),
  code: (raw) => text(raw.Code),
  // Description is the sales description; an item only bought has only a purchase description.
  description: (raw) => text(raw.Description) ?? text(raw.PurchaseDescription),
  invoice_item: (raw) => detail(raw.IsSold, raw.SalesDetails, raw.Description),
  is_bill_item: (raw) => flag(raw.IsPurchased),
  is_invoice_item: (raw) => flag(raw.IsSold),
  name: (raw) => text(raw.Name),
  platform_id: (raw) => raw.ItemID,
  quantity_on_hand: (raw) => amount(raw.QuantityOnHand),
  status: notSupported(NO_STATUS),
  // Xero does not tell services from goods; an untracked item is bought or sold without stock.
  type: (raw) =>
    raw.IsTrackedAsInventory === undefined ? null : raw.IsTrackedAsInventory ? 'Inventory' : 'NonInventory',
  updated_at: (raw) => xeroDate(raw.UpdatedDateUTC),
});

/** The create body of `PUT /Items` in its single-record form (Xero requires Code). */
export interface XeroItemRequest {
  Code?: string;
  Name?: string;
  Description?: string;
  PurchaseDescription?: string;
  IsSold?: boolean;
  IsPurchased?: boolean;
  PurchaseDetails?: XeroItemDetails;
  SalesDetails?: XeroItemDetails;
}

/** Price and tax of one side; the default account is not sent (Xero wants its code). */
function toXeroDetails(unified: ItemDetail): XeroItemDetails | undefined {
  const details: XeroItemDetails = {};
  if (unified.unit_price != null) details.UnitPrice = unified.unit_price;
  if (unified.tax_id) details.TaxType = unified.tax_id;
  return Object.keys(details).length > 0 ? details : undefined;
}

export const write = mapWrite<'items', XeroItemRequest>({
  bill_item: (side) => {
    if (!side) return undefined;
    const details = toXeroDetails(side);
    return {
      ...(side.description ? { PurchaseDescription: side.description } : {}),
      ...(details ? { PurchaseDetails: details } : {}),
    };
  },
  code: (code) => (code ? { Code: code } : undefined),
  description: (description) => (description ? { Description: description } : undefined),
  invoice_item: (side) => {
    if (!side) return undefined;
    const details = toXeroDetails(side);
    return {
      ...(side.description ? { Description: side.description } : {}),
      ...(details ? { SalesDetails: details } : {}),
    };
  },
  is_bill_item: (value) => (value != null ? { IsPurchased: value } : undefined),
  is_invoice_item: (value) => (value != null ? { IsSold: value } : undefined),
  name: (name) => (name ? { Name: name } : undefined),
  quantity_on_hand: notSupported(
    'Xero changes the quantity on hand only through bills, invoices and inventory adjustments.',
  ),
  status: notSupported(NO_STATUS),
  type: notSupported(
    'Xero tracks an item as inventory when InventoryAssetAccountCode and PurchaseDetails.COGSAccountCode (account codes) are sent; pass them in raw_data.',
  ),
});

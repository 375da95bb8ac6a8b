/**
 * QuickBooks Online → ledgerspec Item (`items`).
 *
 * QBO `Item` (`/v3/company/{realmId}/item/{id}`). An item is sold when it has an income account
 * and bought when it has an expense account ("I purchase this from a vendor"): those accounts, with
 * the sales (Description, UnitPrice) and purchase (PurchaseDesc, PurchaseCost) details, fill
 * invoice_item and bill_item.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { MappedRecords } from '../../../generated/connectors/index.js';
import { amount, enumValue, flag, text } from '../../lib/values.js';
import { lastUpdated, lineTaxId, qboId, ref, unlessNull, type QboEntity, type QboRef } from '../values.js';

/** The QBO Item as its API returns it. */
export interface QuickBooksOnlineItem extends QboEntity {
  Name?: string;
  Sku?: string;
  Description?: string;
  Active?: boolean;
  FullyQualifiedName?: string;
  Taxable?: boolean;
  UnitPrice?: number;
  Type?: string;
  IncomeAccountRef?: QboRef;
  PurchaseDesc?: string;
  PurchaseCost?: number;
  ExpenseAccountRef?: QboRef;
  AssetAccountRef?: QboRef;
  SalesTaxCodeRef?: QboRef;
  PurchaseTaxCodeRef?: QboRef;
  TrackQtyOnHand?: boolean;
  QtyOnHand?: number;
  InvStartDate?: string;
}

type ItemType = NonNullable<MappedRecords['items']['type']>;

/** QBO `Type`; Group (bundles) and Category are not items one sells on their own. */
const TYPES: Readonly<Record<string, ItemType>> = {
  Inventory: 'Inventory',
  NonInventory: 'NonInventory',
  Service: 'Service',
};

export const read = mapRead<'items', QuickBooksOnlineItem>({
  bill_item: (raw) =>
    raw.ExpenseAccountRef
      ? {
          account_id: ref(raw.ExpenseAccountRef),
          description: text(raw.PurchaseDesc),
          tax_id: lineTaxId(raw.PurchaseTaxCodeRef, null),
          unit_price: amount(raw.PurchaseCost),
        }
      : null,
  code: (raw) => text(raw.Sku),
  description: (raw) => text(raw.Description),
  invoice_item: (raw) =>
    raw.IncomeAccountRef
      ? {
          account_id: ref(raw.IncomeAccountRef),
          description: text(raw.Description),
          tax_id: lineTaxId(raw.SalesTaxCodeRef, null),
          unit_price: amount(raw.UnitPrice),
        }
      : null,
  is_bill_item: (raw) => raw.ExpenseAccountRef !== undefined,
  is_invoice_item: (raw) => raw.IncomeAccountRef !== undefined,
  name: (raw) => text(raw.Name),
  platform_id: qboId,
  // QtyOnHand means something only when QBO tracks the quantity.
  quantity_on_hand: (raw) => (raw.TrackQtyOnHand ? amount(raw.QtyOnHand) : null),
  status: (raw) => (flag(raw.Active) === null ? null : raw.Active ? 'Active' : 'Archived'),
  type: (raw) => enumValue(TYPES, raw.Type, 'Unknown'),
  updated_at: lastUpdated,
});

/** The body of POST /v3/company/{realmId}/item. Inventory items also need AssetAccountRef and
 * InvStartDate, which the unified model has no fields for: send them in raw_data. */
export interface QuickBooksOnlineItemRequest {
  Name?: string;
  Sku?: string;
  Type?: string;
  Description?: string;
  Active?: boolean;
  UnitPrice?: number;
  IncomeAccountRef?: QboRef;
  SalesTaxCodeRef?: QboRef;
  PurchaseDesc?: string;
  PurchaseCost?: number;
  ExpenseAccountRef?: QboRef;
  PurchaseTaxCodeRef?: QboRef;
  TrackQtyOnHand?: boolean;
  QtyOnHand?: number;
}

type Detail = NonNullable<MappedRecords['items']['invoice_item']>;

export const write = mapWrite<'items', QuickBooksOnlineItemRequest>({
  bill_item: unlessNull((value: Detail) => ({
    ...(value.account_id ? { ExpenseAccountRef: { value: value.account_id } } : {}),
    ...(value.description ? { PurchaseDesc: value.description } : {}),
    ...(value.tax_id ? { PurchaseTaxCodeRef: { value: value.tax_id } } : {}),
    ...(typeof value.unit_price === 'number' ? { PurchaseCost: value.unit_price } : {}),
  })),
  code: unlessNull((value: string) => ({ Sku: value })),
  description: unlessNull((value: string) => ({ Description: value })),
  // The sales description is the item's Description; `description` above sets it.
  invoice_item: unlessNull((value: Detail) => ({
    ...(value.account_id ? { IncomeAccountRef: { value: value.account_id } } : {}),
    ...(value.tax_id ? { SalesTaxCodeRef: { value: value.tax_id } } : {}),
    ...(typeof value.unit_price === 'number' ? { UnitPrice: value.unit_price } : {}),
  })),
  is_bill_item: notSupported('QBO has no such flag: an item is bought when bill_item gives it an expense account.'),
  is_invoice_item: notSupported('QBO has no such flag: an item is sold when invoice_item gives it an income account.'),
  name: unlessNull((value: string) => ({ Name: value })),
  quantity_on_hand: unlessNull((value: number) => ({ TrackQtyOnHand: true, QtyOnHand: value })),
  status: (value) => (value === 'Archived' ? { Active: false } : undefined),
  type: (value) =>
    value === 'Inventory' || value === 'NonInventory' || value === 'Service' ? { Type: value } : undefined,
});

/**
 * Codat → ledgerspec Item (`items`).
 *
 * Codat's Item (`GET /companies/{companyId}/data/items/{itemId}`): a product or service with a
 * purchase side (`billItem`) and a sales side (`invoiceItem`), each with a description, unit
 * price, account and tax rate. Codat maps every Xero item's status as Unknown (Xero's API does not
 * say), which is read as is.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { Item, ItemDetail } from '../../../generated/types/index.js';
import { amount, enumValue, flag, text } from '../../lib/values.js';
import { taxRateId, type CodatRefId } from '../lines.js';
import { isDeleted, sourceDate, type CodatMetadata } from '../values.js';

/** One side (purchase or sales) of a Codat item. */
export interface CodatItemDetail {
  description?: string | null;
  unitPrice?: number | null;
  accountRef?: CodatRefId | null;
  taxRateRef?: (CodatRefId & { effectiveTaxRate?: number | null }) | null;
}

/** The Codat Item as its API returns it. */
export interface CodatItem {
  id: string;
  name?: string | null;
  code?: string | null;
  itemStatus?: string | null;
  type?: string | null;
  isBillItem?: boolean | null;
  billItem?: CodatItemDetail | null;
  isInvoiceItem?: boolean | null;
  invoiceItem?: CodatItemDetail | null;
  modifiedDate?: string;
  sourceModifiedDate?: string;
  metadata?: CodatMetadata;
}

const STATUSES: Readonly<Record<string, NonNullable<Item['status']>>> = {
  Active: 'Active',
  Archived: 'Archived',
  Unknown: 'Unknown',
};
const TYPES: Readonly<Record<string, NonNullable<Item['type']>>> = {
  Inventory: 'Inventory',
  NonInventory: 'NonInventory',
  Service: 'Service',
  Unknown: 'Unknown',
};

function detail(raw: CodatItemDetail | null | undefined): ItemDetail | null {
  if (!raw) return null;
  return {
    account_id: text(raw.accountRef?.id),
    tax_id: taxRateId(raw.taxRateRef),
    description: text(raw.description),
    unit_price: amount(raw.unitPrice),
  };
}

function toDetail(value: ItemDetail): CodatItemDetail {
  return {
    ...(value.description != null ? { description: value.description } : {}),
    ...(value.unit_price != null ? { unitPrice: value.unit_price } : {}),
    ...(value.account_id ? { accountRef: { id: value.account_id } } : {}),
    ...(value.tax_id ? { taxRateRef: { id: value.tax_id } } : {}),
  };
}

const NO_DESCRIPTION = "Codat's item has descriptions only on its purchase and sales sides (bill_item, invoice_item).";
const NO_STOCK = "Codat's item has no quantity on hand.";

export const read = mapRead<'items', CodatItem>({
  bill_item: (raw) => detail(raw.billItem),
  code: (raw) => text(raw.code),
  description: notSupported(NO_DESCRIPTION),
  invoice_item: (raw) => detail(raw.invoiceItem),
  is_bill_item: (raw) => flag(raw.isBillItem),
  is_invoice_item: (raw) => flag(raw.isInvoiceItem),
  name: (raw) => text(raw.name),
  platform_id: (raw) => raw.id,
  quantity_on_hand: notSupported(NO_STOCK),
  // An item deleted on the platform (Codat keeps returning it, flagged) is no longer in use.
  status: (raw) => (isDeleted(raw.metadata) ? 'Archived' : enumValue(STATUSES, raw.itemStatus, 'Unknown')),
  type: (raw) => enumValue(TYPES, raw.type, 'Unknown'),
  updated_at: (raw) => sourceDate(raw.sourceModifiedDate),
});

/** The body of POST /companies/{companyId}/connections/{connectionId}/push/items. */
export interface CodatItemRequest {
  name?: string;
  code?: string;
  itemStatus?: string;
  type?: string;
  isBillItem?: boolean;
  billItem?: CodatItemDetail;
  isInvoiceItem?: boolean;
  invoiceItem?: CodatItemDetail;
}

export const write = mapWrite<'items', CodatItemRequest>({
  bill_item: (value) => (value === null ? undefined : { billItem: toDetail(value) }),
  code: (value) => (value === null ? undefined : { code: value }),
  description: notSupported(NO_DESCRIPTION),
  invoice_item: (value) => (value === null ? undefined : { invoiceItem: toDetail(value) }),
  is_bill_item: (value) => (value === null ? undefined : { isBillItem: value }),
  is_invoice_item: (value) => (value === null ? undefined : { isInvoiceItem: value }),
  name: (value) => (value === null ? undefined : { name: value }),
  quantity_on_hand: notSupported(NO_STOCK),
  status: (value) => (value === null ? undefined : { itemStatus: value }),
  type: (value) => (value === null ? undefined : { type: value }),
});

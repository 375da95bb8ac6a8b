/**
 * QuickBooks Online → ledgerspec Bill (`bills`).
 *
 * QBO `Bill` (`/v3/company/{realmId}/bill/{id}`). Lines are ItemBasedExpenseLineDetail (an item,
 * quantity and price) or AccountBasedExpenseLineDetail (an expense account). QBO has no bill
 * status or discount: status follows from TotalAmt and Balance, and a voided bill (amounts zeroed,
 * "Voided" note) is Void. Deleted bills (change data capture) are left out: the unified bill has no
 * Deleted status. ExchangeRate is home currency per unit of the bill's currency.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { CreateBodies, MappedRecords } from '../../../generated/connectors/index.js';
import { amount, baseRate, dateTime, text } from '../../lib/values.js';
import {
  documentStatus,
  isDeleted,
  lastUpdated,
  lineTaxId,
  qboId,
  ref,
  toQboDate,
  unlessNull,
  type QboEntity,
  type QboLinkedTxn,
  type QboRef,
} from '../values.js';
import { lineClassId } from './tracking_categories.js';

/** The detail of either kind of expense line (each kind carries its own subset). */
export interface QboExpenseLineDetail {
  ItemRef?: QboRef;
  AccountRef?: QboRef;
  ClassRef?: QboRef;
  CustomerRef?: QboRef;
  UnitPrice?: number;
  Qty?: number;
  TaxCodeRef?: QboRef;
  BillableStatus?: string;
}

export interface QboExpenseLine {
  Id?: string;
  LineNum?: number;
  Description?: string;
  Amount?: number;
  DetailType: string;
  /** The project the line is charged to (QBO projects; minor versions that have them). */
  ProjectRef?: QboRef;
  ItemBasedExpenseLineDetail?: QboExpenseLineDetail;
  AccountBasedExpenseLineDetail?: QboExpenseLineDetail;
  LinkedTxn?: QboLinkedTxn[];
}

/** The QBO Bill as its API returns it. */
export interface QuickBooksOnlineBill extends QboEntity {
  DocNumber?: string;
  TxnDate?: string;
  DueDate?: string;
  CurrencyRef?: QboRef;
  ExchangeRate?: number;
  VendorRef?: QboRef;
  APAccountRef?: QboRef;
  SalesTermRef?: QboRef;
  PrivateNote?: string;
  LinkedTxn?: QboLinkedTxn[];
  Line?: QboExpenseLine[];
  TxnTaxDetail?: { TotalTax?: number; TxnTaxCodeRef?: QboRef };
  TotalAmt?: number;
  Balance?: number;
}

type LineItem = NonNullable<MappedRecords['bills']['line_items']>[number];

const detailOf = (line: QboExpenseLine): QboExpenseLineDetail | undefined =>
  line.ItemBasedExpenseLineDetail ?? line.AccountBasedExpenseLineDetail;

/** An expense line (of a bill, vendor credit, purchase or purchase order: `type` and `ownerId` say
 * which) as a unified line item; like sales lines, QBO keeps tax per document, not per line. */
export function expenseLineItem(
  line: QboExpenseLine,
  type: LineItem['line_item_type'],
  ownerId: string,
  documentTaxCode: QboRef | undefined,
): LineItem {
  const detail = detailOf(line);
  const classId = ref(detail?.ClassRef);
  return {
    platform_id: text(line.Id),
    line_item_type: type,
    line_item_type_id: ownerId,
    description: text(line.Description),
    item_id: ref(detail?.ItemRef),
    account_id: ref(detail?.AccountRef),
    quantity: amount(detail?.Qty),
    unit_amount: amount(detail?.UnitPrice),
    sub_total: amount(line.Amount),
    tax_id: lineTaxId(detail?.TaxCodeRef, documentTaxCode),
    tracking_category_ids: classId === null ? [] : [classId],
    // Only when QBO names one: lines of companies without projects carry no ProjectRef.
    ...(ref(line.ProjectRef) === null ? {} : { project_id: ref(line.ProjectRef) }),
  };
}

const lineItem = (line: QboExpenseLine, bill: QuickBooksOnlineBill): LineItem =>
  expenseLineItem(line, 'Bill', qboId(bill), bill.TxnTaxDetail?.TxnTaxCodeRef);

/** The item-based and account-based lines of an expense document. */
export const expenseLines = (raw: { Line?: QboExpenseLine[] }): QboExpenseLine[] =>
  (raw.Line ?? []).filter((line) => detailOf(line) !== undefined);

export const read = mapRead<'bills', QuickBooksOnlineBill>(
  {
    account_id: (raw) => ref(raw.APAccountRef),
    amount_due: (raw) => amount(raw.Balance),
    contact_id: (raw) => ref(raw.VendorRef),
    currency_id: (raw) => ref(raw.CurrencyRef),
    currency_rate: (raw) => baseRate(raw.ExchangeRate, 'base-per-foreign'),
    document_number: (raw) => text(raw.DocNumber),
    due_date: (raw) => dateTime(raw.DueDate),
    line_items: (raw) => expenseLines(raw).map((line) => lineItem(line, raw)),
    memo: (raw) => text(raw.PrivateNote),
    platform_id: qboId,
    posted_date: (raw) => dateTime(raw.TxnDate),
    purchase_order_ids: (raw) =>
      (raw.LinkedTxn ?? []).filter((txn) => txn.TxnType === 'PurchaseOrder').map((txn) => String(txn.TxnId)),
    status: documentStatus,
    sub_total: (raw) => (raw.Line ? expenseLines(raw).reduce((total, line) => total + (line.Amount ?? 0), 0) : null),
    // US bills carry no TxnTaxDetail (sales tax is not charged on purchases there).
    tax_amount: (raw) => amount(raw.TxnTaxDetail?.TotalTax),
    total_amount: (raw) => amount(raw.TotalAmt),
    total_discount: notSupported('QBO bills have no discount.'),
    updated_at: lastUpdated,
  },
  {
    skip: (raw) =>
      isDeleted(raw) ? 'deleted on QuickBooks Online (the unified bill has no Deleted status)' : undefined,
  },
);

/** The body of POST /v3/company/{realmId}/bill. */
export interface QuickBooksOnlineBillRequest {
  VendorRef?: QboRef;
  APAccountRef?: QboRef;
  DocNumber?: string;
  TxnDate?: string;
  DueDate?: string;
  CurrencyRef?: QboRef;
  ExchangeRate?: number;
  PrivateNote?: string;
  TxnTaxDetail?: { TotalTax?: number };
  Line?: QboExpenseLine[];
}

type RequestLine = NonNullable<CreateBodies['bills']['line_items']>[number];

/** A line with an item is item-based; any other is posted straight to its expense account. */
export function toExpenseLine(line: RequestLine): QboExpenseLine {
  const detail: QboExpenseLineDetail = {};
  if (line.item_id) detail.ItemRef = { value: line.item_id };
  else if (line.account_id) detail.AccountRef = { value: line.account_id };
  if (line.item_id && line.quantity !== null && line.quantity !== undefined) detail.Qty = line.quantity;
  if (line.item_id && line.unit_amount !== null && line.unit_amount !== undefined) detail.UnitPrice = line.unit_amount;
  if (line.tax_id) detail.TaxCodeRef = { value: line.tax_id };
  const classId = lineClassId(line.tracking_category_ids);
  if (classId) detail.ClassRef = { value: classId };
  const kind = line.item_id ? 'ItemBasedExpenseLineDetail' : 'AccountBasedExpenseLineDetail';
  return {
    Amount: line.sub_total ?? line.total_amount ?? (line.quantity ?? 1) * (line.unit_amount ?? 0),
    DetailType: kind,
    ...(line.description ? { Description: line.description } : {}),
    ...(line.project_id ? { ProjectRef: { value: line.project_id } } : {}),
    [kind]: detail,
  };
}

export const write = mapWrite<'bills', QuickBooksOnlineBillRequest>({
  account_id: unlessNull((value: string) => ({ APAccountRef: { value } })),
  contact_id: unlessNull((value: string) => ({ VendorRef: { value } })),
  currency_id: unlessNull((value: string) => ({ CurrencyRef: { value } })),
  currency_rate: unlessNull((value: number) => ({ ExchangeRate: value })),
  document_number: unlessNull((value: string) => ({ DocNumber: value })),
  due_date: unlessNull((value: string) => ({ DueDate: toQboDate(value) })),
  line_items: (value) => ({ Line: value.map(toExpenseLine) }),
  memo: unlessNull((value: string) => ({ PrivateNote: value })),
  posted_date: unlessNull((value: string) => ({ TxnDate: toQboDate(value) })),
  purchase_order_ids: notSupported(
    'QBO links a bill to a purchase order per line (Line[].LinkedTxn), not on the bill.',
  ),
  status: notSupported('QBO has no bill status to set: it follows from payments against the bill.'),
  sub_total: notSupported('QBO computes the bill total from the lines.'),
  tax_amount: notSupported("QBO computes the tax on bills from the lines' tax codes."),
  total_amount: notSupported('QBO computes TotalAmt from the lines.'),
  total_discount: notSupported('QBO bills have no discount.'),
});

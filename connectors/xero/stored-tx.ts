/**
 * What Xero stores when it accepts a create of a credit note, a purchase order, a bank
 * transaction (spend or receive money) or a bank transfer, as its GET returns it afterwards: the
 * `storedRecords` of those entities (see stored.ts for the conventions: the request echoed with
 * the new GUID, `UpdatedDateUTC`, dates as `/Date(…)/`, Xero's defaults and the totals it
 * computes from the lines; tax it would look up from a rate it was not sent is not guessed).
 */
import type { StoreContext } from '../../generated/connectors/index.js';
import type {
  XeroBankTransaction,
  XeroBankTransactionRequest,
  XeroBankTransfer,
  XeroBankTransferRequest,
} from './banking.js';
import type { XeroCreditNote, XeroCreditNoteRequest } from './credit_notes.js';
import type { XeroLineAmountTypes, XeroLineItem, XeroLineItemRequest } from './documents.js';
import type { XeroPurchaseOrder, XeroPurchaseOrderRequest } from './mappings/purchase_orders.js';
import { round } from './values.js';

function msDate(iso: string): string {
  return `/Date(${Date.parse(iso)}+0000)/`;
}

function calendarMsDate(date: string | undefined): string | undefined {
  return date === undefined ? undefined : msDate(`${date}T00:00:00Z`);
}

/** `DateString` as Xero sends it beside `Date`: the calendar date at midnight, without a zone. */
function dateString(date: string | undefined): string | undefined {
  return date === undefined ? undefined : `${date}T00:00:00`;
}

/** The request's lines with Xero's line IDs and line amounts (quantity × unit price − discount),
 * and the document totals Xero computes from them. */
function linesAndTotals(
  requestLines: readonly XeroLineItemRequest[] | undefined,
  amountTypes: XeroLineAmountTypes | undefined,
  platformId: string,
) {
  const lines: XeroLineItem[] = (requestLines ?? []).map((line, index) => {
    const gross = (line.Quantity ?? 1) * (line.UnitAmount ?? 0);
    const lineAmount = line.LineAmount ?? round(gross - (line.DiscountAmount ?? 0));
    return { ...line, LineItemID: `${platformId}-${index + 1}`, LineAmount: lineAmount };
  });
  const sum = round(lines.reduce((total, line) => total + (line.LineAmount ?? 0), 0));
  const tax = round(lines.reduce((total, line) => total + (line.TaxAmount ?? 0), 0));
  const discount = round(lines.reduce((total, line) => total + (line.DiscountAmount ?? 0), 0));
  const inclusive = amountTypes === 'Inclusive';
  return {
    lines,
    subTotal: inclusive ? round(sum - tax) : sum,
    tax,
    total: inclusive ? sum : round(sum + tax),
    discount,
  };
}

/** A new credit note: DRAFT unless sent otherwise, nothing allocated or refunded, so all of it
 * remains (Xero's create response shows RemainingCredit = Total on a draft too). */
export function storedCreditNote(request: XeroCreditNoteRequest, { platformId, now }: StoreContext): XeroCreditNote {
  const { LineItems: requestLines, Date: date, ...header } = request;
  const { lines, subTotal, tax, total } = linesAndTotals(requestLines, request.LineAmountTypes, platformId);
  return {
    ...header,
    CreditNoteID: platformId,
    Date: calendarMsDate(date),
    DateString: dateString(date),
    Status: request.Status ?? 'DRAFT',
    LineItems: lines,
    SubTotal: subTotal,
    TotalTax: tax,
    Total: total,
    RemainingCredit: total,
    Allocations: [],
    Payments: [],
    UpdatedDateUTC: msDate(now),
  };
}

/** A new purchase order: DRAFT unless sent otherwise, `Type: PURCHASEORDER`, the totals from
 * the lines (TotalDiscount is the lines' discounts). */
export function storedPurchaseOrder(
  request: XeroPurchaseOrderRequest,
  { platformId, now }: StoreContext,
): XeroPurchaseOrder {
  const { LineItems: requestLines, Date: date, DeliveryDate: deliveryDate, ...header } = request;
  const { lines, subTotal, tax, total, discount } = linesAndTotals(requestLines, request.LineAmountTypes, platformId);
  return {
    ...header,
    PurchaseOrderID: platformId,
    Type: 'PURCHASEORDER',
    Date: calendarMsDate(date),
    DateString: dateString(date),
    DeliveryDate: calendarMsDate(deliveryDate),
    DeliveryDateString: dateString(deliveryDate),
    Status: request.Status ?? 'DRAFT',
    LineItems: lines,
    SubTotal: subTotal,
    TotalTax: tax,
    Total: total,
    TotalDiscount: discount,
    UpdatedDateUTC: msDate(now),
  };
}

/** `PUT /BankTransactions` stores a spend or receive money transaction AUTHORISED and
 * unreconciled; `PUT /BankTransfers` stores a transfer AUTHORISED with the two bank transactions
 * it creates (one per account). Both entities that write through here read either shape. */
export function storedBankTransaction(
  request: XeroBankTransactionRequest | XeroBankTransferRequest,
  context: StoreContext,
): XeroBankTransaction | XeroBankTransfer {
  return 'FromBankAccount' in request || 'ToBankAccount' in request
    ? storedBankTransfer(request as XeroBankTransferRequest, context)
    : storedSpendOrReceive(request as XeroBankTransactionRequest, context);
}

function storedSpendOrReceive(
  request: XeroBankTransactionRequest,
  { platformId, now }: StoreContext,
): XeroBankTransaction {
  const { LineItems: requestLines, Date: date, ...header } = request;
  const { lines, subTotal, tax, total } = linesAndTotals(requestLines, request.LineAmountTypes, platformId);
  return {
    ...header,
    BankTransactionID: platformId,
    Date: calendarMsDate(date),
    DateString: dateString(date),
    Status: 'AUTHORISED',
    IsReconciled: request.IsReconciled ?? false,
    LineItems: lines,
    SubTotal: subTotal,
    TotalTax: tax,
    Total: total,
    UpdatedDateUTC: msDate(now),
  };
}

function storedBankTransfer(request: XeroBankTransferRequest, { platformId, now }: StoreContext): XeroBankTransfer {
  const { Date: date, ...rest } = request;
  return {
    ...rest,
    BankTransferID: platformId,
    Date: calendarMsDate(date),
    DateString: dateString(date),
    Status: 'AUTHORISED',
    FromBankTransactionID: `${platformId}-from`,
    ToBankTransactionID: `${platformId}-to`,
    FromIsReconciled: false,
    ToIsReconciled: false,
    CreatedDateUTC: msDate(now),
  };
}

/**
 * What QBO stores for a create of a credit memo, vendor credit, purchase order, purchase (expense),
 * deposit or transfer: the request echoed (QBO's documented and recorded create answers do), with
 * `Id`, `SyncToken "0"`, `domain`, `sparse`, `MetaData`, `TxnDate` defaulting to the day of the
 * create, lines numbered, and what QBO computes (totals, open balances). The helpers mirror
 * those in connector.ts for the other entities.
 */
import type { StoreContext } from '../../generated/connectors/index.js';
import type { QuickBooksOnlineBankTransactionRequest } from './mappings/bank_transactions.js';
import type { QuickBooksOnlineVendorCreditRequest } from './mappings/bill_credit_notes.js';
import type { QuickBooksOnlinePurchaseRequest } from './mappings/expenses.js';
import type { QuickBooksOnlineCreditMemoRequest } from './mappings/invoice_credit_notes.js';
import type { QuickBooksOnlinePurchaseOrderRequest } from './mappings/purchase_orders.js';

const today = (now: string): string => now.slice(0, 10);

const created = ({ platformId, now }: StoreContext) => ({
  Id: platformId,
  SyncToken: '0',
  domain: 'QBO',
  sparse: false,
  MetaData: { CreateTime: now, LastUpdatedTime: now },
});

const round = (value: number): number => Math.round(value * 100) / 100;
const sum = (values: (number | undefined)[]): number =>
  round(values.reduce<number>((total, value) => total + (value ?? 0), 0));

const numbered = <Line extends object>(lines: Line[] | undefined): Line[] =>
  (lines ?? []).map((line, index) => ({ Id: String(index + 1), LineNum: index + 1, ...line }));

/** A credit memo: item lines numbered with QBO's computed subtotal line; the whole credit open. */
export function storedCreditMemo(request: QuickBooksOnlineCreditMemoRequest, context: StoreContext) {
  const items = (request.Line ?? []).filter((line) => line.DetailType === 'SalesItemLineDetail');
  const subTotal = sum(items.map((line) => line.Amount));
  const tax = request.TxnTaxDetail?.TotalTax ?? 0;
  const total = round(subTotal + tax);
  return {
    TxnDate: today(context.now),
    ...request,
    Line: [...numbered(items), { Amount: subTotal, DetailType: 'SubTotalLineDetail', SubTotalLineDetail: {} }],
    TxnTaxDetail: { ...request.TxnTaxDetail, TotalTax: tax },
    TotalAmt: total,
    RemainingCredit: total,
    Balance: total,
    ...created(context),
  };
}

/** A vendor credit: total of its lines, all of it open. */
export function storedVendorCredit(request: QuickBooksOnlineVendorCreditRequest, context: StoreContext) {
  const total = sum((request.Line ?? []).map((line) => line.Amount));
  return {
    TxnDate: today(context.now),
    ...request,
    Line: numbered(request.Line),
    TotalAmt: total,
    Balance: total,
    ...created(context),
  };
}

/** A purchase order: total of its lines. POStatus as the request gives it (QBO's recorded answers
 * add Open, its documented one none: the status is not claimed). */
export function storedPurchaseOrder(request: QuickBooksOnlinePurchaseOrderRequest, context: StoreContext) {
  const total = round(sum((request.Line ?? []).map((line) => line.Amount)) + (request.TxnTaxDetail?.TotalTax ?? 0));
  return {
    TxnDate: today(context.now),
    ...request,
    Line: numbered(request.Line),
    TotalAmt: total,
    ...created(context),
  };
}

/** A purchase (expense): total of its lines plus any tax given. */
export function storedPurchase(request: QuickBooksOnlinePurchaseRequest, context: StoreContext) {
  const total = round(sum((request.Line ?? []).map((line) => line.Amount)) + (request.TxnTaxDetail?.TotalTax ?? 0));
  return {
    TxnDate: today(context.now),
    ...request,
    Line: numbered(request.Line),
    TotalAmt: total,
    ...created(context),
  };
}

/** A transfer (echoed) or a deposit (its lines numbered, TotalAmt their sum). */
export function storedBankTransaction(request: QuickBooksOnlineBankTransactionRequest, context: StoreContext) {
  if (request.FromAccountRef || request.ToAccountRef)
    return { TxnDate: today(context.now), ...request, ...created(context) };
  const total = sum((request.Line ?? []).map((line) => line.Amount));
  return {
    TxnDate: today(context.now),
    ...request,
    Line: numbered(request.Line),
    TotalAmt: total,
    ...created(context),
  };
}

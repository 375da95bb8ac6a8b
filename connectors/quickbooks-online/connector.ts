/** The QuickBooks Online connector: what ledgerspec needs to know besides the mappings in mappings/. */
import { defineConnector, type StoreContext } from '../../generated/connectors/index.js';
import type { QuickBooksOnlineAccountRequest } from './mappings/accounts.js';
import type { QuickBooksOnlineBillPaymentRequest } from './mappings/bill_payments.js';
import type { QuickBooksOnlineBillRequest } from './mappings/bills.js';
import type { QuickBooksOnlineContactRequest } from './mappings/contacts.js';
import type { QuickBooksOnlinePaymentRequest } from './mappings/invoice_payments.js';
import type { QuickBooksOnlineInvoiceRequest } from './mappings/invoices.js';
import type { QuickBooksOnlineItemRequest } from './mappings/items.js';
import type { QuickBooksOnlineJournalEntryRequest } from './mappings/journal_entries.js';
import {
  storedBankTransaction,
  storedCreditMemo,
  storedPurchase,
  storedPurchaseOrder,
  storedVendorCredit,
} from './stored-tx.js';
import { isReport } from './reports.js';
import { storedDocument } from './stored-reports.js';

/**
 * The record inside a fixture payload. QBO answers a read with `{"<Entity>": {...}, "time": "…"}`
 * (the key names the QBO type: Customer or Vendor, TaxRate or TaxCode) and a query with
 * `{"QueryResponse": {"<Entity>": [...], …}, "time": "…"}`; fixtures copied out of a recorded
 * response may also hold the bare record (it carries `Id`).
 */
function recordOf(payload: unknown): unknown {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  const object = payload as Record<string, unknown>;
  if ('Id' in object) return object;
  // A report (balance sheet, profit and loss, cash flow) is the whole response body.
  if (isReport(object)) return object;
  const keys = Object.keys(object).filter((key) => key !== 'time');
  if (keys.length !== 1) throw new Error(`expected one entity key besides "time", found ${JSON.stringify(keys)}`);
  const inner = object[keys[0] as string];
  if (keys[0] === 'QueryResponse' && inner !== null && typeof inner === 'object') {
    const lists = Object.values(inner as Record<string, unknown>).filter(Array.isArray);
    if (lists.length !== 1 || (lists[0] as unknown[]).length !== 1)
      throw new Error('a QueryResponse fixture needs meta.select unless it holds exactly one record');
    return (lists[0] as unknown[])[0];
  }
  return inner;
}

// ---- What QBO stores for a create (its documented create responses echo the request) ----

/** QBO's `YYYY-MM-DD` for the day of `now` (TxnDate defaults to the day of the create). */
const today = (now: string): string => now.slice(0, 10);

/** The fields QBO adds to every entity it creates. */
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

/** QBO derives an account's Classification from its AccountType. */
const CLASSIFICATIONS: Readonly<Record<string, string>> = {
  Bank: 'Asset',
  'Accounts Receivable': 'Asset',
  'Other Current Asset': 'Asset',
  'Fixed Asset': 'Asset',
  'Other Asset': 'Asset',
  'Accounts Payable': 'Liability',
  'Credit Card': 'Liability',
  'Other Current Liability': 'Liability',
  'Long Term Liability': 'Liability',
  Equity: 'Equity',
  Income: 'Revenue',
  'Other Income': 'Revenue',
  'Cost of Goods Sold': 'Expense',
  Expense: 'Expense',
  'Other Expense': 'Expense',
};

function storedAccount(request: QuickBooksOnlineAccountRequest, context: StoreContext) {
  const classification = request.AccountType ? CLASSIFICATIONS[request.AccountType] : undefined;
  return {
    FullyQualifiedName: request.Name,
    SubAccount: false,
    Active: true,
    ...request,
    ...(classification ? { Classification: classification } : {}),
    CurrentBalance: 0,
    CurrentBalanceWithSubAccounts: 0,
    ...created(context),
  };
}

function storedContact(request: QuickBooksOnlineContactRequest, context: StoreContext) {
  return { Active: true, Balance: 0, ...request, ...created(context) };
}

/** Lines as QBO stores them: numbered, with their own Id. */
const numbered = <Line extends object>(lines: Line[] | undefined): Line[] =>
  (lines ?? []).map((line, index) => ({ Id: String(index + 1), LineNum: index + 1, ...line }));

function storedInvoice(request: QuickBooksOnlineInvoiceRequest, context: StoreContext) {
  const lines = request.Line ?? [];
  const items = lines.filter((line) => line.DetailType === 'SalesItemLineDetail');
  const discounts = lines.filter((line) => line.DetailType === 'DiscountLineDetail');
  const subTotal = sum(items.map((line) => line.Amount));
  const tax = request.TxnTaxDetail?.TotalTax ?? 0;
  const total = round(subTotal - sum(discounts.map((line) => line.Amount)) + tax);
  return {
    TxnDate: today(context.now),
    ...request,
    Line: [
      ...numbered(items),
      { Amount: subTotal, DetailType: 'SubTotalLineDetail', SubTotalLineDetail: {} },
      ...discounts,
    ],
    TxnTaxDetail: { ...request.TxnTaxDetail, TotalTax: tax },
    TotalAmt: total,
    Balance: total,
    ...created(context),
  };
}

function storedBill(request: QuickBooksOnlineBillRequest, context: StoreContext) {
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

/** What a payment applies: invoice or bill lines add up, credits drawn on take away. */
function applied(
  lines: { Amount: number; LinkedTxn?: { TxnType: string }[] }[] | undefined,
  credits: string[],
): number {
  return sum(
    (lines ?? []).map((line) => (credits.includes(line.LinkedTxn?.[0]?.TxnType ?? '') ? -line.Amount : line.Amount)),
  );
}

function storedPayment(request: QuickBooksOnlinePaymentRequest, context: StoreContext) {
  const total = request.TotalAmt ?? 0;
  return {
    TxnDate: today(context.now),
    ...request,
    Line: request.Line ?? [],
    UnappliedAmt: round(total - applied(request.Line, ['CreditMemo', 'JournalEntry'])),
    ProcessPayment: false,
    ...created(context),
  };
}

function storedBillPayment(request: QuickBooksOnlineBillPaymentRequest, context: StoreContext) {
  return { TxnDate: today(context.now), ...request, Line: request.Line ?? [], ...created(context) };
}

function storedItem(request: QuickBooksOnlineItemRequest, context: StoreContext) {
  return { Active: true, FullyQualifiedName: request.Name, Taxable: false, ...request, ...created(context) };
}

/** QBO answers a journal entry create with TotalAmt 0 (its recorded create responses do). */
function storedJournalEntry(request: QuickBooksOnlineJournalEntryRequest, context: StoreContext) {
  return {
    Adjustment: false,
    TxnDate: today(context.now),
    ...request,
    Line: (request.Line ?? []).map((line, index) => ({ Id: String(index), ...line })),
    TotalAmt: 0,
    ...created(context),
  };
}

export default defineConnector({
  name: 'QuickBooks Online',
  recordOf,
  unsupportedEntities: {
    goods_receipt_notes: {
      reason: 'QuickBooks Online has no goods received notes: purchase orders are closed by bills.',
      docs: 'https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/purchaseorder',
    },
    sales_orders: {
      reason: 'QuickBooks Online has no sales orders (estimates are quotes, not orders).',
      docs: 'https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/estimate',
    },
  },
  storedRecords: {
    accounts: storedAccount,
    contacts: storedContact,
    invoices: storedInvoice,
    invoice_payments: storedPayment,
    bills: storedBill,
    bill_payments: storedBillPayment,
    items: storedItem,
    journal_entries: storedJournalEntry,
    invoice_credit_notes: storedCreditMemo,
    bill_credit_notes: storedVendorCredit,
    purchase_orders: storedPurchaseOrder,
    expenses: storedPurchase,
    bank_transactions: storedBankTransaction,
    documents: storedDocument,
  },
  // What QBO's create operations require (Intuit API reference, "Create an <entity>" required
  // fields), as pointers into the unified Create record. Either-or requirements (a contact's
  // DisplayName or a name part; a bill line's account or item) cannot be written as pointers and
  // are left to QBO.
  writeRequires: {
    // Name and AccountType.
    accounts: ['/name', '/sub_category'],
    // DisplayName (or a name part: left to QBO).
    contacts: [],
    // CustomerRef and at least one line.
    invoices: ['/contact_id', '/line_items'],
    // CustomerRef and TotalAmt.
    invoice_payments: ['/contact_id', '/amount'],
    // VendorRef and at least one line.
    bills: ['/contact_id', '/line_items'],
    // VendorRef, TotalAmt and the bank or card account paid from (CheckPayment.BankAccountRef /
    // CreditCardPayment.CCAccountRef).
    bill_payments: ['/contact_id', '/amount', '/account_id'],
    // Name.
    items: ['/name'],
    // Lines, each with an account and a posting type.
    journal_entries: ['/journal_lines', '/journal_lines/*/account_id', '/journal_lines/*/type'],
    // CustomerRef and at least one line (POST /creditmemo).
    invoice_credit_notes: ['/contact_id', '/line_items'],
    // VendorRef and at least one line with an amount (POST /vendorcredit).
    bill_credit_notes: ['/contact_id', '/line_items'],
    // VendorRef, APAccountRef and at least one line (POST /purchaseorder); QBO takes the company's
    // A/P account when APAccountRef is left out in practice, so it is not required here.
    purchase_orders: ['/contact_id', '/line_items'],
    // AccountRef, PaymentType and at least one line (POST /purchase); PaymentType is the unified
    // payment_mode (Cash, Check or CreditCard).
    expenses: ['/account_id', '/payment_mode', '/line_items'],
    // A deposit: DepositToAccountRef and at least one line (POST /deposit); a transfer:
    // FromAccountRef, ToAccountRef and Amount (POST /transfer). Common to both: the bank account;
    // the rest depends on the kind and is left to QBO.
    bank_transactions: ['/account_id'],
    // The file (the upload's file_content_0 part); the link to a record is optional for QBO (a
    // file may sit unattached in the attachment list) but the unified create requires it.
    documents: ['/base64_file'],
  },
});

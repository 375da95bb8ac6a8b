/**
 * What Zoho Books returns on a read after it accepted a create request (`storedRecords` in
 * connector.ts). Zoho's create responses echo the request's fields and add what Zoho makes: the
 * record's ID, `created_time`/`last_modified_time`, line IDs, the default status of a new record,
 * and the totals it computes from the lines (line totals, tax from the tax's percentage, document
 * totals, the balance still open). The records are in the shape the read mappings take.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { StoreContext } from '../../generated/connectors/index.js';
import type { ZohoBooksAccountRequest } from './mappings/accounts.js';
import type { ZohoBooksBankTransactionRequest } from './mappings/bank_transactions.js';
import type { ZohoBooksVendorCreditRequest } from './mappings/bill_credit_notes.js';
import type { ZohoBooksVendorPaymentRequest } from './mappings/bill_payments.js';
import type { ZohoBooksBillRequest } from './mappings/bills.js';
import type { ZohoBooksContactRequest } from './mappings/contacts.js';
import type { ZohoBooksDocumentRequest } from './mappings/documents.js';
import type { ZohoBooksExpenseRequest } from './mappings/expenses.js';
import type { ZohoBooksCreditNoteRequest } from './mappings/invoice_credit_notes.js';
import type { ZohoBooksInvoicePaymentRequest } from './mappings/invoice_payments.js';
import type { ZohoBooksInvoiceRequest } from './mappings/invoices.js';
import type { ZohoBooksItemRequest } from './mappings/items.js';
import type { ZohoBooksJournalEntryRequest } from './mappings/journal_entries.js';
import type { ZohoBooksPurchaseOrderRequest } from './mappings/purchase_orders.js';
import type { ZohoBooksSalesOrderRequest } from './mappings/sales_orders.js';
import { roundMoney, type ZohoLineItemRequest } from './transactions.js';

/** Zoho's timestamp form (`2024-03-22T15:02:09+0000`) of the moment the write was accepted. */
export function zohoTimestamp(now: string): string {
  return new Date(now).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

function times(now: string): { created_time: string; last_modified_time: string } {
  return { created_time: zohoTimestamp(now), last_modified_time: zohoTimestamp(now) };
}

// ---------------------------------------------------------------- the organisation's taxes

/**
 * Tax percentages by tax (or tax group) ID: the organisation's taxes, which for the simulated
 * platform are this connector's tax rate fixtures (the sandbox's Zoho Books company). Zoho computes
 * a line's tax from the percentage of the tax the line names.
 */
let taxPercentages: ReadonlyMap<string, number> | undefined;

function taxPercentage(taxId: string | undefined): number | undefined {
  if (taxId === undefined) return undefined;
  taxPercentages ??= loadTaxPercentages();
  return taxPercentages.get(taxId);
}

function loadTaxPercentages(): ReadonlyMap<string, number> {
  const dir = new URL('./fixtures/tax_rates/', import.meta.url);
  const rates = new Map<string, number>();
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.raw.json'));
  } catch {
    return rates;
  }
  for (const file of files) {
    const payload = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as unknown;
    const meta = readMeta(new URL(file.replace(/\.raw\.json$/, '.meta.json'), dir));
    const record = meta?.select ? pointer(payload, meta.select) : payload;
    if (record === null || typeof record !== 'object') continue;
    const tax = record as Record<string, unknown>;
    const id = tax.tax_group_id ?? tax.tax_id;
    const percentage = tax.tax_group_percentage ?? tax.tax_percentage;
    if ((typeof id === 'string' || typeof id === 'number') && typeof percentage === 'number')
      rates.set(String(id), percentage);
  }
  return rates;
}

function readMeta(url: URL): { select?: string } | undefined {
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as { select?: string };
  } catch {
    return undefined;
  }
}

function pointer(value: unknown, at: string): unknown {
  return at
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (current, key) =>
        current !== null && typeof current === 'object'
          ? (current as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')]
          : undefined,
      value,
    );
}

// ---------------------------------------------------------------- lines and totals

/** A line as Zoho returns it after a create: the request's line with its ID, its total (rate ×
 * quantity less the discount), the discount applied (invoice lines always report one, 0 when
 * none) and the tax's percentage. */
interface StoredLine extends ZohoLineItemRequest {
  line_item_id: string;
  item_total: number;
  discount_amount?: number;
  tax_percentage?: number;
  tax_amount?: number;
}

function storedLines(lines: ZohoLineItemRequest[] | undefined, id: string, invoice = false): StoredLine[] {
  return (lines ?? []).map((line, index) => {
    const discount = line.discount ?? 0;
    const percentage = taxPercentage(line.tax_id);
    return {
      ...line,
      line_item_id: `${id}-${index + 1}`,
      item_total: roundMoney((line.rate ?? 0) * (line.quantity ?? 1) - discount),
      ...(invoice || line.discount !== undefined ? { discount_amount: discount } : {}),
      ...(percentage === undefined ? {} : { tax_percentage: percentage }),
    };
  });
}

/** The document's totals from its lines: before tax, the tax (line by line, to the cent), after. */
function totals(lines: StoredLine[]): { sub_total: number; tax_total: number | undefined; total: number | undefined } {
  const subTotal = roundMoney(lines.reduce((sum, line) => sum + line.item_total, 0));
  const taxes = lines.map((line) =>
    line.tax_id === undefined
      ? 0
      : line.tax_percentage === undefined
        ? undefined
        : roundMoney((line.item_total * line.tax_percentage) / 100),
  );
  if (taxes.some((tax) => tax === undefined)) return { sub_total: subTotal, tax_total: undefined, total: undefined };
  const tax = roundMoney(taxes.reduce<number>((sum, value) => sum + (value ?? 0), 0));
  return { sub_total: subTotal, tax_total: tax, total: roundMoney(subTotal + tax) };
}

/** The `taxes[]` summary of a document whose total tax is known. */
function taxSummary(tax: number | undefined): { taxes?: { tax_amount: number }[] } {
  return tax === undefined ? {} : { taxes: [{ tax_amount: tax }] };
}

// ---------------------------------------------------------------- per entity

export function storedAccount(request: ZohoBooksAccountRequest, { platformId, now }: StoreContext) {
  return { ...request, account_id: platformId, is_active: true, ...times(now) };
}

/** Manual bank transactions are recorded as such (`manually_added`) until matched with a feed. */
export function storedBankTransaction(request: ZohoBooksBankTransactionRequest, { platformId }: StoreContext) {
  return { ...request, transaction_id: platformId, status: 'manually_added' };
}

/** A vendor credit is created open, all of it still to apply. */
export function storedVendorCredit(request: ZohoBooksVendorCreditRequest, { platformId, now }: StoreContext) {
  const lines = storedLines(request.line_items, platformId);
  const { sub_total, tax_total, total } = totals(lines);
  return {
    ...request,
    vendor_credit_id: platformId,
    status: 'open',
    line_items: lines,
    sub_total,
    ...taxSummary(tax_total),
    total,
    balance: total,
    ...times(now),
  };
}

/** A vendor payment: each bill application gets its own ID; what is not applied stays as the
 * payment's balance (a vendor advance). */
export function storedVendorPayment(request: ZohoBooksVendorPaymentRequest, { platformId, now }: StoreContext) {
  const bills = (request.bills ?? []).map((bill, index) => ({
    ...bill,
    bill_payment_id: `${platformId}-${index + 1}`,
  }));
  const applied = bills.reduce((sum, bill) => sum + bill.amount_applied, 0);
  return {
    ...request,
    payment_id: platformId,
    bills,
    balance: roundMoney((request.amount ?? 0) - applied),
    ...times(now),
  };
}

/** A bill is created open, its whole total still to pay. */
export function storedBill(request: ZohoBooksBillRequest, { platformId, now }: StoreContext) {
  const lines = storedLines(request.line_items, platformId);
  const { sub_total, tax_total, total } = totals(lines);
  return {
    ...request,
    bill_id: platformId,
    status: 'open',
    line_items: lines,
    sub_total,
    tax_total,
    total,
    balance: total,
    ...times(now),
  };
}

/** A contact is created active; each contact person gets an ID. */
export function storedContact(request: ZohoBooksContactRequest, { platformId, now }: StoreContext) {
  const persons = request.contact_persons?.map((person, index) => ({
    ...person,
    contact_person_id: `${platformId}-${index + 1}`,
  }));
  return {
    ...request,
    contact_id: platformId,
    status: 'active',
    ...(persons ? { contact_persons: persons } : {}),
    ...times(now),
  };
}

/** The extension Zoho reports (`file_type`) for a MIME type the upload names. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
  'image/tiff': 'tiff',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/csv': 'csv',
  'text/plain': 'txt',
};

/** The transaction type Zoho reports for the module an attachment was uploaded to. */
const TRANSACTION_TYPES: Readonly<Record<string, string>> = {
  invoices: 'invoice',
  bills: 'bill',
  expenses: 'expense',
  purchaseorders: 'purchaseorder',
  salesorders: 'salesorder',
  journals: 'journal',
};

/** An uploaded attachment as the record's `documents[]` lists it, with the record it is on. */
export function storedDocument(request: ZohoBooksDocumentRequest, { platformId, now }: StoreContext) {
  const part = request.form?.attachment ?? request.form?.receipt ?? {};
  const content = part.content_base64 ?? '';
  const padding = content.endsWith('==') ? 2 : content.endsWith('=') ? 1 : 0;
  return {
    document_id: platformId,
    file_name: part.file_name,
    file_type: part.content_type ? EXTENSIONS[part.content_type] : undefined,
    file_size: Math.floor((content.length * 3) / 4) - padding,
    uploaded_on: zohoTimestamp(now),
    transaction_id: request.endpoint?.record_id,
    transaction_type: request.endpoint?.module ? TRANSACTION_TYPES[request.endpoint.module] : undefined,
  };
}

/** An itemised expense: each line's amount and tax (from the tax's percentage), the totals. */
export function storedExpense(request: ZohoBooksExpenseRequest, { platformId, now }: StoreContext) {
  const lines = (request.line_items ?? []).map((line, index) => {
    const percentage = taxPercentage(line.tax_id);
    const tax =
      line.tax_id === undefined
        ? undefined
        : percentage === undefined
          ? undefined
          : roundMoney(((line.amount ?? 0) * percentage) / 100);
    return {
      ...line,
      line_item_id: `${platformId}-${index + 1}`,
      item_total: line.amount,
      ...(tax === undefined ? {} : { tax_percentage: percentage, tax_amount: tax }),
    };
  });
  const subTotal = roundMoney(lines.reduce((sum, line) => sum + (line.amount ?? 0), 0));
  const known = lines.every((line) => line.tax_id === undefined || line.tax_amount !== undefined);
  const tax = known ? roundMoney(lines.reduce((sum, line) => sum + (line.tax_amount ?? 0), 0)) : undefined;
  return {
    ...request,
    expense_id: platformId,
    line_items: lines,
    sub_total: subTotal,
    tax_amount: tax,
    total: tax === undefined ? undefined : roundMoney(subTotal + tax),
    ...times(now),
  };
}

/** A credit note is created open (or as a draft when asked), all of it still to apply. */
export function storedCreditNote(request: ZohoBooksCreditNoteRequest, { platformId, now }: StoreContext) {
  const { is_draft: draft, ...fields } = request;
  const lines = storedLines(request.line_items, platformId);
  const { sub_total, tax_total, total } = totals(lines);
  return {
    ...fields,
    creditnote_id: platformId,
    status: draft ? 'draft' : 'open',
    line_items: lines,
    sub_total,
    ...taxSummary(tax_total),
    total,
    balance: total,
    ...times(now),
  };
}

/** A customer payment: each invoice application gets its own ID; what is not applied stays on the
 * customer's account (`unused_amount`). */
export function storedCustomerPayment(request: ZohoBooksInvoicePaymentRequest, { platformId, now }: StoreContext) {
  const invoices = (request.invoices ?? []).map((invoice, index) => ({
    ...invoice,
    invoice_payment_id: `${platformId}-${index + 1}`,
  }));
  const applied = invoices.reduce((sum, invoice) => sum + invoice.amount_applied, 0);
  return {
    ...request,
    payment_id: platformId,
    invoices,
    unused_amount: roundMoney((request.amount ?? 0) - applied),
    status: 'success',
    updated_time: zohoTimestamp(now),
  };
}

/** An invoice is created as a draft, discounts per line (`item_level`), its total still due. */
export function storedInvoice(request: ZohoBooksInvoiceRequest, { platformId, now }: StoreContext) {
  const lines = storedLines(request.line_items, platformId, true);
  const { sub_total, tax_total, total } = totals(lines);
  return {
    ...request,
    invoice_id: platformId,
    status: 'draft',
    discount_type: 'item_level',
    line_items: lines,
    sub_total,
    tax_total,
    total,
    balance: total,
    ...times(now),
  };
}

export function storedItem(request: ZohoBooksItemRequest, { platformId, now }: StoreContext) {
  return { ...request, item_id: platformId, status: 'active', ...times(now) };
}

/** A journal is published unless created as a draft; its total is the sum of its debits. */
export function storedJournal(request: ZohoBooksJournalEntryRequest, { platformId, now }: StoreContext) {
  const lines = (request.line_items ?? []).map((line, index) => ({ ...line, line_id: `${platformId}-${index + 1}` }));
  const total = roundMoney(
    lines.filter((line) => line.debit_or_credit === 'debit').reduce((sum, line) => sum + (line.amount ?? 0), 0),
  );
  return {
    ...request,
    journal_id: platformId,
    status: request.status ?? 'published',
    line_items: lines,
    total,
    ...times(now),
  };
}

/** A purchase order is created as a draft. */
export function storedPurchaseOrder(request: ZohoBooksPurchaseOrderRequest, { platformId, now }: StoreContext) {
  const lines = storedLines(request.line_items, platformId);
  const { sub_total, tax_total, total } = totals(lines);
  return {
    ...request,
    purchaseorder_id: platformId,
    status: 'draft',
    discount_type: 'item_level',
    line_items: lines,
    sub_total,
    tax_total,
    total,
    ...times(now),
  };
}

/** A sales order is created as a draft, discounts per line. */
export function storedSalesOrder(request: ZohoBooksSalesOrderRequest, { platformId, now }: StoreContext) {
  const lines = storedLines(request.line_items, platformId);
  const { sub_total, tax_total, total } = totals(lines);
  return {
    ...request,
    salesorder_id: platformId,
    status: 'draft',
    discount_type: 'item_level',
    line_items: lines,
    sub_total,
    tax_total,
    total,
    ...times(now),
  };
}

/** Every writable entity's stored record. */
export const allStoredRecords = {
  accounts: storedAccount,
  bank_transactions: storedBankTransaction,
  bill_credit_notes: storedVendorCredit,
  bill_payments: storedVendorPayment,
  bills: storedBill,
  contacts: storedContact,
  documents: storedDocument,
  expenses: storedExpense,
  invoice_credit_notes: storedCreditNote,
  invoice_payments: storedCustomerPayment,
  invoices: storedInvoice,
  items: storedItem,
  journal_entries: storedJournal,
  purchase_orders: storedPurchaseOrder,
  sales_orders: storedSalesOrder,
} as const;

/** The stored records connector.ts registers: every writable entity's. */
export const storedRecords = allStoredRecords;

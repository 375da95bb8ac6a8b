/** The Codat connector: Codat's unified accounting data model (`/companies/{companyId}/data/…`
 * reads, `/companies/{companyId}/connections/{connectionId}/push/…` writes). Fixtures are Codat's
 * documented records, bare or as a documented list response with `select` in the meta. */
import { defineConnector, type MappedEntity, type UnsupportedEntity } from '../../generated/connectors/index.js';
import { newestReport } from './reports.js';
import { storedAttachment } from './stored-documents.js';
import type { CodatAccount, CodatAccountRequest } from './mappings/accounts.js';
import type { CodatBankTransaction, CodatBankTransactionsRequest } from './mappings/bank_transactions.js';
import type { CodatBillCreditNote, CodatBillCreditNoteRequest } from './mappings/bill_credit_notes.js';
import type { CodatBillPayment, CodatBillPaymentRequest } from './mappings/bill_payments.js';
import type { CodatBill, CodatBillRequest } from './mappings/bills.js';
import type { CodatContact, CodatContactRequest } from './mappings/contacts.js';
import type { CodatCreditNote, CodatCreditNoteRequest } from './mappings/invoice_credit_notes.js';
import type { CodatDirectCost, CodatDirectCostRequest } from './mappings/expenses.js';
import type { CodatInvoice, CodatInvoiceRequest } from './mappings/invoices.js';
import type { CodatItem, CodatItemRequest } from './mappings/items.js';
import type { CodatJournalEntry, CodatJournalEntryRequest } from './mappings/journal_entries.js';
import type { CodatPurchaseOrder, CodatPurchaseOrderRequest } from './mappings/purchase_orders.js';
import type { CodatPayment, CodatPaymentRequest } from './mappings/invoice_payments.js';

/** Entities Codat's accounting data model has no counterpart for, each with the reason. The docs
 * anchors are schema pages of Codat's Accounting API reference that Codat's own OpenAPI and SDK
 * descriptions link to. */
const UNSUPPORTED: { readonly [Entity in MappedEntity]?: UnsupportedEntity } = {
  currencies: {
    reason:
      'Codat has no currencies data type or endpoint: its "currency data type" is the ISO 4217 code itself (each record\'s currency field, the company\'s baseCurrency), which is what the currency_id of its records hold.',
    docs: 'https://docs.codat.io/accounting-api#/schemas/Invoice',
  },
  projects: {
    reason:
      'Codat has no projects data type or endpoint: a project appears only as a projectRef (id and name) in the tracking of invoice, bill and credit note lines, so there is no project record to read.',
    docs: 'https://docs.codat.io/accounting-api#/schemas/Bill',
  },
};

/*
 * writeRequires follow the push options Codat documents per integration (GitHub codatio/oas
 * json/Codat-Accounting.json at commit cd39809, `GET …/connections/{connectionId}/options/{dataType}`
 * examples): a field is required here when most documented integrations require it.
 */

/** What Codat stores for a push: the push operation echoes the request as its `data`; the read
 * endpoint then returns it with the platform's id, Codat's sync time and the platform's change
 * time (both `now` for a record just created). */
function stored<Request extends object>(request: Request, context: { platformId: string; now: string }) {
  return {
    id: context.platformId,
    ...request,
    modifiedDate: context.now,
    sourceModifiedDate: context.now,
    metadata: { isDeleted: false },
  };
}

export default defineConnector({
  name: 'Codat',
  // A documented financial statement response holds several periods: its record is the newest.
  recordOf: (payload, entity) =>
    entity === 'balance_sheet' || entity === 'income_statements' || entity === 'cash_flow_statements'
      ? newestReport(payload)
      : payload,
  unsupportedEntities: UNSUPPORTED,
  readOnlyEntities: {
    sales_orders: {
      reason:
        "Codat reads sales orders but has no create operation for them (its push data types don't include sales orders).",
      docs: 'https://docs.codat.io/accounting-api#/schemas/SalesOrder',
    },
  },
  storedRecords: {
    accounts: (request: CodatAccountRequest, context): CodatAccount => stored(request, context),
    // A new credit note is unused: all of it remains.
    bill_credit_notes: (request: CodatBillCreditNoteRequest, context): CodatBillCreditNote => ({
      ...stored(request, context),
      remainingCredit: request.totalAmount ?? null,
    }),
    // The bank feed push is a batch for one account: the transaction reads back as a record of
    // the account's bank transactions, its date as clearedOnDate.
    bank_transactions: (request: CodatBankTransactionsRequest, context): CodatBankTransaction => {
      const [transaction] = request.transactions ?? [];
      return {
        id: context.platformId,
        accountId: request.accountId ?? null,
        clearedOnDate: transaction?.date ?? null,
        reconciled: transaction?.reconciled ?? null,
        amount: transaction?.amount ?? null,
        transactionType: transaction?.transactionType ?? null,
        modifiedDate: context.now,
        sourceModifiedDate: context.now,
      };
    },
    bill_payments: (request: CodatBillPaymentRequest, context): CodatBillPayment => ({
      totalAmount: 0,
      date: '',
      ...stored(request, context),
    }),
    // A new bill is unpaid: what is due is its total.
    bills: (request: CodatBillRequest, context): CodatBill => ({
      ...stored(request, context),
      amountDue: request.totalAmount ?? null,
    }),
    contacts: (request: CodatContactRequest, context): CodatContact => stored(request, context),
    // An uploaded file reads back as an attachment of the record the upload named.
    documents: storedAttachment,
    expenses: (request: CodatDirectCostRequest, context): CodatDirectCost => stored(request, context),
    // A new credit note is unused: all of it remains.
    invoice_credit_notes: (request: CodatCreditNoteRequest, context): CodatCreditNote => ({
      ...stored(request, context),
      remainingCredit: request.totalAmount ?? null,
    }),
    // A new invoice is unpaid: what is due is its total.
    invoices: (request: CodatInvoiceRequest, context): CodatInvoice => ({
      ...stored(request, context),
      amountDue: request.totalAmount ?? null,
    }),
    invoice_payments: (request: CodatPaymentRequest, context): CodatPayment => ({
      totalAmount: 0,
      date: '',
      ...stored(request, context),
    }),
    purchase_orders: (request: CodatPurchaseOrderRequest, context): CodatPurchaseOrder => stored(request, context),
    items: (request: CodatItemRequest, context): CodatItem => stored(request, context),
    journal_entries: (request: CodatJournalEntryRequest, context): CodatJournalEntry => ({
      ...stored(request, context),
      createdOn: context.now,
    }),
  },
  writeRequires: {
    // POST …/push/accounts: fullyQualifiedCategory (from category) is required by every
    // integration's push options, nominalCode by most (Xero, Sage, Exact, MYOB, QuickBooks Desktop).
    accounts: ['/nominal_code', '/category'],
    // POST …/push/bankAccounts/{accountId}/bankTransactions: accountId and each transaction's date
    // and signed amount (the spec's account_id, transaction_date, amount): the sign needs the direction.
    bank_transactions: ['/debit_or_credit'],
    // POST …/push/billCreditNotes: supplierRef and lineItems (the spec's), issueDate in 10 of 12,
    // an account on each line in 10, status in 8.
    bill_credit_notes: ['/posted_date', '/status', '/line_items/*/account_id'],
    // POST …/push/billPayments: lines in 13 of 13, accountRef and date in 12, supplierRef in 11
    // (totalAmount and date the spec requires; lines come from allocations or bill_id).
    bill_payments: ['/contact_id', '/account_id'],
    // POST …/push/bills: supplierRef and lineItems everywhere (the spec's), issueDate in 10 of 12,
    // dueDate in 9, an account on each line in 8.
    bills: ['/posted_date', '/due_date', '/line_items/*/account_id'],
    // POST …/push/customers and …/push/suppliers: customerName / supplierName (the spec's name)
    // everywhere, status in most integrations (8 of 14 customers, 8 of 13 suppliers).
    contacts: ['/status'],
    // POST …/push/{dataType}/{recordId}/attachment(s): the record in the path (the spec's
    // document_type and document_type_id) and the file, the one required part of Codat's
    // AttachmentUpload form (Codat-Sync-Payables-v1 upload-bill-attachment).
    documents: ['/base64_file'],
    // POST …/push/directCosts: lineItems in 11 of 11, paymentAllocations (the account paid from:
    // the spec's account_id) in 10, issueDate and an account on each line in 8.
    expenses: ['/posted_date', '/line_items/*/account_id'],
    // POST …/push/creditNotes: customerRef and lineItems (the spec's), issueDate in 9 of 11, status in 7.
    invoice_credit_notes: ['/posted_date', '/status'],
    // POST …/push/invoices: customerRef and lineItems (the spec's), issueDate and status in 10 of 12.
    invoices: ['/posted_date', '/status'],
    // POST …/push/payments: customerRef.id and accountRef.id are required by nearly every
    // integration's push options (Xero, QuickBooks Online and Desktop, Sage 50, Sage Intacct,
    // NetSuite, MYOB, Zoho Books, FreeAgent, Sage Business Cloud); totalAmount and date the spec requires.
    invoice_payments: ['/contact_id', '/account_id'],
    // POST …/push/purchaseOrders: status, supplierRef and lineItems in 6 of 6 (the last two the spec's).
    purchase_orders: ['/status'],
    // POST …/push/items: name (the spec's), type and a sales side with an account in 3 of the 4
    // documented integrations.
    items: ['/type', '/invoice_item/account_id'],
    // POST …/push/journalEntries: journalLines in 9 of 9, an account on each line in 8, postedOn
    // in 6 (the spec's posted_date).
    journal_entries: ['/journal_lines/*/account_id'],
  },
});

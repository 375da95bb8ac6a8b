/** The Xero connector: what ledgerspec needs to know besides the mappings in mappings/. */
import { defineConnector } from '../../generated/connectors/index.js';
import {
  storedAccount,
  storedContact,
  storedInvoice,
  storedItem,
  storedManualJournal,
  storedPayment,
} from './stored.js';
import { storedBankTransaction, storedCreditNote, storedPurchaseOrder } from './stored-tx.js';
import { storedAttachment } from './stored-documents.js';

export default defineConnector({
  name: 'Xero',
  // Fixtures are whole documented responses with meta.select pointing at the record, or the
  // record itself; no recordOf is needed.
  unsupportedEntities: {
    sales_orders: {
      reason:
        'Xero has quotes (Quotes) and purchase orders but no sales orders: an accepted quote is invoiced directly.',
      docs: 'https://developer.xero.com/documentation/api/accounting/quotes',
    },
    goods_receipt_notes: {
      reason:
        'Xero records no goods receipts: a purchase order is marked billed when its bill is entered, and tracked stock arrives with the bill.',
      docs: 'https://developer.xero.com/documentation/api/accounting/purchaseorders',
    },
  },
  storedRecords: {
    accounts: storedAccount,
    contacts: storedContact,
    invoices: storedInvoice,
    bills: storedInvoice,
    invoice_payments: storedPayment('ACCREC'),
    bill_payments: storedPayment('ACCPAY'),
    items: storedItem,
    journal_entries: storedManualJournal,
    invoice_credit_notes: storedCreditNote,
    bill_credit_notes: storedCreditNote,
    purchase_orders: storedPurchaseOrder,
    bank_transactions: storedBankTransaction,
    expenses: storedBankTransaction,
    documents: storedAttachment,
  },
  // What Xero's create endpoints themselves require (developer.xero.com/documentation/api/accounting
  // and the required properties of xero_accounting.yaml), as fields of the unified Create record.
  writeRequires: {
    // PUT /Accounts: Code, Name and Type (Type is sent from category, or sub_category when it is
    // a Xero account type).
    accounts: ['/nominal_code', '/name', '/category'],
    // PUT /Contacts: Name (the only required element).
    contacts: ['/name'],
    // PUT /Invoices: Type (set by the mapping), Contact and at least one line.
    invoices: ['/contact_id', '/line_items'],
    bills: ['/contact_id', '/line_items'],
    // PUT /Payments: the paid document, the bank account, the date and the amount.
    invoice_payments: ['/invoice_id', '/account_id', '/payment_date', '/amount'],
    bill_payments: ['/bill_id', '/account_id', '/payment_date', '/amount'],
    // PUT /Items: Code.
    items: ['/code'],
    // PUT /ManualJournals: Narration and the lines, each with an amount and an account.
    journal_entries: ['/description', '/journal_lines', '/journal_lines/*/net_amount', '/journal_lines/*/account_id'],
    // PUT /CreditNotes: Type (set by the mapping), Contact and at least one line.
    invoice_credit_notes: ['/contact_id', '/line_items'],
    bill_credit_notes: ['/contact_id', '/line_items'],
    // PUT /PurchaseOrders: Contact and at least one line.
    purchase_orders: ['/contact_id', '/line_items'],
    // PUT /BankTransactions (spend money): Type (SPEND, set by the mapping), BankAccount (the
    // spec's account_id), Contact and lines, each coded to an account.
    expenses: ['/contact_id', '/line_items/*/account_id'],
    // Bank transactions are written to one of two endpoints, whose requirements differ, so the
    // write mapping checks them (and refuses the body) rather than this list: PUT /BankTransfers
    // needs FromBankAccount, ToBankAccount and Amount; PUT /BankTransactions needs Type,
    // BankAccount, Contact and lines.

    // PUT /<Collection>/{id}/Attachments/{FileName}: the record and the file's bytes (the body is
    // required); the file name is in the path, and the spec already requires it.
    documents: ['/document_type_id', '/base64_file'],
  },
});

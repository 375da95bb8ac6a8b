/** The Zoho Books connector: what ledgerspec needs to know besides the mappings in mappings/. */
import { defineConnector } from '../../generated/connectors/index.js';
import { storedRecords } from './stored.js';

export default defineConnector({
  name: 'Zoho Books',
  // No recordOf: each fixture is the record as Zoho returns it under the response's singular key
  // (`invoice`, `vendorpayment`, …), or a whole documented response whose meta `select`s the
  // record; the three reports are whole response bodies, which is what their mappings read (the
  // period lives in `page_context`).
  // Zoho Books has a counterpart for all 25 entities (see README: Entity map).
  unsupportedEntities: {},
  // What a read returns after Zoho accepted a create request (stored.ts).
  storedRecords: { ...storedRecords },
  // The fields Zoho's create endpoints require (Zoho Books API v3 OpenAPI documents, the
  // `required` lists of each create request, and the docs' "(Required)" arguments), as pointers
  // into the unified Create record.
  writeRequires: {
    // account_name and account_type; the type comes from category when sub_category is not a Zoho type.
    accounts: ['/name', '/category'],
    // transaction_type.
    bank_transactions: ['/type'],
    // vendor_id.
    bill_credit_notes: ['/contact_id'],
    // amount (the only required field of POST /vendorpayments).
    bill_payments: ['/amount'],
    // vendor_id and bill_number.
    bills: ['/contact_id', '/document_number'],
    // contact_name.
    contacts: ['/name'],
    // The record the file is attached to, and the file.
    documents: ['/document_type_id', '/base64_file'],
    // date, account_id (the first line's expense account), amount (from the lines) and
    // paid_through_account_id (the unified account_id).
    expenses: ['/posted_date', '/account_id', '/line_items', '/line_items/*/account_id'],
    // customer_id, date, creditnote_number and line_items.
    invoice_credit_notes: ['/contact_id', '/posted_date', '/document_number', '/line_items'],
    // customer_id, payment_mode, amount, date (invoices is always sent).
    invoice_payments: ['/contact_id', '/payment_mode', '/amount', '/payment_date'],
    // customer_id and line_items, each with item_id.
    invoices: ['/contact_id', '/line_items', '/line_items/*/item_id'],
    // name and rate (the sales price).
    items: ['/name', '/invoice_item/unit_price'],
    // journal_date, and an amount and a side on every line.
    journal_entries: ['/posted_date', '/journal_lines/*/net_amount', '/journal_lines/*/type'],
    // vendor_id and line_items.
    purchase_orders: ['/contact_id', '/line_items'],
    // customer_id.
    sales_orders: ['/contact_id'],
  },
});

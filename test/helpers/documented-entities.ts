/** The resources the unified API's documentation names (its navigation of Core and Accounting).
 * A project may add its own with `ledgerspec scaffold resource`, so tests check that these are
 * present, never that they are all there is. */
export const DOCUMENTED_CORE = ['companies', 'invite_links', 'integrations', 'syncs', 'jobs', 'passthrough'];
export const DOCUMENTED_ACCOUNTING = [
  'accounts',
  'bank_accounts',
  'bank_transactions',
  'bills',
  'bill_payments',
  'bill_credit_notes',
  'contacts',
  'company_info',
  'currencies',
  'documents',
  'expenses',
  'invoice_credit_notes',
  'invoices',
  'invoice_payments',
  'items',
  'journal_entries',
  'purchase_orders',
  'sales_orders',
  'goods_receipt_notes',
  'projects',
  'tax_rates',
  'tracking_categories',
  'balance_sheet',
  'cash_flow_statements',
  'income_statements',
];

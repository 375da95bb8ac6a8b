/** The Codat connector: Codat's own Payment format, for the unified Invoice Payment object only.
 * Fixtures are bare records (`GET /companies/{companyId}/data/payments/{paymentId}`). */
import { defineConnector, type MappedEntity } from '../../generated/connectors/index.js';

const ONLY_INVOICE_PAYMENTS = 'The Codat-format connector covers invoice payments only.';

const OTHER_ENTITIES: readonly Exclude<MappedEntity, 'invoice_payments'>[] = [
  'accounts',
  'balance_sheet',
  'bank_accounts',
  'bank_transactions',
  'bill_credit_notes',
  'bill_payments',
  'bills',
  'cash_flow_statements',
  'company_info',
  'contacts',
  'currencies',
  'documents',
  'expenses',
  'goods_receipt_notes',
  'income_statements',
  'invoice_credit_notes',
  'invoices',
  'items',
  'journal_entries',
  'projects',
  'purchase_orders',
  'sales_orders',
  'tax_rates',
  'tracking_categories',
];

export default defineConnector({
  name: 'Codat',
  unsupportedEntities: Object.fromEntries(OTHER_ENTITIES.map((entity) => [entity, ONLY_INVOICE_PAYMENTS])),
});

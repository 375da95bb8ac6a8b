/** The Xero connector: what ledgerspec needs to know besides the mappings in mappings/. */
import { defineConnector } from '../../generated/connectors/index.js';

export default defineConnector({
  name: 'Xero',
  // Fixtures are the record itself (element [0] of the response envelope's plural array), so
  // no recordOf is needed.
  unsupportedEntities: {
    sales_orders:
      'Xero has quotes (Quotes) and purchase orders but no sales orders: an accepted quote is invoiced directly.',
    goods_receipt_notes:
      'Xero records no goods receipts: a purchase order is marked billed when its bill is entered, and tracked stock arrives with the bill.',
  },
});

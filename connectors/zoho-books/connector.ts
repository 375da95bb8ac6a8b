/** The Zoho Books connector: what ledgerspec needs to know besides the mappings in mappings/. */
import { defineConnector } from '../../generated/connectors/index.js';

export default defineConnector({
  name: 'Zoho Books',
  // No recordOf: each fixture is already the record under the response's singular key (`invoice`,
  // `vendorpayment`, …); the three reports are whole response bodies, which is what their mappings
  // read (the period lives in `page_context`).
  // Zoho Books has a counterpart for all 25 entities (see README: Entity map).
  unsupportedEntities: {},
});

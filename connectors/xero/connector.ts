/** The Xero connector: what ledgerspec needs to know besides the mappings in mappings/. */
import { defineConnector } from '../../generated/connectors/index.js';

export default defineConnector({
  name: 'Xero',
  // Fixtures are saved exactly as the API returns them; when that is an envelope, say where the
  // record is: recordOf: (payload) => (payload as { Invoice: unknown }).Invoice,
  // Entities Xero has nothing for, with the reason: unsupportedEntities: { projects: '…' },
  unsupportedEntities: {},
});

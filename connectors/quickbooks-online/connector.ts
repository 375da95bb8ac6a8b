/** The QuickBooks Online connector: what ledgerspec needs to know besides the mappings in mappings/. */
import { defineConnector } from '../../generated/connectors/index.js';

/** A QBO read response is `{"<Entity>": {...}, "time": "<server time>"}`: the record is under the
 * one key that is not `time` (the key names the QBO type: Customer or Vendor, TaxRate or TaxCode). */
function recordOf(payload: unknown): unknown {
  if (payload === null || typeof payload !== 'object') return payload;
  const keys = Object.keys(payload).filter((key) => key !== 'time');
  if (keys.length !== 1) throw new Error(`expected one entity key besides "time", found ${JSON.stringify(keys)}`);
  return (payload as Record<string, unknown>)[keys[0] as string];
}

export default defineConnector({
  name: 'QuickBooks Online',
  recordOf,
  unsupportedEntities: {
    goods_receipt_notes: 'QuickBooks Online has no goods received notes: purchase orders are closed by bills.',
    sales_orders: 'QuickBooks Online has no sales orders (estimates are quotes, not orders).',
  },
});

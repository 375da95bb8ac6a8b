/**
 * Zoho Books tax (`GET /settings/taxes/{tax_id}`, key `tax`) or tax group
 * (`GET /settings/taxgroups/{tax_group_id}`, key `tax_group`) → ledgerspec TaxRate (`tax_rates`).
 * Both live in one ID space: a line's `tax_id` may name either. Read-only in the unified API.
 */
import type { TaxComponent } from '../../../generated/types/index.js';
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import { roundMoney } from '../transactions.js';
import { amount, list } from '../../lib/values.js';
import { zohoId, zohoText } from '../values.js';

/** A single tax, or one member of a group. */
export interface ZohoBooksTax {
  tax_id: string | number;
  tax_name?: string;
  tax_percentage?: number;
  /** `tax` or `compound_tax` (charged on the amount plus the other taxes). */
  tax_type?: string;
  /** Only on taxes: `active` or `inactive`. */
  status?: string;
}

/** A tax group: taxes charged together. */
export interface ZohoBooksTaxGroup {
  tax_group_id: string | number;
  tax_group_name?: string;
  tax_group_percentage?: number;
  taxes?: ZohoBooksTax[];
}

export type ZohoBooksTaxRate = ZohoBooksTax | ZohoBooksTaxGroup;

const isGroup = (raw: ZohoBooksTaxRate): raw is ZohoBooksTaxGroup => 'tax_group_id' in raw;

function components(raw: ZohoBooksTaxRate): TaxComponent[] {
  const taxes = isGroup(raw) ? list(raw.taxes) : [raw];
  return taxes.map((tax) => ({
    name: zohoText(tax.tax_name),
    rate: amount(tax.tax_percentage),
    is_compound: tax.tax_type === 'compound_tax',
  }));
}

export const read = mapRead<'tax_rates', ZohoBooksTaxRate>({
  platform_id: (raw) => zohoId(isGroup(raw) ? raw.tax_group_id : raw.tax_id),
  name: (raw) => zohoText(isGroup(raw) ? raw.tax_group_name : raw.tax_name),
  code: notSupported('Zoho taxes have a name and an ID, no short code.'),
  components: (raw) => components(raw),
  // Zoho's own percentage already applies compound members on top of the others.
  effective_tax_rate: (raw) => amount(isGroup(raw) ? raw.tax_group_percentage : raw.tax_percentage),
  total_tax_rate: (raw) =>
    roundMoney(
      components(raw).reduce((sum, component) => sum + (component.rate ?? 0), 0),
      4,
    ),
  // Zoho's taxes list reports groups with tax_type `tax_group`.
  tax_type: (raw) => (isGroup(raw) ? 'tax_group' : zohoText(raw.tax_type)),
  // Tax groups have no status at all (left out); taxes are active or inactive.
  status: (raw) =>
    isGroup(raw)
      ? undefined
      : raw.status === 'active'
        ? 'Active'
        : raw.status === 'inactive'
          ? 'Archived'
          : raw.status
            ? 'Unknown'
            : null,
  updated_at: notSupported('Zoho taxes and tax groups carry no modification time.'),
});

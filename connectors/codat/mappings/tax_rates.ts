/**
 * Codat → ledgerspec TaxRate (`tax_rates`).
 *
 * Codat's TaxRate (`GET /companies/{companyId}/data/taxRates/{taxRateId}`): a rate made of
 * components (`{ name, rate, isCompound }`), with Codat's `effectiveTaxRate` (compounded) and
 * `totalTaxRate` (plain sum). QuickBooks' US sales-tax codes come through as tax rates too
 * (QuickBooks Desktop's "Taxable Sales" / "Non-Taxable Sales": no components, no rate, a
 * `temp_IsTaxable` flag; QuickBooks Online's `TAX` / `NON`): they mark a line taxable or not and
 * are no rate, so they are left out.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import type { TaxComponent, TaxRate } from '../../../generated/types/index.js';
import { amount, enumValue, flag, text } from '../../lib/values.js';
import { isDeleted, sourceDate, type CodatMetadata } from '../values.js';

/** The Codat TaxRate as its API returns it. */
export interface CodatTaxRate {
  id: string;
  name?: string | null;
  code?: string | null;
  status?: string | null;
  effectiveTaxRate?: number | null;
  totalTaxRate?: number | null;
  components?: ({ name?: string | null; rate?: number | null; isCompound?: boolean | null } | null)[] | null;
  /** QuickBooks Desktop's sales-tax codes only. */
  temp_IsTaxable?: boolean;
  modifiedDate?: string;
  sourceModifiedDate?: string;
  metadata?: CodatMetadata;
}

const STATUSES: Readonly<Record<string, NonNullable<TaxRate['status']>>> = {
  Active: 'Active',
  Archived: 'Archived',
  Unknown: 'Unknown',
};

/** Why a Codat tax rate is not a rate: one of QuickBooks' taxable / non-taxable codes. */
function taxCode(raw: CodatTaxRate): string | undefined {
  const rateless =
    !(raw.components ?? []).length && amount(raw.effectiveTaxRate) === null && amount(raw.totalTaxRate) === null;
  if ('temp_IsTaxable' in raw || rateless || raw.id === 'TAX' || raw.id === 'NON') {
    return `a sales-tax code marking lines ${raw.temp_IsTaxable === false || raw.id === 'NON' ? 'non-taxable' : 'taxable'} (${text(raw.name) ?? raw.id}), not a tax rate`;
  }
  return undefined;
}

export const read = mapRead<'tax_rates', CodatTaxRate>(
  {
    code: (raw) => text(raw.code),
    components: (raw) =>
      (raw.components ?? [])
        .filter((component) => component !== null)
        .map((component): TaxComponent => ({
          name: text(component?.name),
          rate: amount(component?.rate),
          is_compound: flag(component?.isCompound),
        })),
    effective_tax_rate: (raw) => amount(raw.effectiveTaxRate),
    name: (raw) => text(raw.name),
    platform_id: (raw) => raw.id,
    // A rate deleted on the platform (Codat keeps returning it, flagged) can no longer be used.
    status: (raw) => (isDeleted(raw.metadata) ? 'Archived' : enumValue(STATUSES, raw.status, 'Unknown')),
    tax_type: notSupported("Codat's TaxRate has a code and a name, no separate tax type."),
    total_tax_rate: (raw) => amount(raw.totalTaxRate),
    updated_at: (raw) => sourceDate(raw.sourceModifiedDate),
  },
  { skip: taxCode },
);

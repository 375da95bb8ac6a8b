/**
 * Xero → ledgerspec TaxRate (`tax_rates`): Xero's TaxRate (`GET /TaxRates/{TaxType}`). Tax rates
 * have no ID in Xero: TaxType (OUTPUT2, INPUT2, TAX002 …) is the key, and what lines carry.
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import type { TaxRateStatus } from '../../../generated/types/tax_rate.js';
import { amount, enumValue, flag, list, text } from '../../lib/values.js';

export interface XeroTaxComponent {
  Name?: string;
  Rate?: number;
  IsCompound?: boolean;
  IsNonRecoverable?: boolean;
}

export interface XeroTaxRate {
  TaxType: string;
  Name?: string;
  ReportTaxType?: string;
  DisplayTaxRate?: number;
  EffectiveRate?: number;
  Status?: string;
  TaxComponents?: XeroTaxComponent[];
  CanApplyToAssets?: boolean;
  CanApplyToEquity?: boolean;
  CanApplyToExpenses?: boolean;
  CanApplyToLiabilities?: boolean;
  CanApplyToRevenue?: boolean;
}

type Status = NonNullable<TaxRateStatus>;

/** DELETED rates can no longer be applied, like ARCHIVED ones; PENDING falls to Unknown. */
const STATUSES: Record<string, Status> = { ACTIVE: 'Active', ARCHIVED: 'Archived', DELETED: 'Archived' };

export const read = mapRead<'tax_rates', XeroTaxRate>({
  code: (raw) => text(raw.TaxType),
  // Xero's components have no code of their own.
  components: (raw) =>
    list(raw.TaxComponents).map((component) => ({
      name: text(component.Name),
      rate: amount(component.Rate),
      is_compound: flag(component.IsCompound),
    })),
  // EffectiveRate applies compound components on top of the others; DisplayTaxRate adds them up.
  effective_tax_rate: (raw) => amount(raw.EffectiveRate),
  name: (raw) => text(raw.Name),
  platform_id: (raw) => raw.TaxType,
  status: (raw) => enumValue<Status>(STATUSES, raw.Status, 'Unknown'),
  // ReportTaxType is how the rate is reported (OUTPUT, INPUT, EXEMPTOUTPUT …); TaxType is the code.
  tax_type: (raw) => text(raw.ReportTaxType),
  total_tax_rate: (raw) => amount(raw.DisplayTaxRate),
  updated_at: notSupported('Xero tax rates carry no last-modified time.'),
});

/**
 * QuickBooks Online → ledgerspec TaxRate (`tax_rates`).
 *
 * Two QBO objects fill tax rates. A `TaxCode` (`/taxcode/{id}`) is what transaction lines
 * reference (`TaxCodeRef`; on US companies also the pseudo codes `TAX` / `NON`) and groups
 * `TaxRate`s in its SalesTaxRateList / PurchaseTaxRateList; a `TaxRate` (`/taxrate/{id}`) holds a
 * percentage. Codes keep their bare Id, so line items' tax_id points at them. TaxRate ids come
 * from a separate sequence that overlaps the codes' ("2" can be both), so a rate's platform_id
 * is `TaxRate:<Id>`.
 */
import { mapRead } from '../../../generated/connectors/index.js';
import type { MappedRecords } from '../../../generated/connectors/index.js';
import { amount, flag, text } from '../../lib/values.js';
import { lastUpdated, PSEUDO_TAX_CODES, ref, type QboEntity, type QboRef } from '../values.js';

export interface QboTaxRateDetail {
  TaxRateRef: QboRef;
  TaxTypeApplicable?: string;
  TaxOrder?: number;
}

/** A QBO TaxRate or TaxCode as the API returns it (fields of both; each carries its own). */
export interface QuickBooksOnlineTaxRate extends QboEntity {
  Name?: string;
  Description?: string;
  Active?: boolean;
  /** TaxRate only. */
  RateValue?: number;
  AgencyRef?: QboRef;
  SpecialTaxType?: string;
  DisplayType?: string;
  EffectiveTaxRate?: { RateValue?: number; EffectiveDate?: string; EndDate?: string }[];
  /** TaxCode only. */
  Hidden?: boolean;
  Taxable?: boolean;
  TaxGroup?: boolean;
  SalesTaxRateList?: { TaxRateDetail?: QboTaxRateDetail[] };
  PurchaseTaxRateList?: { TaxRateDetail?: QboTaxRateDetail[] };
  TaxCodeConfigType?: string;
}

type Component = NonNullable<MappedRecords['tax_rates']['components']>[number];

/** A TaxCode carries rate lists or its TaxGroup/Taxable flags; a TaxRate never does (it has RateValue). */
const isCode = (raw: QuickBooksOnlineTaxRate): boolean =>
  raw.SalesTaxRateList !== undefined ||
  raw.PurchaseTaxRateList !== undefined ||
  raw.TaxGroup !== undefined ||
  raw.Taxable !== undefined;

/** A code's rates (sales first, then purchase), named but without their percentage, which is on
 * the TaxRate itself. A rate applied `TaxOnAmountPlusTax` (or `TaxOnTax`) rather than `TaxOnAmount`
 * is charged on top of the rates before it. (Tax codes and rates are read-only entities in QBO:
 * they are created through the TaxService endpoint, so there is no write mapping.) */
function codeComponents(raw: QuickBooksOnlineTaxRate): Component[] {
  const details = [...(raw.SalesTaxRateList?.TaxRateDetail ?? []), ...(raw.PurchaseTaxRateList?.TaxRateDetail ?? [])];
  return details.map((detail) => ({
    code: ref(detail.TaxRateRef),
    name: text(detail.TaxRateRef.name),
    rate: null,
    is_compound: detail.TaxTypeApplicable === undefined ? null : detail.TaxTypeApplicable !== 'TaxOnAmount',
  }));
}

/** The percentage of a TaxRate; null for a code (its rates are separate records). */
const rateValue = (raw: QuickBooksOnlineTaxRate): number | null => (isCode(raw) ? null : amount(raw.RateValue));

/** QBO lists the US pseudo codes TAX, NON and CustomSalesTax among TaxCodes; they carry no rate
 * (TAX means "at the document's tax code", NON "not taxed", CustomSalesTax "an amount typed in"),
 * so they are no tax rate record. */
const pseudoCode = (raw: QuickBooksOnlineTaxRate): string | undefined =>
  isCode(raw) && PSEUDO_TAX_CODES.has(String(raw.Id))
    ? `QBO's US pseudo tax code ${raw.Id} (a marker, not a rate)`
    : undefined;

export const read = mapRead<'tax_rates', QuickBooksOnlineTaxRate>(
  {
    code: (raw) => (isCode(raw) ? text(raw.Name) : null),
    components: (raw) =>
      isCode(raw)
        ? codeComponents(raw)
        : [{ code: raw.Id, name: text(raw.Name), rate: amount(raw.RateValue), is_compound: false }],
    effective_tax_rate: rateValue,
    name: (raw) => text(raw.Name),
    platform_id: (raw) => (isCode(raw) ? raw.Id : `TaxRate:${raw.Id}`),
    status: (raw) => (flag(raw.Active) === null ? null : raw.Active ? 'Active' : 'Archived'),
    // A rate's special type (NONE, ZERO_RATE, ADJUSTMENT_RATE, REVERSECHARGE); codes have none.
    tax_type: (raw) => text(raw.SpecialTaxType),
    total_tax_rate: rateValue,
    updated_at: lastUpdated,
  },
  { skip: pseudoCode },
);

/**
 * QuickBooks Online → ledgerspec TaxRate (`tax_rates`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, notSupported, todo } from '../../../generated/connectors/index.js';

/** The QuickBooks Online record as its API returns it. Declare the fields you map. */
export interface QuickBooksOnlineTaxRate {
  [field: string]: unknown;
}

export const read = mapRead<'tax_rates', QuickBooksOnlineTaxRate>({
  code: todo('The short code the platform uses for the tax rate.'),
  components: todo('The taxes the rate is made of (a single component for a simple rate).'),
  effective_tax_rate: todo(
    'The rate actually charged, as a percentage, once compound components are applied on top of the others.',
  ),
  name: todo("The tax rate's display name."),
  platform_id: todo("The accounting platform's ID for this tax rate."),
  status: todo('Whether the tax rate can still be used (Active), has been retired (Archived), or Unknown.'),
  tax_type: todo("The platform's own tax type for the rate (for example OUTPUT2, INPUT, GST), as free text."),
  total_tax_rate: todo("The plain sum of the components' rates, as a percentage."),
  updated_at: todo('When the tax rate was last changed on the accounting platform.'),
});

/**
 * Xero → ledgerspec TrackingCategory (`tracking_categories`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, notSupported, todo } from '../../../generated/connectors/index.js';

/** The Xero record as its API returns it. Declare the fields you map. */
export interface XeroTrackingCategory {
  [field: string]: unknown;
}

export const read = mapRead<'tracking_categories', XeroTrackingCategory>({
  has_children: todo('Whether other tracking categories sit under this one.'),
  name: todo("The tracking category's name."),
  parent_id: todo("The platform's ID for the parent tracking category; null for a top-level category."),
  platform_id: todo(
    "The accounting platform's ID for this tracking category. For an option under a parent category it may be composite, the parent's ID and the option's ID joined by an underscore.",
  ),
  status: todo(
    'Whether the category can still be used on transactions (Active), has been retired (Archived), or Unknown.',
  ),
  updated_at: todo('When the tracking category was last changed on the accounting platform.'),
});

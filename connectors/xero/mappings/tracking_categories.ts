/**
 * Xero → ledgerspec TrackingCategory (`tracking_categories`): Xero's TrackingCategory
 * (`GET /TrackingCategories/{TrackingCategoryID}`). Xero has two levels, categories (Region) and
 * their options (South West); lines are tagged with an option, which ledgerspec identifies as
 * `<TrackingCategoryID>_<TrackingOptionID>` with the category as its parent. This mapping reads
 * the category itself; options come inside it (Options) and have no endpoint of their own.
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import type { TrackingCategoryStatus } from '../../../generated/types/tracking_category.js';
import { enumValue, list, text } from '../../lib/values.js';

export interface XeroTrackingOption {
  TrackingOptionID?: string;
  Name?: string;
  Status?: string;
  IsActive?: boolean;
  IsArchived?: boolean;
  IsDeleted?: boolean;
  HasValidationErrors?: boolean;
}

export interface XeroTrackingCategory {
  TrackingCategoryID: string;
  Name?: string;
  Status?: string;
  Options?: XeroTrackingOption[];
}

type Status = NonNullable<TrackingCategoryStatus>;

/** A DELETED category can no longer be used on transactions, like an ARCHIVED one. */
const STATUSES: Record<string, Status> = { ACTIVE: 'Active', ARCHIVED: 'Archived', DELETED: 'Archived' };

export const read = mapRead<'tracking_categories', XeroTrackingCategory>({
  has_children: (raw) => list(raw.Options).length > 0,
  name: (raw) => text(raw.Name),
  // Xero's categories are never nested; only options have a parent (their category).
  parent_id: () => null,
  platform_id: (raw) => raw.TrackingCategoryID,
  status: (raw) => enumValue<Status>(STATUSES, raw.Status, 'Unknown'),
  updated_at: notSupported('Xero tracking categories carry no last-modified time.'),
});

/**
 * Codat → ledgerspec TrackingCategory (`tracking_categories`).
 *
 * Codat's TrackingCategory (`GET /companies/{companyId}/data/trackingCategories/{trackingCategoryId}`):
 * one node of the platform's tracking tree (classes, departments, locations…), with `parentId`
 * and `hasChildren`. Read by id it also nests its children in `subCategories` (the list endpoint
 * does not); each child is a record of its own in the list, so the nesting is not read here.
 */
import { mapRead } from '../../../generated/connectors/index.js';
import type { TrackingCategory } from '../../../generated/types/index.js';
import { enumValue, flag, text } from '../../lib/values.js';
import { isDeleted, sourceDate, type CodatMetadata } from '../values.js';

/** The Codat TrackingCategory as its API returns it. */
export interface CodatTrackingCategory {
  id: string;
  name?: string | null;
  status?: string | null;
  parentId?: string | null;
  hasChildren?: boolean | null;
  /** Only when read by id. */
  subCategories?: CodatTrackingCategory[] | null;
  modifiedDate?: string;
  sourceModifiedDate?: string;
  metadata?: CodatMetadata;
}

const STATUSES: Readonly<Record<string, NonNullable<TrackingCategory['status']>>> = {
  Active: 'Active',
  Archived: 'Archived',
  Unknown: 'Unknown',
};

export const read = mapRead<'tracking_categories', CodatTrackingCategory>({
  has_children: (raw) => flag(raw.hasChildren) ?? (raw.subCategories ? raw.subCategories.length > 0 : null),
  name: (raw) => text(raw.name),
  parent_id: (raw) => text(raw.parentId),
  platform_id: (raw) => raw.id,
  // A category deleted on the platform (Codat keeps returning it, flagged) can no longer be used.
  status: (raw) => (isDeleted(raw.metadata) ? 'Archived' : enumValue(STATUSES, raw.status, 'Unknown')),
  updated_at: (raw) => sourceDate(raw.sourceModifiedDate),
});

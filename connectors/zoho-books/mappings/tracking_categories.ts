/**
 * Zoho Books reporting tag (`GET /settings/tags/{tag_id}`) or one of its options → ledgerspec
 * TrackingCategory (`tracking_categories`). Read-only in the unified API.
 *
 * A tag (Region) is a top-level category and its options (West, East) are its children. An option
 * has no ID space of its own on lines, so its record is keyed `<tag_id>_<tag_option_id>`, the form
 * line items' `tracking_category_ids` use. The option record is built from the tag/option pair as
 * Zoho embeds it on line items (`tags[]`), which carries both IDs and both names.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import { list, text } from '../../lib/values.js';
import { trackingCategoryId, type ZohoLineTag } from '../transactions.js';

/** A reporting tag with its options. */
export interface ZohoBooksReportingTag {
  tag_id: string;
  tag_name?: string;
  description?: string;
  is_active?: boolean;
  tag_options?: { tag_option_id: string; tag_option_name?: string; is_active?: boolean }[];
}

export type ZohoBooksTrackingCategory = ZohoBooksReportingTag | ZohoLineTag;

const isOption = (raw: ZohoBooksTrackingCategory): raw is ZohoLineTag => 'tag_option_id' in raw;

export const read = mapRead<'tracking_categories', ZohoBooksTrackingCategory>({
  platform_id: (raw) => (isOption(raw) ? trackingCategoryId(raw) : raw.tag_id),
  name: (raw) => text(isOption(raw) ? raw.tag_option_name : raw.tag_name),
  parent_id: (raw) => (isOption(raw) ? raw.tag_id : null),
  has_children: (raw) => (isOption(raw) ? false : list(raw.tag_options).length > 0),
  // An option as embedded on a line does not say whether it is still active.
  status: (raw) => (isOption(raw) || raw.is_active === undefined ? null : raw.is_active ? 'Active' : 'Archived'),
  updated_at: notSupported('Zoho reporting tags carry no modification time.'),
});

/**
 * Zoho Books reporting tag (`GET /settings/reportingtags`, one row per tag; the options page
 * `GET /settings/reportingtags/{tag_id}/options`) or one of its options → ledgerspec
 * TrackingCategory (`tracking_categories`). Read-only in the unified API.
 *
 * A tag (Region) is a top-level category and its options (West, East) are its children. An option
 * has no ID space of its own on lines, so its record is keyed `<tag_id>_<tag_option_id>`, the form
 * line items' `tracking_category_ids` use. The option record is built from the tag/option pair as
 * Zoho embeds it on line items (`tags[]`), which carries both IDs and both names.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import { zohoList, trackingId, zohoId, zohoText, type ZohoTag } from '../values.js';

/** An option of a tag: `tag_options[]` on older tag responses, `options[]` (nested `children`) on
 * the options page. */
interface ZohoReportingTagOption {
  tag_option_id?: string | number;
  option_id?: string | number;
  is_active?: boolean;
}

/** A reporting tag, as the tag list or the options page returns it. */
export interface ZohoBooksReportingTag {
  tag_id: string | number;
  tag_name?: string;
  description?: string;
  is_active?: boolean;
  tag_options?: ZohoReportingTagOption[];
  options?: ZohoReportingTagOption[];
}

export type ZohoBooksTrackingCategory = ZohoBooksReportingTag | ZohoTag;

/** The pair embedded on a line names an option; a record of its own is a tag. */
const isOption = (raw: ZohoBooksTrackingCategory): raw is ZohoTag => 'tag_option_id' in raw;

/** The tag's options when the payload lists them; the tag list itself does not say (null). */
function hasOptions(raw: ZohoBooksReportingTag): boolean | null {
  if (raw.tag_options === undefined && raw.options === undefined) return null;
  return zohoList(raw.tag_options).length + zohoList(raw.options).length > 0;
}

export const read = mapRead<'tracking_categories', ZohoBooksTrackingCategory>({
  platform_id: (raw) => (isOption(raw) ? zohoId(trackingId(raw)) : zohoId(raw.tag_id)),
  name: (raw) => zohoText(isOption(raw) ? raw.tag_option_name : raw.tag_name),
  parent_id: (raw) => (isOption(raw) ? zohoText(raw.tag_id) : null),
  has_children: (raw) => (isOption(raw) ? false : hasOptions(raw)),
  // An option as embedded on a line does not say whether it is still active.
  status: (raw) => (isOption(raw) || typeof raw.is_active !== 'boolean' ? null : raw.is_active ? 'Active' : 'Archived'),
  updated_at: notSupported('Zoho reporting tags carry no modification time.'),
});

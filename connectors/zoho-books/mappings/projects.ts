/**
 * Zoho Books project (`GET /projects/{project_id}`, key `project`) → ledgerspec Project
 * (`projects`). Read-only in the unified API.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import { enumValue } from '../../lib/values.js';
import { zohoId, zohoText } from '../values.js';

/** The Zoho Books project as its API returns it: the fields mapped. */
export interface ZohoBooksProject {
  project_id: string | number;
  project_name?: string;
  customer_id?: string | number;
  description?: string;
  /** `active` or `inactive`. */
  status?: string;
}

/** Zoho has only active and inactive projects; an inactive project is hidden, not completed. */
const PROJECT_STATUS = { active: 'Active', inactive: 'Archived' } as const;

export const read = mapRead<'projects', ZohoBooksProject>({
  platform_id: (raw) => zohoId(raw.project_id),
  name: (raw) => zohoText(raw.project_name),
  contact_id: (raw) => zohoText(raw.customer_id),
  description: (raw) => zohoText(raw.description),
  start_date: notSupported('Zoho Books projects have no start date (only created_time, when the record was made).'),
  end_date: notSupported('Zoho Books projects have no end date.'),
  status: (raw) => enumValue(PROJECT_STATUS, raw.status, 'Unknown'),
  updated_at: notSupported('Zoho Books projects report created_time only, no modification time.'),
});

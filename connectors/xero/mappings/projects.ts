/**
 * Xero → ledgerspec Project (`projects`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, notSupported, todo } from '../../../generated/connectors/index.js';

/** The Xero record as its API returns it. Declare the fields you map. */
export interface XeroProject {
  [field: string]: unknown;
}

export const read = mapRead<'projects', XeroProject>({
  contact_id: todo("The platform's ID for the customer the project is carried out for."),
  description: todo('A free-text description of the project.'),
  end_date: todo('When the project is due to end or ended, as an ISO 8601 timestamp.'),
  name: todo("The project's name."),
  platform_id: todo("The accounting platform's ID for this project."),
  start_date: todo('When the project starts or started, as an ISO 8601 timestamp.'),
  status: todo(
    'Where the project stands: Active (in progress), Completed (finished), Archived (hidden or closed without completing), or Unknown. Platforms report free-text statuses; they are mapped onto this short list so that projects can be filtered the same way on every platform, with Unknown for values that do not map (the original stays in raw_data).',
  ),
  updated_at: todo('When the project was last changed on the accounting platform.'),
});

/**
 * Xero → ledgerspec Project (`projects`): a project of Xero's Projects API
 * (`https://api.xero.com/projects.xro/2.0`, `GET /Projects/{projectId}`, or an element of
 * `GET /Projects`' `items`), read-only in the unified API.
 *
 * Xero's project has a contact, a name, a deadline, an estimate and running totals of time and
 * expenses, and a status: INPROGRESS or CLOSED (Xero's ProjectStatus, the only two). It has no
 * description, no start date and no modification time.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import { calendarDay, enumValue, text } from '../../lib/values.js';

interface XeroProjectAmount {
  currency?: string;
  value?: number;
}

/** The Project object of xero-projects.yaml (the fields mapped and the totals beside them). */
export interface XeroProject {
  projectId: string;
  contactId?: string;
  name?: string;
  currencyCode?: string;
  minutesLogged?: number;
  deadlineUtc?: string;
  estimate?: XeroProjectAmount;
  totalTaskAmount?: XeroProjectAmount;
  totalExpenseAmount?: XeroProjectAmount;
  totalInvoiced?: XeroProjectAmount;
  totalToBeInvoiced?: XeroProjectAmount;
  /** INPROGRESS or CLOSED. */
  status?: string;
}

/** In progress or closed: a closed project is a finished one (Xero has no archived or
 * abandoned state to tell apart). */
const PROJECT_STATUS = { INPROGRESS: 'Active', CLOSED: 'Completed' } as const;

export const read = mapRead<'projects', XeroProject>({
  platform_id: (raw) => raw.projectId,
  name: (raw) => text(raw.name),
  description: notSupported('Xero projects have no description: a name, a contact, a deadline and an estimate only.'),
  status: (raw) => enumValue(PROJECT_STATUS, raw.status, 'Unknown'),
  contact_id: (raw) => text(raw.contactId),
  start_date: notSupported('Xero projects have no start date, only a deadline (deadlineUtc).'),
  // deadlineUtc is an instant in UTC (Xero stores the end of the deadline day in the
  // organisation's time zone, which the project does not name): its date as written.
  end_date: (raw) => calendarDay(raw.deadlineUtc),
  updated_at: notSupported('Xero projects carry no created or modified time.'),
});

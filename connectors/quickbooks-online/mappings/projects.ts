/**
 * QuickBooks Online → ledgerspec Project (`projects`).
 *
 * QBO's accounting API (v3) keeps jobs and projects in the customer list: a `Customer` with
 * `Job: true` ("a Job or sub-customer", under the customer named by `ParentRef`), or with
 * `IsProject: true` (a project made in QBO's Projects centre, which the v3 API returns as such a
 * customer record). Income and costs are tracked against it by naming it as the customer
 * (`CustomerRef`) on transactions. Top-level customers (and vendors, whose records carry no Job)
 * are no projects and are left out. The v3 record has no project dates or progress status: those
 * live only in Intuit's separate Projects GraphQL API, which is not this connector's API.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import { flag, text } from '../../lib/values.js';
import { lastUpdated, qboId, ref, type QboEntity, type QboRef } from '../values.js';

/** The Customer fields a job or project uses. */
export interface QuickBooksOnlineProject extends QboEntity {
  DisplayName?: string;
  FullyQualifiedName?: string;
  Notes?: string;
  Active?: boolean;
  Job?: boolean;
  IsProject?: boolean;
  ParentRef?: QboRef;
  Level?: number;
}

const NO_DATES =
  "QBO's v3 Customer record of a job or project has no start or end date (project dates are only in Intuit's Projects GraphQL API).";

export const read = mapRead<'projects', QuickBooksOnlineProject>(
  {
    platform_id: qboId,
    // The job's own name; FullyQualifiedName prefixes the parents ("Freeman Sporting Goods:55 Twin Lane").
    name: (raw) => text(raw.DisplayName),
    description: (raw) => text(raw.Notes),
    // QBO says only whether the job is active (listed) or made inactive (hidden); it has no
    // in-progress / completed status on the record.
    status: (raw) => {
      const active = flag(raw.Active);
      return active === null ? null : active ? 'Active' : 'Archived';
    },
    // The customer the job is under (its immediate parent, itself a customer record).
    contact_id: (raw) => ref(raw.ParentRef),
    start_date: notSupported(NO_DATES),
    end_date: notSupported(NO_DATES),
    updated_at: lastUpdated,
  },
  {
    skip: (raw) =>
      raw.Job === true || raw.IsProject === true
        ? undefined
        : 'not a job or project: a top-level customer (or a vendor)',
  },
);

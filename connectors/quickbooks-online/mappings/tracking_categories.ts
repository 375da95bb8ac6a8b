/**
 * QuickBooks Online → ledgerspec TrackingCategory (`tracking_categories`).
 *
 * QBO has two tracking lists, each a tree of up to five levels: `Class`
 * (`/v3/company/{realmId}/class/{id}`) and `Department` (`/department/{id}`, shown as "Location"
 * in QBO's screens). Both are read here. The two lists are numbered separately, so their ids can
 * overlap: a class keeps its bare Id (what a line's `ClassRef` holds, so the `tracking_category_ids`
 * of invoice, bill and expense lines stay as they are), a department is keyed `Department:<Id>`
 * (`departmentId`). A record says which list it is on only by its flag: `SubClass` on classes,
 * `SubDepartment` on departments (a read answer's key, `Class` or `Department`, says it too).
 * Read-only in the spec, though QBO accepts creates.
 */
import { mapRead } from '../../../generated/connectors/index.js';
import { text } from '../../lib/values.js';
import { lastUpdated, qboId, ref, type QboEntity, type QboRef } from '../values.js';

/** A QBO Class or Department as its API returns it. */
export interface QuickBooksOnlineTrackingCategory extends QboEntity {
  Name?: string;
  FullyQualifiedName?: string;
  Active?: boolean;
  ParentRef?: QboRef;
  /** Classes only. */
  SubClass?: boolean;
  /** Departments only. */
  SubDepartment?: boolean;
}

/** Prefix of a department's unified id. */
export const DEPARTMENT_PREFIX = 'Department:';

/** A department's unified id (`Department:<Id>`), null for none. */
export function departmentId(reference: QboRef | null | undefined): string | null {
  const id = ref(reference);
  return id === null ? null : `${DEPARTMENT_PREFIX}${id}`;
}

/** The QBO Id inside a department's unified id; undefined for a class id. */
export function departmentRefOf(id: string): string | undefined {
  return id.startsWith(DEPARTMENT_PREFIX) ? id.slice(DEPARTMENT_PREFIX.length) : undefined;
}

/** The class a document line takes (a QBO line has one ClassRef and no department): the first
 * tracking category that is not a department. */
export function lineClassId(ids: readonly string[] | null | undefined): string | undefined {
  return (ids ?? []).find((id) => departmentRefOf(id) === undefined);
}

const isDepartment = (raw: QuickBooksOnlineTrackingCategory): boolean =>
  raw.SubDepartment !== undefined && raw.SubClass === undefined;

/** The record's own unified id. */
function categoryId(raw: QuickBooksOnlineTrackingCategory): string {
  return isDepartment(raw) ? `${DEPARTMENT_PREFIX}${qboId(raw)}` : qboId(raw);
}

export const read = mapRead<'tracking_categories', QuickBooksOnlineTrackingCategory>({
  platform_id: categoryId,
  name: (raw) => text(raw.Name),
  status: (raw) => (raw.Active === undefined ? null : raw.Active ? 'Active' : 'Archived'),
  // ParentRef names a record of the same list.
  parent_id: (raw) => (isDepartment(raw) ? departmentId(raw.ParentRef) : ref(raw.ParentRef)),
  // A class or department does not say whether others sit under it; the list does (a child names
  // its parent in ParentRef). Answered from the records the reader knows: true when one of them
  // has this record as parent.
  has_children: (raw, context) => context.lookup('tracking_categories', 'parent_id', categoryId(raw)) !== undefined,
  updated_at: lastUpdated,
});

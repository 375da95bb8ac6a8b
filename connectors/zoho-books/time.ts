/**
 * Zoho Books dates and timestamps. Transaction dates are `YYYY-MM-DD`; `created_time`,
 * `last_modified_time` and `updated_time` are ISO 8601 with an offset written without the colon
 * (`2024-03-01T10:15:30+0530`), which `Date` does not parse reliably.
 */
import { dateTime } from '../lib/values.js';

const OFFSET_WITHOUT_COLON = /T.*([+-]\d{2})(\d{2})$/;

/** A Zoho date or timestamp in the unified UTC form (`2024-03-01T04:45:30.000Z`). */
export function zohoDateTime(value: unknown): string | null {
  if (typeof value !== 'string') return dateTime(value);
  const match = OFFSET_WITHOUT_COLON.exec(value);
  if (!match) return dateTime(value);
  const [, hours, minutes] = match;
  return dateTime(`${value.slice(0, -5)}${hours}:${minutes}`);
}

/** A unified timestamp as the `YYYY-MM-DD` date Zoho's request bodies take. Unified dates of
 * date-only platform fields are midnight UTC, so the UTC calendar day is the one meant. */
export function zohoDate(value: string | null): string | undefined {
  if (value === null) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

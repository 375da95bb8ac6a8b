/**
 * Value conversions every connector needs: platforms send money as numbers or strings, flags as
 * booleans or strings, dates with and without a time or zone, and enums in their own spelling.
 * Each function takes what the platform sent (unknown, since raw records are only partly typed)
 * and returns the unified value, or null when the platform sent nothing usable.
 */

/** A non-empty string; numbers (ids some platforms send as numbers) become strings. */
export function text(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** A number from a JSON number or a numeric string ("50.00", "1,250.00"). */
export function amount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = Number(value.replace(/,/g, ''));
  return Number.isFinite(parsed) ? parsed : null;
}

/** A boolean from true/false or "true"/"false" (any case). */
export function flag(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return null;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * An ISO 8601 timestamp in the unified form (`2024-03-01T00:00:00.000Z`). A date without a time
 * is midnight UTC; a time without a zone is read as UTC (platforms that send those mean the
 * company's calendar day, not an instant); a time with an offset is converted to UTC.
 */
export function dateTime(value: unknown): string | null {
  const raw = text(value);
  if (raw === null) return null;
  const iso = DATE_ONLY.test(raw) ? `${raw}T00:00:00Z` : LOCAL_DATE_TIME.test(raw) ? `${raw}Z` : raw;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The unified enum value for a platform's value; `fallback` (the enum's Unknown) for anything
 * the table does not list, so a new platform value never breaks a read. */
export function enumValue<Unified extends string>(
  table: Readonly<Record<string, Unified>>,
  value: unknown,
  fallback: Unified,
): Unified | null {
  if (value === undefined || value === null || value === '') return null;
  return Object.hasOwn(table, String(value)) ? (table[String(value)] as Unified) : fallback;
}

/** The array a platform sent, or an empty one (owned sub-model lists are never null). */
export function list<T>(value: T[] | null | undefined): T[] {
  return Array.isArray(value) ? value : [];
}

/** The array without its null and undefined elements (a documented tag list of nulls is no tag). */
export function compact<T>(value: readonly (T | null | undefined)[] | null | undefined): T[] {
  return Array.isArray(value) ? value.filter((item): item is T => item !== null && item !== undefined) : [];
}

/**
 * A currency rate in the unified direction: units of the company's base currency per unit of the
 * document's currency. Platforms that quote foreign per base (Xero, Codat) are inverted. 0, which
 * some platforms send for "same currency" or "not set", is null.
 */
export function baseRate(value: unknown, quotedAs: 'base-per-foreign' | 'foreign-per-base'): number | null {
  const rate = amount(value);
  if (rate === null || rate === 0) return null;
  return quotedAs === 'base-per-foreign' ? rate : Number((1 / rate).toPrecision(12));
}

/**
 * The calendar date a unified timestamp means, `YYYY-MM-DD`, for platforms that take dates
 * without a time. The date is read as written: `2024-03-01T00:00:00+02:00` is 1 March, whatever
 * the offset, because an accountant who writes 1 March means 1 March (converting to UTC first
 * would post it on 29 February).
 */
export function calendarDate(value: unknown): string | null {
  const raw = text(value);
  const match = raw === null ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  if (!match) return null;
  const [, year, month, day] = match;
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${year}-${month}-${day}`
    ? null
    : `${year}-${month}-${day}`;
}

/**
 * A unified date-only field (`x-date-only`: posted, due, payment dates) from what the platform
 * sent: midnight UTC of the calendar date as written. `2020-04-28T18:16:22+05:30` is 28 April;
 * converting the instant to UTC first could move it to another day.
 */
export function calendarDay(value: unknown): string | null {
  const day = calendarDate(value);
  return day === null ? null : `${day}T00:00:00.000Z`;
}

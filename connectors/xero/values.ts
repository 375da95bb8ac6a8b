/**
 * Xero-specific value conversions, on top of the shared ones in connectors/lib/values.ts.
 */
import { baseRate, calendarDate, dateTime, text } from '../lib/values.js';

/** `/Date(1710374400000+0000)/`: milliseconds since the epoch, then an optional zone offset. */
const MICROSOFT_JSON_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/**
 * A unified timestamp from a Xero date. Records carry Microsoft JSON dates, whose milliseconds
 * are already UTC (the offset only says which zone the value was entered in, so it is not
 * applied again); Xero also sends ISO strings (`DateString`, `UpdatedDateUTCString`), which the
 * shared `dateTime` reads.
 */
export function xeroDate(value: unknown): string | null {
  const raw = text(value);
  if (raw === null) return null;
  const match = MICROSOFT_JSON_DATE.exec(raw);
  if (!match) return dateTime(raw);
  const date = new Date(Number(match[1]));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * The `YYYY-MM-DD` form Xero's create endpoints document for `Date`/`DueDate`: the calendar date
 * as written (spec: dates without a time), so `2024-03-01T00:00:00+02:00` is sent as 1 March, not
 * converted to UTC first (which would post it on 29 February).
 */
export function toXeroDate(value: string | null | undefined): string | undefined {
  return calendarDate(value) ?? undefined;
}

/**
 * Xero quotes `CurrencyRate` as units of the document's currency per unit of the base currency
 * (a USD invoice in an NZD organisation at 0.75 means 1 NZD = 0.75 USD; its API documents the
 * payment rate as "e.g. 0.7500"). The spec's `currency_rate` is the other way round, base per
 * foreign, so reads invert it; 0 (Xero's "no rate" on payment summaries) is null.
 */
export function fromXeroRate(value: unknown): number | null {
  return baseRate(value, 'foreign-per-base');
}

/**
 * The unified (base per foreign) rate as Xero takes it on writes: inverted back, to the six
 * significant digits Xero keeps (its rates read 0.937053, 1.54715), so a rate read from Xero and
 * written again is the rate Xero had, not 0.750000000002.
 */
export function toXeroRate(rate: number | null | undefined): number | undefined {
  const inverted = baseRate(rate, 'foreign-per-base');
  return inverted === null ? undefined : Number(inverted.toPrecision(6));
}

/** Money as Xero rounds it (2 places); unit prices may carry 4 (`unitdp=4`), so those use 4. */
export function round(value: number, places = 2): number {
  const factor = 10 ** places;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/**
 * Xero tags a line with an option of a tracking category. The unified ID of an option is the
 * category ID and the option ID joined by an underscore (see tracking_category.platform_id).
 */
export interface XeroTracking {
  TrackingCategoryID?: string;
  TrackingOptionID?: string;
  Name?: string;
  Option?: string;
}

export function trackingIds(tracking: readonly XeroTracking[] | undefined): string[] {
  return (tracking ?? []).flatMap((tag) => {
    if (!tag.TrackingCategoryID) return [];
    return [tag.TrackingOptionID ? `${tag.TrackingCategoryID}_${tag.TrackingOptionID}` : tag.TrackingCategoryID];
  });
}

/**
 * The reverse of `trackingIds`: Xero's create bodies take the category and option IDs. A line is
 * tagged with an option; an ID without one (a category alone, read from a line whose tracking
 * named its option only by name) cannot be written, so it is left out rather than sent for Xero
 * to reject.
 */
export function toXeroTracking(ids: readonly string[] | undefined): XeroTracking[] {
  return (ids ?? []).flatMap((id) => {
    const [category, option] = id.split('_');
    return category && option ? [{ TrackingCategoryID: category, TrackingOptionID: option }] : [];
  });
}

/** The Xero value for a unified enum value (the inverse tables of the read mappings); undefined
 * for values Xero cannot take, such as Unknown, so the field is left out of the request. */
export function toXeroEnum<Xero extends string>(
  table: Readonly<Record<string, Xero>>,
  value: unknown,
): Xero | undefined {
  return typeof value === 'string' && Object.hasOwn(table, value) ? table[value] : undefined;
}

/**
 * The skip rule of an entity read from a Xero endpoint that answers two kinds of record told
 * apart by `Type` (GET /Invoices: sales invoices and bills; GET /CreditNotes: both kinds of credit
 * note): a record of the other kind is left out, and so is a DELETED one (a removed draft), as
 * spec/README says of deleted documents. `kinds` names each Type's unified entity.
 */
export function otherTypeOrDeleted<Type extends string>(
  noun: string,
  kinds: Readonly<Record<Type, string>>,
  wanted: Type,
) {
  return (raw: { Type?: string; Status?: string }): string | undefined => {
    const type = raw.Type;
    if (type !== wanted) {
      const kind =
        type !== undefined && Object.hasOwn(kinds, type) ? kinds[type as Type] : `not a ${noun} type ledgerspec knows`;
      return `Xero ${noun} Type ${type ?? '(none)'} is ${kind}, not ${kinds[wanted]}`;
    }
    if (raw.Status === 'DELETED')
      return `a DELETED Xero ${noun} (a removed draft): deleted documents are left out of reads`;
    return undefined;
  };
}

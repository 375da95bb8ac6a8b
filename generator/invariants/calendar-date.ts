import { isRecord } from './amounts.ts';
import type { AnnotatedKind, InvariantFinding } from './model.ts';
import { propertyValues } from './walk.ts';
import { byCodeUnit } from '../source/compare.ts';

/** The one form of a calendar date in a unified record: midnight UTC of that date. */
export const MIDNIGHT_UTC = /^(\d{4}-\d{2}-\d{2})T00:00:00\.000Z$/;

/**
 * `calendar-date`: a field marked `x-date-only: true` holds a calendar date, as
 * `YYYY-MM-DDT00:00:00.000Z`, and when the platform record is at hand, its date is one the
 * platform record gives. A date taken through a time zone (the machine's, or the platform's
 * offset applied to a date) lands on 23:00 or 01:00, or on midnight of the day before or after:
 * the first is caught by the form, the second because the platform never gave that date.
 *
 * The platform's dates are read from every string of its record that starts with an ISO 8601
 * date (`2024-03-01`, `2024-03-01T00:00:00`, `2024-03-01T00:00:00-08:00`: the calendar date as
 * written) or is a Microsoft JSON date (`/Date(1709251200000+0000)/`, Xero: the UTC date of the
 * instant), and from dates printed for people, as reports carry them: a day, an English month name
 * and a year (`30 Apr 2019`, `31 December 2024`, `28 Feb 18` for 2018; both ends of a range `1
 * February 2018 to 28 February 2018`), or day, month and year
 * between slashes (`4/30/2019`; `4/1/2019` counts as both 1 April and 4 January, since the order
 * depends on the region). A platform record with no such string gives nothing to compare with.
 */
export const calendarDate: AnnotatedKind = {
  summary: 'x-date-only fields are midnight UTC of a date the platform gave',
  check: (record, context) => {
    const given = context.raw === undefined ? new Set<string>() : platformDates(context.raw);
    return [...propertyValues(context.document, context.model, record)].flatMap(
      ({ name, pointer, value, schema }): InvariantFinding[] => {
        if (schema['x-date-only'] !== true || typeof value !== 'string') return [];
        const date = MIDNIGHT_UTC.exec(value)?.[1];
        if (date === undefined) {
          return [
            {
              kind: 'calendar-date',
              pointer,
              message: `${name} is a calendar date (x-date-only), so it is midnight UTC of that date, with no time and no offset`,
              expected: 'YYYY-MM-DDT00:00:00.000Z',
              found: JSON.stringify(value),
            },
          ];
        }
        if (given.size === 0 || given.has(date) || (startsAPeriod(name) && given.has(dayBefore(date)))) return [];
        const nearest = [...given].sort((a, b) => distance(a, date) - distance(b, date) || byCodeUnit(a, b))[0];
        return [
          {
            kind: 'calendar-date',
            pointer,
            message: `${name} is ${date}, a date the platform record does not give (shifted by a time zone?)`,
            expected: `${JSON.stringify(`${nearest}T00:00:00.000Z`)} (the nearest date the platform record gives)`,
            found: JSON.stringify(value),
          },
        ];
      },
    );
  },
};

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:$|T)/;
const MS_JSON_DATE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;
const PRINTED_DATE = /^(\d{1,2}) ([A-Za-z]{3,9}) (\d{4}|\d{2})$/;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `YYYY-MM-DD` of a year, month (1-12) and day, when that day exists. */
function isoDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? date.toISOString().slice(0, 10)
    : undefined;
}

/** The dates a string printed for people means (see `calendarDate`); a range (`1 February 2018
 * to 28 February 2018`, `From 1 April 2019 to 30 April 2019`) gives both ends. */
function printedDates(raw: string): string[] {
  const range = /^(?:from )?(.+?) to (.+)$/i.exec(raw.trim());
  if (range) return [...printedDates(range[1]!), ...printedDates(range[2]!)];
  const printed = PRINTED_DATE.exec(raw.trim());
  if (printed) {
    const month = MONTHS.indexOf(printed[2]!.slice(0, 3).toLowerCase()) + 1;
    const year = printed[3]!.length === 2 ? 2000 + Number(printed[3]) : Number(printed[3]);
    const date = month === 0 ? undefined : isoDay(year, month, Number(printed[1]));
    return date === undefined ? [] : [date];
  }
  const slashed = SLASH_DATE.exec(raw.trim());
  if (!slashed) return [];
  const [first, second, year] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
  return [isoDay(year, first, second), isoDay(year, second, first)].filter(
    (date): date is string => date !== undefined,
  );
}

/** Every calendar date written anywhere in a platform record. */
export function platformDates(raw: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(raw)) raw.forEach((item) => platformDates(item, into));
  else if (isRecord(raw)) Object.values(raw).forEach((item) => platformDates(item, into));
  else if (typeof raw === 'string') {
    const iso = ISO_DATE.exec(raw)?.[1];
    if (iso && !Number.isNaN(Date.parse(`${iso}T00:00:00Z`))) into.add(iso);
    const ms = MS_JSON_DATE.exec(raw)?.[1];
    if (ms) into.add(new Date(Number(ms)).toISOString().slice(0, 10));
    printedDates(raw).forEach((date) => into.add(date));
  }
  return into;
}

function distance(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`));
}

/** A period's start may be derived as the day after the previous period's end (a balance sheet
 * reported at month ends starts the day after the last one): the platform gives the day before. */
function startsAPeriod(field: string): boolean {
  return field === 'period_start';
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

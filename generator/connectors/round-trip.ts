/**
 * The round-trip check of a connector: a unified Create body, written through the write mapping,
 * stored the way the platform stores it (`storedRecords`) and read back through the read mapping,
 * must give back what was written. Only fields both mappings map are compared (a field the
 * platform cannot take, or cannot return, is a known loss shown in the coverage report), and
 * within them only what the body wrote: the platform adds IDs, totals and timestamps.
 */

export interface RoundTripDifference {
  pointer: string;
  written: unknown;
  read: unknown;
}

interface Rules {
  read: Record<string, unknown>;
  write: Record<string, unknown>;
}

export function roundTripDifferences(
  body: Record<string, unknown>,
  back: unknown,
  rules: Rules,
): RoundTripDifference[] {
  const record = isObject(back) ? back : {};
  return Object.keys(body)
    .filter(
      (field) =>
        field !== 'raw_data' && typeof rules.write[field] === 'function' && typeof rules.read[field] === 'function',
    )
    .flatMap((field) => differences(body[field], record[field], `/${escape(field)}`));
}

/** Where `read` fails to hold `written`: objects by the written keys, arrays element by element. */
function differences(written: unknown, read: unknown, at: string): RoundTripDifference[] {
  if (isNothing(written)) return isNothing(read) || isEmptyArray(read) ? [] : [{ pointer: at, written, read }];
  if (Array.isArray(written)) {
    if (!Array.isArray(read) || read.length !== written.length) return [{ pointer: at, written, read }];
    return written.flatMap((item, index) => differences(item, read[index], `${at}/${index}`));
  }
  if (isObject(written)) {
    if (!isObject(read)) return [{ pointer: at, written, read }];
    return Object.keys(written).flatMap((key) => differences(written[key], read[key], `${at}/${escape(key)}`));
  }
  return sameScalar(written, read) ? [] : [{ pointer: at, written, read }];
}

/** Equal values; numbers within rounding; two timestamps naming the same instant. */
function sameScalar(written: unknown, read: unknown): boolean {
  if (written === read) return true;
  if (typeof written === 'number' && typeof read === 'number') return Math.abs(written - read) < 1e-9;
  if (typeof written === 'string' && typeof read === 'string' && TIMESTAMP.test(written) && TIMESTAMP.test(read)) {
    return Date.parse(written) === Date.parse(read);
  }
  return false;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNothing(value: unknown): boolean {
  return value === undefined || value === null;
}

function isEmptyArray(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

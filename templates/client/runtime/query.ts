/** How a query parameter is written, from its OpenAPI `style` and `explode`:
 * `comma` (form, explode false: `sort=-amount,updated_at`), `repeat` (form, explode true:
 * `tag=a&tag=b`) or `deepObject` (`filter[amount][gt]=10`). Scalars need none. */
export type QueryStyle = 'comma' | 'repeat' | 'deepObject';

export type QueryStyles = Readonly<Record<string, QueryStyle>>;

/** The query string (with its `?`, or '' when empty) for `params`, each written in its style.
 * Undefined values are left out, so optional parameters can be passed through unset. The text is
 * what URLSearchParams would write, built by concatenation: one is not worth making per call. */
export function queryString(params: object | undefined, styles: QueryStyles): string {
  if (!params) return '';
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    appendParameter(pairs, name, value, styles[name]);
  }
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}

function appendParameter(pairs: string[], name: string, value: unknown, style: QueryStyle | undefined): void {
  if (style === 'deepObject' && isPlainObject(value)) return appendDeep(pairs, name, value);
  if (Array.isArray(value)) {
    if (style === 'repeat') for (const item of value) pairs.push(pair(name, scalar(item)));
    else pairs.push(pair(name, value.map(scalar).join(',')));
    return;
  }
  pairs.push(pair(name, scalar(value)));
}

/** `filter[field][op]=value`; an array value (the `in` operator) is a comma list. */
function appendDeep(pairs: string[], prefix: string, value: Record<string, unknown>): void {
  for (const [key, inner] of Object.entries(value)) {
    if (inner === undefined) continue;
    const name = `${prefix}[${key}]`;
    if (isPlainObject(inner)) appendDeep(pairs, name, inner);
    else pairs.push(pair(name, Array.isArray(inner) ? inner.map(scalar).join(',') : scalar(inner)));
  }
}

function pair(name: string, value: string): string {
  return `${formEncode(name)}=${formEncode(value)}`;
}

/** What the form encoding leaves as it is (WHATWG URL, application/x-www-form-urlencoded). */
const FORM_SAFE = /^[A-Za-z0-9*._-]*$/;
/** Where encodeURIComponent and the form encoding differ: it leaves `!'()~` and writes a space
 * as `%20`; the form encoding escapes those five and writes a space as `+`. */
const FORM_DIFFERENCES = /[!'()~]|%20/g;
const FORM_ESCAPES: Readonly<Record<string, string>> = {
  '!': '%21',
  "'": '%27',
  '(': '%28',
  ')': '%29',
  '~': '%7E',
  '%20': '+',
};

/** `text` encoded as URLSearchParams encodes a name or a value. */
function formEncode(text: string): string {
  if (FORM_SAFE.test(text)) return text;
  try {
    return encodeURIComponent(text).replace(FORM_DIFFERENCES, (match) => FORM_ESCAPES[match] ?? match);
  } catch {
    // A lone surrogate: encodeURIComponent throws where URLSearchParams writes U+FFFD.
    return new URLSearchParams({ '': text }).toString().slice(1);
  }
}

function scalar(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

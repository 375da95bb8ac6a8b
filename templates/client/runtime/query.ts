/** How a query parameter is written, from its OpenAPI `style` and `explode`:
 * `comma` (form, explode false: `sort=-amount,updated_at`), `repeat` (form, explode true:
 * `tag=a&tag=b`) or `deepObject` (`filter[amount][gt]=10`). Scalars need no entry. */
export type QueryStyle = 'comma' | 'repeat' | 'deepObject';

export type QueryStyles = Readonly<Record<string, QueryStyle>>;

/** The query string (with its `?`, or '' when empty) for `params`, each written in its style.
 * Undefined values are left out, so optional parameters can be passed through unset. */
export function queryString(params: object | undefined, styles: QueryStyles): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    appendParameter(search, name, value, styles[name]);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function appendParameter(search: URLSearchParams, name: string, value: unknown, style: QueryStyle | undefined): void {
  if (style === 'deepObject' && isPlainObject(value)) return appendDeep(search, name, value);
  if (Array.isArray(value)) {
    if (style === 'repeat') for (const item of value) search.append(name, scalar(item));
    else search.append(name, value.map(scalar).join(','));
    return;
  }
  search.append(name, scalar(value));
}

/** `filter[field][op]=value`; an array value (the `in` operator) is a comma list. */
function appendDeep(search: URLSearchParams, prefix: string, value: Record<string, unknown>): void {
  for (const [key, inner] of Object.entries(value)) {
    if (inner === undefined) continue;
    const name = `${prefix}[${key}]`;
    if (isPlainObject(inner)) appendDeep(search, name, inner);
    else search.append(name, Array.isArray(inner) ? inner.map(scalar).join(',') : scalar(inner));
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

import { isObject, type JsonObject } from '../source/schema-walk.ts';
import { byCodeUnit } from '../source/compare.ts';
import type { ApiKeyIR } from './model.ts';

/** The API-key security scheme sent in a header, if the spec has one: its header name, and
 * whether the document's top-level `security` requires it (every alternative names it). Keys
 * in a query parameter or a cookie are left to the client's `headers`/middleware. */
export function apiKeyIR(document: JsonObject): ApiKeyIR | undefined {
  const components = isObject(document.components) ? document.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const entries = Object.entries(schemes).filter(
    ([, s]) => isObject(s) && s.type === 'apiKey' && s.in === 'header' && typeof s.name === 'string',
  );
  const [scheme, value] = entries.sort(([a], [b]) => byCodeUnit(a, b))[0] ?? [];
  if (scheme === undefined || !isObject(value)) return undefined;
  const security = Array.isArray(document.security) ? document.security : [];
  const required =
    security.length > 0 && security.every((alternative) => isObject(alternative) && scheme in alternative);
  return { scheme, header: String(value.name), required };
}

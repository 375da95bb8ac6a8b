import { isObject, type JsonObject } from '../source/schema-walk.ts';
import type { ApiKeyIR, SecuritySchemeIR } from './model.ts';

/** The first API-key scheme sent in a header (schemes come in sorted key order), and whether the
 * document's top-level `security` requires it (every alternative names it). Keys in a query
 * parameter or a cookie are left to the client's `headers`/middleware. */
export function apiKeyIR(schemes: readonly SecuritySchemeIR[], document: JsonObject): ApiKeyIR | undefined {
  const scheme = schemes.find((s) => s.type === 'apiKey' && s.in === 'header' && s.header !== '');
  if (!scheme) return undefined;
  const security = Array.isArray(document.security) ? document.security : [];
  const required = security.length > 0 && security.every((alt) => isObject(alt) && scheme.name in alt);
  return { scheme: scheme.name, header: scheme.header, required };
}

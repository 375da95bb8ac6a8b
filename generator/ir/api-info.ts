import { isObject, type JsonObject } from '../source/schema-walk.ts';
import type { ApiInfoIR, SecuritySchemeIR, ServerIR } from './model.ts';

/** The document's `info`, as the docs site shows it. */
export function apiInfo(document: JsonObject): ApiInfoIR {
  const info = isObject(document.info) ? document.info : {};
  return {
    ...(typeof info.title === 'string' ? { title: info.title } : {}),
    version: String(info.version ?? ''),
    description: String(info.description ?? ''),
  };
}

/** The document's `servers`, in its order. */
export function serversIR(document: JsonObject): ServerIR[] {
  const servers = Array.isArray(document.servers) ? document.servers.filter(isObject) : [];
  return servers.map((s) => ({ url: String(s.url ?? ''), description: String(s.description ?? '') }));
}

/** components.securitySchemes in the document's (sorted) key order. */
export function securitySchemesIR(document: JsonObject): SecuritySchemeIR[] {
  const components = isObject(document.components) ? document.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  return Object.entries(schemes).map(([name, s]) => {
    const scheme = isObject(s) ? s : {};
    return {
      name,
      type: String(scheme.type ?? ''),
      in: String(scheme.in ?? ''),
      header: String(scheme.name ?? ''),
      description: String(scheme.description ?? ''),
    };
  });
}

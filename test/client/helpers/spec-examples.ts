import { readFileSync } from 'node:fs';

/** Spec facts the client tests need, read from the committed generated/openapi.json. */
type Json = Record<string, any>;

export const document: Json = JSON.parse(readFileSync(new URL('../../../generated/openapi.json', import.meta.url), 'utf8'));
const schemas: Record<string, Json> = document.components.schemas;

export interface EntityInfo {
  name: string;
  title: string;
  area: 'core' | 'accounting';
  idField: 'id' | 'platform_id';
  example: Json;
}

export const entities: EntityInfo[] = Object.entries(schemas)
  .filter(([, s]) => typeof s['x-entity'] === 'string')
  .map(([title, s]) => {
    const area = Object.keys(document.paths).some((p) => p.startsWith(`/core/${s['x-entity']}`)) ? 'core' : 'accounting';
    return { name: s['x-entity'], title, area, idField: area === 'core' ? 'id' : 'platform_id', example: structuredClone(s.examples[0]) };
  });

export function entityNamed(name: string): EntityInfo {
  const entity = entities.find((e) => e.name === name);
  if (!entity) throw new Error(`no entity ${name}`);
  return entity;
}

/** A record of `entity` with the given ID: its spec example, re-keyed. */
export function exampleRecord(entity: EntityInfo, id: string): Json {
  return { ...structuredClone(entity.example), [entity.idField]: id };
}

/** The related entity an expandable property of `entity` embeds (x-expands → x-relation). */
export function expansionTarget(entity: EntityInfo, property: string): EntityInfo | undefined {
  const properties = schemas[entity.title]?.properties ?? {};
  const idField = properties[property]?.['x-expands'];
  const target = idField ? properties[idField]?.['x-relation'] : undefined;
  return typeof target === 'string' ? entityNamed(target) : undefined;
}

/** The example's values for the fields a Create body takes. */
export function createData(entity: EntityInfo): Json {
  const create = schemas[`${entity.title}Create`];
  const allowed = new Set(Object.keys(create?.properties ?? {}));
  return Object.fromEntries(Object.entries(entity.example).filter(([key, value]) => allowed.has(key) && value !== null));
}

/** The operation of the spec at `method path`, with its path template and entity. */
export function operationAt(method: string, path: string): { template: string; op: Json; params: Record<string, string> } | undefined {
  for (const [template, item] of Object.entries<Json>(document.paths)) {
    const names: string[] = [];
    const pattern = new RegExp(`^${template.replace(/\{([^}]+)\}/g, (_, n) => (names.push(n), '([^/]+)'))}$`);
    const match = pattern.exec(path);
    const op = item[method.toLowerCase()];
    if (match && op) return { template, op, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)])) };
  }
  return undefined;
}

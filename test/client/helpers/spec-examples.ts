import { readFileSync } from 'node:fs';
import { entities as sandboxEntities, entity as sandboxEntity, exampleOf } from '../../../sandbox/spec-data.ts';

/** Spec facts the client tests need: entity metadata from the generated server (what the
 * sandbox serves by), examples and operations from the committed generated/openapi.json. */
type Json = Record<string, any>;

export const document: Json = JSON.parse(
  readFileSync(new URL('../../../generated/openapi.json', import.meta.url), 'utf8'),
);
const schemas: Record<string, Json> = document.components.schemas;

export interface EntityInfo {
  name: string;
  title: string;
  area: 'core' | 'accounting';
  idField: 'id' | 'platform_id';
  example: Json;
}

/** The entities as the sandbox knows them (generated/server/entities.ts), with their examples. */
export const entities: EntityInfo[] = sandboxEntities().map((meta) => ({
  name: meta.name,
  title: meta.title,
  area: meta.area as EntityInfo['area'],
  idField: meta.idField as EntityInfo['idField'],
  example: exampleOf(meta),
}));

export function entityNamed(name: string): EntityInfo {
  const found = entities.find((e) => e.name === name);
  if (!found) throw new Error(`no entity ${name}`);
  return found;
}

/** A record of `entity` with the given ID: its spec example, re-keyed. */
export function exampleRecord(entity: EntityInfo, id: string): Json {
  return { ...structuredClone(entity.example), [entity.idField]: id };
}

/** The related entity an expandable property of `entity` embeds. */
export function expansionTarget(entity: EntityInfo, property: string): EntityInfo | undefined {
  const relation = sandboxEntity(entity.name).relations.find((r) => r.expand === property);
  return relation ? entityNamed(relation.entity) : undefined;
}

/** The client resource object of an entity (`client.accounting.invoicePayments`), untyped, for
 * tests that run the same calls over every resource. */
export function resourceOf(client: object, entity: EntityInfo): Record<string, ((...args: any[]) => any) | undefined> {
  const property = entity.name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return (client as Record<string, Record<string, Record<string, ((...args: any[]) => any) | undefined>>>)[
    entity.area
  ]![property]!;
}

/** The example's values for the fields a Create body takes. */
export function createData(entity: EntityInfo): Json {
  const create = schemas[`${entity.title}Create`];
  const allowed = new Set(Object.keys(create?.properties ?? {}));
  return Object.fromEntries(
    Object.entries(entity.example).filter(([key, value]) => allowed.has(key) && value !== null),
  );
}

/** The operation of the spec at `method path`, with its path template and entity. */
export function operationAt(
  method: string,
  path: string,
): { template: string; op: Json; params: Record<string, string> } | undefined {
  for (const [template, item] of Object.entries<Json>(document.paths)) {
    const names: string[] = [];
    const pattern = new RegExp(`^${template.replace(/\{([^}]+)\}/g, (_, n) => (names.push(n), '([^/]+)'))}$`);
    const match = pattern.exec(path);
    const op = item[method.toLowerCase()];
    if (match && op)
      return { template, op, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)])) };
  }
  return undefined;
}

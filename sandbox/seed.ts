/** The sandbox's starting data: one company per connector, each with records for every resource,
 * derived generically from the entity metadata and each entity's spec example, so a resource
 * scaffolded into the spec later is seeded with no hand edits. */
import type { EntityMeta } from '../generated/server/types.ts';
import { entities, entity, exampleOf, idOf, validatorOf, type Rec } from './spec-data.ts';
import { Store } from './store.ts';

export interface Connector {
  /** The connector's name (as its mappings and fixtures will be named). */
  slug: string;
  /** The company's display name. */
  company: string;
  /** The IntegrationType the company is connected through. Codat is an aggregator, not a
   * platform the spec's IntegrationType lists, so its company uses LEDGERSPEC_SANDBOX. */
  integrationType: string;
}

export const CONNECTORS: readonly Connector[] = [
  { slug: 'quickbooks-online', company: 'Harbour Lane Coffee', integrationType: 'QUICKBOOKS' },
  { slug: 'xero', company: 'Kiwi Outdoor Supplies', integrationType: 'XERO' },
  { slug: 'zoho-books', company: 'Acme Traders Pvt Ltd', integrationType: 'ZOHO_BOOKS' },
  { slug: 'codat', company: 'Northwind Wholesale', integrationType: 'LEDGERSPEC_SANDBOX' },
];

/** Records per company for each accounting entity, and per company for each core one. */
const ACCOUNTING_RECORDS = 3;
const CORE_RECORDS = 1;

/** Where a company's starting records come from, tried in order; the first that returns records
 * for an entity wins. Connector fixtures mapped through their mappings plug in here (before
 * the spec examples) once they exist; the examples cover every entity. */
export type SeedSource = (entity: EntityMeta, company: SeedCompany, count: number) => Rec[] | undefined;

export interface SeedCompany {
  connector: Connector;
  id: string;
  /** Short form of the connector's slug, used in generated IDs (`xero`, `zoho_books`). */
  key: string;
}

export const seedSources: SeedSource[] = [fromSpecExamples];

export function seedStore(sources: readonly SeedSource[] = seedSources): Store {
  const store = new Store();
  const companies = CONNECTORS.map((connector) => {
    const key = connector.slug.replace(/-/g, '_');
    return { connector, key, id: `com_${key}` };
  });
  const companiesMeta = entity('companies');
  for (const company of companies)
    store.insert(companiesMeta, null, checked(companiesMeta, companyRecord(companiesMeta, company)));
  for (const meta of entities()) {
    if (meta.name === 'companies') continue;
    const accounting = meta.area === 'accounting';
    for (const company of companies) {
      const count = accounting ? ACCOUNTING_RECORDS : CORE_RECORDS;
      const records =
        sources.reduce<Rec[] | undefined>((found, source) => found ?? source(meta, company, count), undefined) ?? [];
      for (const record of records) store.insert(meta, accounting ? company.id : null, checked(meta, record));
    }
  }
  return store;
}

/** The ID the seed gives record `index` of an entity in a company's books. */
export function seedId(meta: EntityMeta, company: SeedCompany, index: number): string {
  if (meta.name === 'companies') return company.id;
  if (meta.area === 'accounting') return `${company.key}-${meta.name}-${index + 1}`;
  return `${corePrefix(meta)}_${company.key}_${index + 1}`;
}

/** A core resource's ID prefix, from its example (`syn_…` → `syn`). */
export function corePrefix(meta: EntityMeta): string {
  const example = exampleOf(meta)[meta.idField];
  const match = typeof example === 'string' ? /^([a-z]+)_/.exec(example) : null;
  return match?.[1] ?? meta.name;
}

function companyRecord(meta: EntityMeta, company: SeedCompany): Rec {
  const record = withRelations(meta, exampleOf(meta), company, 0);
  return {
    ...record,
    id: company.id,
    name: company.connector.company,
    integration_type: company.connector.integrationType,
    platform_organisation_id: `org-${company.key}`,
    connection_status: 'HEALTHY',
    sync_status: 'IDLE',
    metadata: { connector: company.connector.slug },
  };
}

/** Records from the entity's spec example: IDs unique per company, relations pointing at the same
 * company's records, and sortable values varied so lists have something to sort and filter. */
function fromSpecExamples(meta: EntityMeta, company: SeedCompany, count: number): Rec[] {
  const records: Rec[] = [];
  for (let index = 0; index < count; index++) {
    const base = withRelations(meta, exampleOf(meta), company, index);
    base[meta.idField] = seedId(meta, company, index);
    if ('integration_type' in meta.fields) base.integration_type = company.connector.integrationType;
    // Stands in for the platform's payload until connector fixtures provide the real one.
    if ('raw_data' in meta.fields && base.raw_data === undefined)
      base.raw_data = { source: 'spec-example', connector: company.connector.slug, id: base[meta.idField] };
    const varied = vary(meta, base, index);
    records.push(validatorOf(meta.title)(varied) ? varied : base);
  }
  return records;
}

/** Every example ID of another entity found anywhere in the record (sub-models included) becomes
 * that entity's seeded ID in this company; top-level relations always point into the company. */
function withRelations(meta: EntityMeta, record: Rec, company: SeedCompany, index: number): Rec {
  const known = exampleIds();
  const replace = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const target = known.get(value);
      return target && target !== meta.name ? seedId(entity(target), company, index % countOf(entity(target))) : value;
    }
    if (Array.isArray(value)) return value.map(replace);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v)]));
    return value;
  };
  const out = replace(record) as Rec;
  for (const relation of meta.relations) {
    const value = out[relation.field];
    if (value === null || value === undefined) continue;
    const target = entity(relation.entity);
    if (relation.entity === meta.name) {
      out[relation.field] = selfRelation(
        meta,
        relation.field,
        company,
        index,
        Array.isArray(value) ? value.length : undefined,
      );
      continue;
    }
    const id = (k: number) => seedId(target, company, (index + k) % countOf(target));
    out[relation.field] = Array.isArray(value) ? value.map((_v, k) => id(k)) : id(0);
  }
  for (const [name, field] of Object.entries(meta.fields)) if (field.writeOnly) delete out[name];
  for (const relation of meta.relations) if (relation.expand) delete out[relation.expand];
  return out;
}

/** A relation of an entity to itself (a tracking category's parent, an account's parent) never
 * points at the record itself: record 0 is the root (null where the field allows it, else record
 * 1), every other record points at record 0, so the records form a tree; a list of IDs holds
 * the other records, never this one. */
function selfRelation(
  meta: EntityMeta,
  field: string,
  company: SeedCompany,
  index: number,
  many: number | undefined,
): string | string[] | null {
  const count = countOf(meta);
  const others = Array.from({ length: count - 1 }, (_v, k) => seedId(meta, company, (index + 1 + k) % count));
  if (many !== undefined) return others.slice(0, many);
  if (index !== 0) return seedId(meta, company, 0);
  return meta.fields[field]?.nullable || others.length === 0 ? null : (others[0] as string);
}

function countOf(meta: EntityMeta): number {
  if (meta.name === 'companies') return CONNECTORS.length;
  return meta.area === 'accounting' ? ACCOUNTING_RECORDS : CORE_RECORDS;
}

let exampleIdCache: Map<string, string> | undefined;
function exampleIds(): Map<string, string> {
  exampleIdCache ??= new Map(
    entities().flatMap((meta) => {
      const id = exampleOf(meta)[meta.idField];
      return typeof id === 'string' ? [[id, meta.name] as const] : [];
    }),
  );
  return exampleIdCache;
}

const DAY = 24 * 60 * 60 * 1000;

/** Record `index` differs from the example in its sortable, non-key scalars: numbers grow,
 * timestamps move a week per record, free text gets a suffix. */
function vary(meta: EntityMeta, record: Rec, index: number): Rec {
  if (index === 0) return record;
  const out = { ...record };
  const relationFields = new Set(meta.relations.map((r) => r.field));
  for (const [name, field] of Object.entries(meta.fields)) {
    const value = out[name];
    if (
      !field.sortable ||
      (field.readOnly && name !== 'updated_at') ||
      relationFields.has(name) ||
      name === meta.idField
    )
      continue;
    if (field.scalar === 'number' && typeof value === 'number')
      out[name] = Number.isInteger(value) ? value + index * 7 : Math.round(value * (1 + index / 2) * 100) / 100;
    else if (field.scalar === 'date-time' && typeof value === 'string' && !Number.isNaN(Date.parse(value)))
      out[name] = new Date(Date.parse(value) + index * 7 * DAY).toISOString();
    else if (field.scalar === 'string' && typeof value === 'string') out[name] = `${value} ${index + 1}`;
  }
  return out;
}

function checked(meta: EntityMeta, record: Rec): Rec {
  const validate = validatorOf(meta.title);
  if (!validate(record))
    throw new Error(
      `sandbox seed: ${meta.name} ${idOf(meta, record)} is not a valid ${meta.title}: ${JSON.stringify(validate.errors?.slice(0, 3))}`,
    );
  return record;
}

/** The connector a seeded company is connected through (`com_xero` → xero), if any. */
export function connectorOf(companyId: string): Connector | undefined {
  return CONNECTORS.find((c) => `com_${c.slug.replace(/-/g, '_')}` === companyId);
}

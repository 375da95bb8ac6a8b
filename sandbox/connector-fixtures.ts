/** A seed source serving each company its connector's mapped records: the `<case>.unified.json`
 * fixtures under connectors/<slug>/fixtures/<entity>/ (which `ledgerspec conformance` proves are
 * what the connector's mappings make of the platform's payloads), with the platform's payload
 * itself as `raw_data`. Entities a connector has no fixtures for fall through to the next source. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFixtureMeta, recordInPayload } from '../generator/connectors/fixtures.ts';
import type { EntityMeta } from '../generated/server/types.ts';
import type { Rec } from './spec-data.ts';
import type { SeedCompany, SeedSource } from './seed.ts';

const CONNECTORS_DIR = new URL('../connectors/', import.meta.url).pathname;

export const fromConnectorFixtures: SeedSource = (meta: EntityMeta, company: SeedCompany) => {
  if (meta.area !== 'accounting') return undefined;
  const dir = join(CONNECTORS_DIR, company.connector.slug, 'fixtures', meta.name);
  if (!existsSync(dir)) return undefined;
  const records = readdirSync(dir)
    .filter((name) => name.endsWith('.unified.json'))
    .sort()
    .map((name) => withRawData(meta, dir, name))
    .filter((record): record is Rec => record !== null);
  return records.length ? newestPerRecord(records) : undefined;
};

/** One record per platform ID: fixtures often hold the same platform record more than once (as
 * created, as listed, after an update), and a platform lists a record once — in its latest
 * state, so the newest `updated_at` wins (the later file on a tie or when there is none). */
function newestPerRecord(records: Rec[]): Rec[] {
  const byId = new Map<unknown, Rec>();
  for (const record of records) {
    const id = record.platform_id ?? record.id;
    const seen = byId.get(id);
    if (!seen || String(record.updated_at ?? '') >= String(seen.updated_at ?? '')) byId.set(id, record);
  }
  return [...byId.values()];
}

/** The case's unified record with its platform record as raw_data; null for a case whose payload
 * is not a record of the entity (its unified file says null). */
function withRawData(meta: EntityMeta, dir: string, unifiedFile: string): Rec | null {
  const record = JSON.parse(readFileSync(join(dir, unifiedFile), 'utf8')) as Rec | null;
  if (record === null) return null;
  const base = join(dir, unifiedFile.replace(/\.unified\.json$/, ''));
  if ('raw_data' in meta.fields && existsSync(`${base}.raw.json`)) {
    const payload = JSON.parse(readFileSync(`${base}.raw.json`, 'utf8')) as unknown;
    const fixtureMeta = existsSync(`${base}.meta.json`)
      ? readFixtureMeta(JSON.parse(readFileSync(`${base}.meta.json`, 'utf8')))
      : undefined;
    const selected = recordInPayload(
      payload,
      fixtureMeta && 'meta' in fixtureMeta ? fixtureMeta.meta : undefined,
      undefined,
      meta.name,
    );
    if (selected && typeof selected === 'object') record.raw_data = selected as Rec;
  }
  return record;
}

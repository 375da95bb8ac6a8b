/** A seed source serving each company its connector's mapped records: the `<case>.unified.json`
 * fixtures under connectors/<slug>/fixtures/<entity>/ (which `ledgerspec conformance` proves are
 * what the connector's mappings make of the platform's payloads), with the platform's payload
 * itself as `raw_data`. Entities a connector has no fixtures for fall through to the next source. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
    .map((name) => withRawData(meta, dir, name));
  return records.length ? records : undefined;
};

function withRawData(meta: EntityMeta, dir: string, unifiedFile: string): Rec {
  const record = JSON.parse(readFileSync(join(dir, unifiedFile), 'utf8')) as Rec;
  const rawFile = join(dir, unifiedFile.replace(/\.unified\.json$/, '.raw.json'));
  if ('raw_data' in meta.fields && existsSync(rawFile)) record.raw_data = JSON.parse(readFileSync(rawFile, 'utf8')) as Rec;
  return record;
}

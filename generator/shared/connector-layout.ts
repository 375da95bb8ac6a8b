import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { byCodeUnit } from '../source/compare.ts';

/** One connector folder: `connectors/<platform>/` with connector.ts, mappings/ and fixtures/. */
export interface ConnectorFolder {
  platform: string;
  dir: string;
  /** `mappings/<entity>.ts`, sorted by entity. */
  mappings: { entity: string; file: string }[];
}

/** kebab-case: the folder name and the `--connector` value. */
export const PLATFORM_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export const connectorFile = (dir: string) => join(dir, 'connector.ts');
export const mappingFile = (dir: string, entity: string) => join(dir, 'mappings', `${entity}.ts`);
export const fixturesDir = (dir: string, entity: string) => join(dir, 'fixtures', entity);

/** Every connector under `connectorsDir`: each sub-folder with a connector.ts or a mappings/. */
export function listConnectors(connectorsDir: string): ConnectorFolder[] {
  if (!existsSync(connectorsDir)) return [];
  return readdirSync(connectorsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && PLATFORM_NAME.test(d.name))
    .map((d) => join(connectorsDir, d.name))
    .filter((dir) => existsSync(connectorFile(dir)) || existsSync(join(dir, 'mappings')))
    .map((dir) => ({ platform: basename(dir), dir, mappings: listMappings(dir) }))
    .sort((a, b) => byCodeUnit(a.platform, b.platform));
}

function listMappings(dir: string): ConnectorFolder['mappings'] {
  const folder = join(dir, 'mappings');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .sort()
    .map((name) => ({ entity: name.slice(0, -'.ts'.length), file: join(folder, name) }));
}

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from './layout.ts';

/** One fixture case of an entity: the platform's payload and what it must map to. */
export interface FixtureCase {
  name: string;
  /** `<case>.raw.json`: the record as the platform's API returns it. */
  raw: string;
  /** `<case>.unified.json`: the unified record it must map to. */
  unified: string;
  /** `<case>.request.json`: the platform request the unified Create body must map to. */
  request: string;
}

export const RAW_SUFFIX = '.raw.json';

/** The cases of `fixtures/<entity>/`, one per `<case>.raw.json`, sorted by name. The unified and
 * request paths are where those files belong, whether or not they exist yet. */
export function fixtureCases(connectorDir: string, entity: string): FixtureCase[] {
  const dir = fixturesDir(connectorDir, entity);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(RAW_SUFFIX))
    .sort()
    .map((file) => {
      const name = file.slice(0, -RAW_SUFFIX.length);
      return { name, raw: join(dir, file), unified: join(dir, `${name}.unified.json`), request: join(dir, `${name}.request.json`) };
    });
}

/** Entities with fixtures, whether or not a mapping exists for them. */
export function fixtureEntities(connectorDir: string): string[] {
  const dir = join(connectorDir, 'fixtures');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

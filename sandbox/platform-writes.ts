/** Writes to a connector-backed company go through that connector, so data really flows
 * unified → platform → unified: the platform's own required fields are checked (`writeRequires`),
 * the write mapping makes the platform's request, the connector's simulated platform stores it
 * (`storedRecords`), and the record served back is what the read mapping makes of the stored
 * platform record, with that record as `raw_data`. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingRequirements, type ReadContext } from '../generated/connectors/index.ts';
import { ServerError } from '../generated/server/errors.ts';
import type { EntityMeta } from '../generated/server/types.ts';
import { listConnectors } from '../generator/shared/connector-layout.ts';
import { loadConnector, type LoadedConnector } from '../generator/connectors/load.ts';
import type { Rec } from './spec-data.ts';

const CONNECTORS_DIR = join(fileURLToPath(new URL('..', import.meta.url)), 'connectors');

export interface PlatformWrite {
  /** The company's connector slug (`xero`). */
  slug: string;
  meta: EntityMeta;
  /** The unified record to write: a Create record (an update's is the record with its changes). */
  record: Rec;
  platformId: string;
  now: string;
  /** The company's other records, for mappings that name a related record by code. */
  context: ReadContext;
}

export class PlatformWrites {
  private constructor(private readonly connectors: ReadonlyMap<string, LoadedConnector>) {}

  static async load(dir = CONNECTORS_DIR): Promise<PlatformWrites> {
    const loaded = await Promise.all(listConnectors(dir).map(loadConnector));
    return new PlatformWrites(new Map(loaded.map((c) => [c.folder.platform, c])));
  }

  /** The record as the platform stores and returns it; undefined when the connector does not map
   * writes of this entity yet (the sandbox then keeps the unified record as sent). A write the
   * platform would refuse is a ServerError `platform-denied`, its pointers relative to the record. */
  write({ slug, meta, record, platformId, now, context }: PlatformWrite): Rec | undefined {
    const connector = this.connectors.get(slug);
    if (!connector) return undefined;
    const name = connector.definition.name;
    const unsupported = connector.definition.unsupportedEntities?.[meta.name as never] as
      { reason: string } | undefined;
    if (unsupported)
      throw new ServerError('platform-denied', `${name} has no ${meta.title} records: ${unsupported.reason}`);
    const mapping = connector.mappings.find((m) => m.entity === meta.name);
    if (!mapping?.write || !mapping.read) return undefined;
    const missing = missingRequirements(record, connector.definition.writeRequires?.[meta.name as never] ?? []);
    if (missing.length > 0) {
      throw new ServerError('platform-denied', `${name} requires ${missing.join(', ')} on a ${meta.title}.`, {
        details: missing.map((pointer) => ({ pointer, message: `required by ${name}` })),
      });
    }
    const request = attempt(name, () => mapping.write?.map(record as never, context));
    const store = connector.definition.storedRecords?.[meta.name as never] as
      ((request: unknown, context: { platformId: string; now: string }) => unknown) | undefined;
    if (!store)
      return { ...record, [meta.idField]: platformId, ...('raw_data' in meta.fields ? { raw_data: request } : {}) };
    const stored = attempt(name, () => store(request, { platformId, now }));
    const unified = attempt(name, () => mapping.read?.map(stored as never, context)) as unknown as Rec;
    return 'raw_data' in meta.fields ? { ...unified, raw_data: stored } : unified;
  }
}

/** A mapping that throws on a record (a value the platform cannot take) is the platform refusing
 * it, not a server fault. */
function attempt<T>(platform: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new ServerError('platform-denied', `${platform} cannot take this record: ${(error as Error).message}`);
  }
}

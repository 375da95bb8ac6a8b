import { existsSync } from 'node:fs';
import { importUserModule } from '../import-typescript.ts';
// Types only (erased at run time): the runtime's shapes as generate emits them.
import type { ConnectorDefinition, ReadMapping, WriteMapping } from '../../templates/connectors/runtime/mapping.ts';
import { connectorFile, type ConnectorFolder } from '../shared/connector-layout.ts';

/** A mapping module as conformance sees it: loosely typed, since any connector's raw and request
 * types can stand behind it. */
export interface LoadedMapping {
  entity: string;
  file: string;
  read?: ReadMapping<never, unknown>;
  write?: WriteMapping<never, unknown>;
  /** Why the module could not be imported (a syntax error, a throwing top level). */
  error?: string;
}

export interface LoadedConnector {
  folder: ConnectorFolder;
  definition: ConnectorDefinition;
  mappings: LoadedMapping[];
  error?: string;
}

/** Imports a connector's connector.ts and every mapping module. The TypeScript is run as is
 * (through tsx in the CLI, registered on first use; through vite in tests); failures become errors on the result. */
export async function loadConnector(folder: ConnectorFolder): Promise<LoadedConnector> {
  const fallback: ConnectorDefinition = { name: folder.platform };
  let definition = fallback;
  let error: string | undefined;
  if (existsSync(connectorFile(folder.dir))) {
    try {
      definition =
        ((await importFile(connectorFile(folder.dir))) as { default?: ConnectorDefinition }).default ?? fallback;
    } catch (cause) {
      error = `cannot load connector.ts: ${(cause as Error).message}`;
    }
  }
  const mappings = await Promise.all(folder.mappings.map(loadMapping));
  return { folder, definition, mappings, ...(error ? { error } : {}) };
}

async function loadMapping({ entity, file }: { entity: string; file: string }): Promise<LoadedMapping> {
  try {
    const module = (await importFile(file)) as Partial<Pick<LoadedMapping, 'read' | 'write'>>;
    return {
      entity,
      file,
      ...(module.read ? { read: module.read } : {}),
      ...(module.write ? { write: module.write } : {}),
    };
  } catch (cause) {
    return { entity, file, error: (cause as Error).message };
  }
}

function importFile(file: string): Promise<unknown> {
  return importUserModule(file);
}

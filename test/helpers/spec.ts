import { fileURLToPath } from 'node:url';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import pointer from 'json-pointer';
import { bundleSpec } from '../../generator/pipeline/bundle.ts';
import { deriveWriteSchemas } from '../../generator/pipeline/derive-write-schemas.ts';
import { entitySources, type EntitySource } from '../../generator/source/entities.ts';
import { loadSpecSources, type SpecSources } from '../../generator/source/spec-sources.ts';
import { schemaRegistry } from '../../generator/validation/schema-registry.ts';
import { DOCUMENT_ID, documentAjv } from '../../generator/validation/document-ajv.ts';
import { compileSpecCached } from '../../generator/pipeline/compiled-spec.ts';
import type { SpecIR } from '../../generator/ir/model.ts';

export const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const SPEC_DIR = `${PROJECT_DIR}spec`;

let cached:
  | {
      sources: SpecSources;
      entities: EntitySource[];
      registry: Ajv2020;
      bundled: Record<string, unknown>;
      openapi: Ajv2020;
    }
  | undefined;

/** The project's spec, loaded once per test file: sources, entities, a schema-file Ajv and an
 * Ajv over the bundled document (for operation request/response schemas). */
export function projectSpec() {
  if (!cached) {
    const sources = loadSpecSources(SPEC_DIR);
    const bundled = deriveWriteSchemas(bundleSpec(sources));
    const openapi = documentAjv(bundled);
    cached = { sources, entities: entitySources(sources), registry: schemaRegistry(sources), bundled, openapi };
  }
  return cached;
}

export function entityValidator(entity: string): ValidateFunction {
  const { entities, registry } = projectSpec();
  const found = entities.find((e) => e.entity === entity);
  if (!found) throw new Error(`no entity ${entity}`);
  return registry.getSchema(String(found.doc.$id)) as ValidateFunction;
}

/** Validator for a schema inside the bundled document, addressed by its JSON pointer tokens. */
export function bundledValidator(...tokens: string[]): ValidateFunction {
  const validate = projectSpec().openapi.getSchema(`${DOCUMENT_ID}#${pointer.compile(tokens)}`);
  if (!validate) throw new Error(`no schema at ${pointer.compile(tokens)}`);
  return validate as ValidateFunction;
}

/** The project spec's IR through the cache the CLI uses (compileSpecCached, keyed by every spec file
 * and the generator's own code, so never stale): the many test files that read it pay a JSON parse,
 * not a compile of a few seconds each. Tests of the front stages themselves call compileSpec. */
export async function projectIR(): Promise<SpecIR> {
  return compileSpecCached({
    specDir: SPEC_DIR,
    rootFile: 'openapi.yaml',
    cacheDir: `${PROJECT_DIR}node_modules/.cache/ledgerspec`,
  });
}

import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import pointer from 'json-pointer';
import { bundleSpec } from '../../generator/pipeline/bundle.ts';
import { deriveWriteSchemas } from '../../generator/pipeline/derive-write-schemas.ts';
import { SPEC_EXTENSIONS } from '../../generator/spec-extensions.ts';
import { entitySources, type EntitySource } from '../../generator/source/entities.ts';
import { loadSpecSources, type SpecSources } from '../../generator/source/spec-sources.ts';
import { schemaRegistry } from '../../generator/validation/schema-registry.ts';

export const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const SPEC_DIR = `${PROJECT_DIR}spec`;

let cached: { sources: SpecSources; entities: EntitySource[]; registry: Ajv2020; bundled: Record<string, unknown>; openapi: Ajv2020 } | undefined;

/** The project's spec, loaded once per test file: sources, entities, a schema-file Ajv and an
 * Ajv over the bundled document (for operation request/response schemas). */
export function projectSpec() {
  if (!cached) {
    const sources = loadSpecSources(SPEC_DIR);
    const bundled = deriveWriteSchemas(bundleSpec(sources));
    const openapi = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
    addFormats.default(openapi);
    for (const keyword of [...Object.keys(SPEC_EXTENSIONS), 'components', 'paths']) openapi.addKeyword({ keyword });
    // Only the parts schemas live in: Ajv compiles the document root when it resolves a pointer.
    openapi.addSchema({ $id: 'ledgerspec:openapi', components: bundled.components, paths: bundled.paths });
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
  const validate = projectSpec().openapi.getSchema(`ledgerspec:openapi#${pointer.compile(tokens)}`);
  if (!validate) throw new Error(`no schema at ${pointer.compile(tokens)}`);
  return validate as ValidateFunction;
}

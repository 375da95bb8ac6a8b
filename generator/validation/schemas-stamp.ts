import { hashOf } from '../cache/store.ts';
import { isObject, type JsonObject } from '../source/schema-walk.ts';
import { rebuildSchema } from '../source/sub-schemas.ts';

/* What the generated validators are compiled from, and the stamp that names it. The validators
 * emitter (emit/validators/standalone-code.ts) writes the stamp; `validate` and `conformance`
 * (model-validators.ts) compare it before they trust generated/validators/standalone.js. */

/** components.schemas key → its validator's export name (the NamePlan's type name). */
export type ValidatorExports = ReadonlyMap<string, string>;

/** First line of standalone.js: the hash of the schemas it was compiled from, so `validate` and
 * `conformance` can tell that the generated validators are the spec's (see generatedValidators)
 * and use them instead of compiling at run time. */
export const SCHEMAS_STAMP = '// ledgerspec:schemas';

/** The hash standalone.js of this document is stamped with. */
export function schemasHash(document: JsonObject, exports: ValidatorExports): string {
  return hashOf(...standaloneInputs(document, exports).parts);
}

/** The models in name order, and what the code depends on: the lean schemas and the export names
 * (a key that is its own export name is written alone, so a spec of identifiers keeps its stamp). */
export function standaloneInputs(document: JsonObject, exports: ValidatorExports) {
  const lean = leanComponents(document);
  const names = [...exports.keys()].sort();
  const exported = names.map((name) => (exports.get(name) === name ? name : [name, exports.get(name)]));
  return { lean, names, parts: [JSON.stringify(lean), JSON.stringify(exported)] };
}

/** The document's components.schemas, annotations stripped: all that standalone code depends on. */
export function leanComponents(document: JsonObject): { components: { schemas: JsonObject } } {
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  return {
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, stripAnnotations(schema)])),
    },
  };
}

/** Keywords that only annotate: dropped from what the standalone code embeds. */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'examples',
  'example',
  '$comment',
  'deprecated',
  'readOnly',
  'writeOnly',
  'discriminator',
  'xml',
  'externalDocs',
]);

export function stripAnnotations(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  return rebuildSchema(schema, stripAnnotations, (key, value) =>
    ANNOTATIONS.has(key) || key.startsWith('x-') ? undefined : [key, value],
  );
}

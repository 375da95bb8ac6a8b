import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import { rebuildSchema } from '../../source/sub-schemas.ts';

/** Keywords below the top of a model's schema that can still change what openapi-typescript does:
 * what refs resolve through, and the discriminators it scans the whole document for. */
const RESOLUTION = new Set(['$ref', '$id', '$anchor', '$dynamicAnchor', 'discriminator']);

/** What openapi.d.ts depends on, for its cache key: the document, where each components.schemas
 * entry that becomes a model type (`Models.X`) keeps its own keywords (its JSDoc) but, below them,
 * only where sub-schemas and refs are. openapi-typescript takes the model type for the whole entry
 * and never prints what is inside it (a `$ref` into it prints as an indexed type,
 * `components['schemas']['X']['y']`), so an edit inside a model (a property's description, a
 * maxLength) changes nothing it prints and is answered from the cache. test/emit/openapi-dts-key.test.ts
 * checks this against openapi-typescript itself, on our spec and third-party ones. */
export function openapiDtsInput(document: JsonObject, modelTypes: ReadonlySet<string>): JsonObject {
  const components = isObject(document.components) ? document.components : undefined;
  const schemas = components && isObject(components.schemas) ? components.schemas : undefined;
  if (!components || !schemas) return document;
  const keyed = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [name, modelTypes.has(name) ? outline(schema, true) : schema]),
  );
  return { ...document, components: { ...components, schemas: keyed } };
}

/** The schema's sub-schema positions and refs; at the top, every keyword as well. */
function outline(schema: unknown, top: boolean): unknown {
  if (!isObject(schema)) return top ? schema : null;
  return rebuildSchema(
    schema,
    (sub) => outline(sub, false),
    (key, value) => (top || RESOLUTION.has(key) ? [key, value] : undefined),
  );
}

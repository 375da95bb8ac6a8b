import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import { keywordHolds } from '../../source/sub-schemas.ts';

/** Keywords openapi-typescript prints as JSDoc (and nothing else reads). */
const PROSE = new Set(['description', 'title', 'example', 'examples', '$comment']);

/** What openapi.d.ts depends on, for its cache key: the document, where each components.schemas
 * entry that becomes a model type (`Models.X`) keeps its own JSDoc keywords but not those of its
 * sub-schemas. openapi-typescript takes the model type for the whole entry and never prints what is
 * inside it (a `$ref` into it prints as an indexed type, `components['schemas']['X']['y']`), so a
 * property's description edited in the spec changes nothing it prints, and is answered from the
 * cache (test/pipeline/memo-layers.test.ts compares with openapi-typescript's own output, and
 * checks that the entry's own description still counts). */
export function openapiDtsInput(document: JsonObject, modelTypes: ReadonlySet<string>): JsonObject {
  const components = isObject(document.components) ? document.components : undefined;
  const schemas = components && isObject(components.schemas) ? components.schemas : undefined;
  if (!components || !schemas) return document;
  const keyed = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [
      name,
      modelTypes.has(name) ? withoutInnerProse(schema, 0) : schema,
    ]),
  );
  return { ...document, components: { ...components, schemas: keyed } };
}

function withoutInnerProse(schema: unknown, depth: number): unknown {
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (depth > 0 && PROSE.has(key)) continue;
    const holds = keywordHolds(key, { everywhere: true });
    if (holds === 'map' && isObject(value))
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutInnerProse(v, depth + 1)]));
    else if ((holds === 'list' || holds === 'one') && Array.isArray(value))
      out[key] = value.map((v) => withoutInnerProse(v, depth + 1));
    else if (holds === 'one') out[key] = withoutInnerProse(value, depth + 1);
    else out[key] = value;
  }
  return out;
}

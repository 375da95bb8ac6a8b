/** Response serialization with the serializer Fastify itself uses (fast-json-stringify, through
 * @fastify/fast-json-stringify-compiler), over the spec's response schemas. Copied verbatim.
 *
 * Compiled lazily and once per distinct schema: Fastify compiles every response schema of every
 * route when the routes are added, which for this spec (~100 operations × ~8 statuses) added
 * seconds to startup; most statuses share the error envelope's schema. */
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

type Serialize = (data: unknown) => string;
type Compile = (route: { schema: unknown; method: string; url: string; httpStatus: string }) => Serialize;

/** Sets the context's serializer compiler; `shared` are the schemas the responses' refs use. */
export function useSpecSerializers(instance: FastifyInstance, shared: readonly Record<string, unknown>[]): void {
  const compile = fastJsonStringifyCompiler(shared);
  if (!compile) return; // Fastify's default compiler stays: slower startup, same output.
  const bySchema = new Map<string, Serialize>();
  const serializerOf = (route: Parameters<Compile>[0]): Serialize => {
    const key = JSON.stringify(route.schema);
    let serialize = bySchema.get(key);
    if (!serialize) bySchema.set(key, (serialize = compileOr(compile, route)));
    return serialize;
  };
  instance.setSerializerCompiler((route) => {
    let serialize: Serialize | undefined;
    return (data: unknown) => {
      serialize ??= serializerOf(route as Parameters<Compile>[0]);
      try {
        return serialize(data);
      } catch {
        // A body the schema cannot serialize (a required field missing): sent as it is, as
        // without schemas. Whether responses match the spec is validateResponses' check.
        return JSON.stringify(data);
      }
    };
  });
}

/** A copy of the schema where an object schema that does not say `additionalProperties` says
 * `true`, as JSON Schema means it: fast-json-stringify would drop the properties it does not list
 * (`raw_data: { type: object }` would be sent as `{}`). */
function openObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(openObjects);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    // `properties`, `$defs`: maps of names to schemas, where a key is a name, not a keyword.
    const map = (key === 'properties' || key === '$defs' || key === 'definitions' || key === 'patternProperties') && value && typeof value === 'object';
    Object.defineProperty(out, key, { value: map ? mapValues(value as Record<string, unknown>) : openObjects(value), enumerable: true, writable: true, configurable: true });
  }
  const object = out.type === 'object' || (Array.isArray(out.type) && out.type.includes('object')) || 'properties' in out;
  if (object && !('additionalProperties' in out)) out.additionalProperties = true;
  return out;
}

function mapValues(map: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(map)) Object.defineProperty(out, name, { value: openObjects(value), enumerable: true, writable: true, configurable: true });
  return out;
}

/** A schema fast-json-stringify cannot compile is serialized with JSON.stringify. */
function compileOr(compile: Compile, route: Parameters<Compile>[0]): Serialize {
  try {
    return compile(route);
  } catch {
    return JSON.stringify;
  }
}

/** fast-json-stringify's compiler as Fastify loads it, resolved from Fastify's own location so it
 * is the copy Fastify depends on; undefined if it cannot be found. */
function fastJsonStringifyCompiler(shared: readonly Record<string, unknown>[]): Compile | undefined {
  try {
    const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
    const selector = fromFastify('@fastify/fast-json-stringify-compiler') as () => (schemas: Record<string, unknown>, options: object) => Compile;
    const compile = selector()(Object.fromEntries(shared.map((s) => [String(s.$id), openObjects(s)])), {});
    return (route) => compile({ ...route, schema: openObjects(route.schema) });
  } catch {
    return undefined;
  }
}

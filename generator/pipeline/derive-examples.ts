import { isObject, type JsonObject } from '../source/schema-walk.ts';

/**
 * Stage 2c: an example for every JSON request body and response the spec leaves without one, built
 * from the examples the spec does have (each entity's full sample record, the envelope's, the
 * write job's). Mock servers (Prism) and the docs answer with these; without them Prism invents
 * "string" values and mixes the one write-job example (an invoice payment) into every entity's
 * answer. A write job's example is made for its own entity and status: 200 finished with every
 * record written, 202 just accepted. Only for specs in ledgerspec's layout (entity components);
 * hand-written examples always win.
 */
export function deriveExamples(document: JsonObject): JsonObject {
  const schemas = ((document.components as JsonObject | undefined)?.schemas ?? {}) as Record<string, JsonObject>;
  if (!Object.values(schemas).some((s) => isObject(s) && typeof s['x-entity'] === 'string')) return document;
  const builder = new ExampleBuilder(schemas);
  const paths = Object.fromEntries(
    Object.entries((document.paths ?? {}) as Record<string, JsonObject>).map(([path, item]) => [
      path,
      withExamples(item, builder),
    ]),
  );
  return { ...document, paths };
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function withExamples(item: JsonObject, builder: ExampleBuilder): JsonObject {
  return Object.fromEntries(
    Object.entries(item).map(([method, operation]) => {
      if (!METHODS.has(method) || !isObject(operation)) return [method, operation];
      const body = operation.requestBody;
      const responses = (operation.responses ?? {}) as Record<string, unknown>;
      return [
        method,
        {
          ...operation,
          ...(isObject(body) ? { requestBody: withContentExample(body, builder, undefined) } : {}),
          ...(operation.responses
            ? {
                responses: Object.fromEntries(
                  Object.entries(responses).map(([status, response]) => [
                    status,
                    isObject(response) ? withContentExample(response, builder, status) : response,
                  ]),
                ),
              }
            : {}),
        },
      ];
    }),
  );
}

/** The object (request body or response) with an example on its application/json content. */
function withContentExample(holder: JsonObject, builder: ExampleBuilder, status: string | undefined): JsonObject {
  const content = holder.content as Record<string, JsonObject> | undefined;
  const json = content?.['application/json'];
  if (!json || 'example' in json || 'examples' in json || !isObject(json.schema)) return holder;
  const example = asWriteJob(builder.exampleOf(json.schema), status);
  return example === undefined
    ? holder
    : { ...holder, content: { ...content, 'application/json': { ...json, example } } };
}

/** A write job's example as its status says: 200 finished (every record written), 202 accepted. */
function asWriteJob(example: unknown, status: string | undefined): unknown {
  if (!isObject(example)) return example;
  const job = isObject(example.data) ? example.data : undefined;
  if (!job || !Array.isArray(job.records) || typeof job.job_id !== 'string' || typeof job.status !== 'string')
    return example;
  if (status === '202')
    return { ...example, data: { ...job, status: 'CREATED', success_count: 0, failed_count: 0, records: [] } };
  const records = job.records.map((record) =>
    isObject(record) ? { ...record, status: 'success', error: null } : record,
  );
  return { ...example, data: { ...job, status: 'SUCCESS', success_count: records.length, failed_count: 0, records } };
}

const MAX_DEPTH = 16;

/** A value for a schema: its own example where it has one, else one built from its parts. */
class ExampleBuilder {
  constructor(private readonly schemas: Record<string, JsonObject>) {}

  exampleOf(schema: unknown, depth = 0): unknown {
    if (!isObject(schema) || depth > MAX_DEPTH) return undefined;
    if ('example' in schema) return schema.example;
    if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
    // A write variant (`<Title>Create`/`Update`, a `<Title>Write` twin) is its model's sample
    // record with only the fields the variant declares.
    const writeOf = typeof schema['x-write-of'] === 'string' ? this.schemas[schema['x-write-of']] : undefined;
    if (writeOf) return this.conform(this.exampleOf(writeOf, depth + 1), schema, depth + 1);
    if (typeof schema.$ref === 'string') return this.exampleOf(this.resolve(schema.$ref), depth + 1);
    if (Array.isArray(schema.allOf))
      return schema.allOf.map((part) => this.exampleOf(part, depth + 1)).reduce(mergeExamples, undefined);
    const branch = firstBranch(schema);
    if (branch) return this.exampleOf(branch, depth + 1);
    return this.fromType(schema, depth);
  }

  private fromType(schema: JsonObject, depth: number): unknown {
    if ('const' in schema) return schema.const;
    if (Array.isArray(schema.enum)) return schema.enum.find((value) => value !== null) ?? null;
    if ('default' in schema) return schema.default;
    const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
    if (type === 'object' || isObject(schema.properties)) return this.objectOf(schema, depth);
    if (type === 'array') {
      const item = this.exampleOf(schema.items, depth + 1);
      return item === undefined ? [] : [item];
    }
    if (type === 'string') return stringOf(schema);
    if (type === 'integer' || type === 'number') return typeof schema.minimum === 'number' ? schema.minimum : 0;
    if (type === 'boolean') return false;
    if (type === 'null') return null;
    return undefined;
  }

  private objectOf(schema: JsonObject, depth: number): JsonObject {
    const properties = (schema.properties ?? {}) as Record<string, unknown>;
    const entries = Object.entries(properties).map(
      ([name, property]) => [name, this.exampleOf(property, depth + 1)] as const,
    );
    return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
  }

  /** `value` cut down to what `schema` declares, at every depth (read-only fields dropped). */
  private conform(value: unknown, schema: unknown, depth: number): unknown {
    if (!isObject(schema) || depth > MAX_DEPTH) return value;
    if (typeof schema.$ref === 'string') return this.conform(value, this.resolve(schema.$ref), depth + 1);
    const branch = firstBranch(schema);
    if (branch && value !== null) return this.conform(value, branch, depth + 1);
    if (Array.isArray(value)) return value.map((item) => this.conform(item, schema.items, depth + 1));
    if (!isObject(value) || !isObject(schema.properties)) return value;
    const properties = schema.properties as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([name]) => name in properties)
        .map(([name, field]) => [name, this.conform(field, properties[name], depth + 1)]),
    );
  }

  private resolve(ref: string): JsonObject | undefined {
    const prefix = '#/components/schemas/';
    return ref.startsWith(prefix)
      ? this.schemas[decodeURIComponent(ref.slice(prefix.length)).replace(/~1/g, '/').replace(/~0/g, '~')]
      : undefined;
  }
}

/** The first branch of an anyOf/oneOf that is not just null. */
function firstBranch(schema: JsonObject): unknown {
  const branches = (
    Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : undefined
  ) as unknown[] | undefined;
  return branches?.find((b) => !(isObject(b) && b.type === 'null')) ?? branches?.[0];
}

/** allOf parts' examples, later parts (the more specific ones) over earlier ones: an object's keys
 * are taken whole from the part that names them, so a record of one entity never mixes with the
 * generic part's sample of another. */
function mergeExamples(base: unknown, next: unknown): unknown {
  if (next === undefined) return base;
  if (!isObject(base) || !isObject(next)) return next;
  return { ...base, ...next };
}

const FORMAT_SAMPLES: Readonly<Record<string, string>> = {
  'date-time': '2024-05-02T09:30:00Z',
  date: '2024-05-02',
  email: 'accounts@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  uuid: '0b6c1f3e-2a4d-4c8e-9f1a-3d5e7b9c1a2f',
};

function stringOf(schema: JsonObject): string {
  const format = typeof schema.format === 'string' ? FORMAT_SAMPLES[schema.format] : undefined;
  if (format) return format;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  return 'string'.padEnd(min, 'x');
}

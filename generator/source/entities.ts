import { followRef } from './refs.ts';
import { isObject, nonNullTypes, type JsonObject } from './schema-walk.ts';
import type { SchemaSource, SpecSources } from './spec-sources.ts';

/** A schema file that declares a resource (it carries `x-entity`). */
export interface EntitySource {
  source: SchemaSource;
  doc: JsonObject;
  /** Plural snake_case name from `x-entity`, e.g. `invoice_payments`. */
  entity: string;
  /** PascalCase singular from `title`, e.g. `InvoicePayment`. */
  title: string;
  area: 'core' | 'accounting';
}

export function entitySources(sources: SpecSources): EntitySource[] {
  return sources.schemas.flatMap((source) => {
    const doc = source.file.data;
    if (!isObject(doc) || typeof doc['x-entity'] !== 'string' || source.area === 'common') return [];
    return [{ source, doc, entity: doc['x-entity'], title: String(doc.title ?? ''), area: source.area }];
  });
}

export function topLevelProperties(doc: JsonObject): [string, JsonObject][] {
  return isObject(doc.properties)
    ? Object.entries(doc.properties).filter((e): e is [string, JsonObject] => isObject(e[1]))
    : [];
}

/** Follows a `$ref` written in a schema file to the schema it names among the loaded sources. */
export function resolveSchemaRef(sources: SpecSources, fromSpecPath: string, ref: string): JsonObject | undefined {
  const from = sources.schemas.find((s) => s.specPath === fromSpecPath)?.file;
  const value = from ? followRef(sources, from, ref)?.value : undefined;
  return isObject(value) ? value : undefined;
}

export type ScalarKind = 'string' | 'number' | 'boolean' | 'date-time' | 'enum';

/** The filter/sort kind of a property, or undefined when it is not a scalar. A `$ref` (or a
 * nullable anyOf around one) is followed once, so shared enums count as scalars. */
export function scalarKind(sources: SpecSources, from: string, schema: JsonObject): ScalarKind | undefined {
  const ref = refOf(schema);
  if (ref) {
    const target = resolveSchemaRef(sources, from, ref);
    return target ? scalarKind(sources, from, target) : undefined;
  }
  return plainScalarKind(schema);
}

/** The scalar kind a schema declares by itself (no `$ref` followed). */
export function plainScalarKind(schema: JsonObject): ScalarKind | undefined {
  if (Array.isArray(schema.enum)) return 'enum';
  const types = nonNullTypes(schema);
  if (types.length !== 1) return undefined;
  const [type] = types;
  if (type === 'string') return schema.format === 'date-time' || schema.format === 'date' ? 'date-time' : 'string';
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'boolean') return 'boolean';
  return undefined;
}

/** The `$ref` of a schema, or of the single non-null branch of its anyOf/oneOf. */
export function refOf(schema: JsonObject): string | undefined {
  if (typeof schema.$ref === 'string') return schema.$ref;
  const union = schema.anyOf ?? schema.oneOf;
  if (!Array.isArray(union)) return undefined;
  const refs = union.filter((s): s is JsonObject => isObject(s) && typeof s.$ref === 'string');
  const rest = union.filter((s) => !(isObject(s) && (s.$ref || s.type === 'null')));
  return refs.length === 1 && rest.length === 0 ? String(refs[0]?.$ref) : undefined;
}

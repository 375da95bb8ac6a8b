import type { JsonObject } from '../../source/schema-walk.ts';
import type { ParameterIR } from '../../ir/model.ts';
import { arrayItems, scalarCoercion, type Coercion } from './schema-info.ts';
import { resolveObject } from '../../ir/refs.ts';
import { isObject } from '../../source/schema-walk.ts';
import { setOwn } from '../../source/own-keys.ts';

/** How the runtime decodes one query parameter, per its declared style (OpenAPI defaults: form,
 * explode true). `items` marks an array (a comma list when explode is false, repeats otherwise);
 * `fields` is for a deepObject: field → operator → what the value becomes, `[]` ending a comma
 * list (`filter[amount][in]=1,2`). */
export interface QueryParamView {
  name: string;
  style: 'form' | 'deepObject';
  explode: boolean;
  type: Coercion | 'array' | 'object';
  items?: Coercion;
  fields?: Record<string, Record<string, string>>;
}

export function queryParamView(document: JsonObject, param: ParameterIR): QueryParamView {
  const style = param.style === 'deepObject' ? 'deepObject' : 'form';
  const explode = param.explode ?? style === 'form';
  if (style === 'deepObject')
    return { name: param.name, style, explode, type: 'object', fields: deepObjectFields(document, param.schema) };
  const items = arrayItems(document, param.schema);
  if (items) return { name: param.name, style, explode, type: 'array', items };
  return { name: param.name, style, explode, type: scalarCoercion(document, param.schema) };
}

/** field → operator → coercion, from a filter-like schema (object of objects of scalars). */
function deepObjectFields(document: JsonObject, raw: JsonObject): Record<string, Record<string, string>> {
  const properties = resolveObject(document, raw).properties;
  if (!isObject(properties)) return {};
  const fields: Record<string, Record<string, string>> = {};
  for (const name of Object.keys(properties).sort()) {
    const ops = resolveObject(document, properties[name]).properties;
    if (!isObject(ops)) continue;
    setOwn(
      fields,
      name,
      Object.fromEntries(
        Object.keys(ops)
          .sort()
          .map((op) => {
            const items = arrayItems(document, ops[op]);
            return [op, items ? `${items}[]` : scalarCoercion(document, ops[op])];
          }),
      ),
    );
  }
  return fields;
}

import type { Coercion, DeepObjectFields, QueryParameterIR } from '../../ir/model.ts';

/** How the runtime decodes one query parameter (templates/server/runtime/query.ts): the IR's
 * serialization of it. The runtime knows `form` and `deepObject`; a space- or pipe-delimited
 * parameter is decoded as `form` with its own explode. */
export interface QueryParamView {
  name: string;
  style: 'form' | 'deepObject';
  explode: boolean;
  type: Coercion | 'array' | 'object';
  items?: Coercion;
  fields?: DeepObjectFields;
}

export function queryParamView(param: QueryParameterIR): QueryParamView {
  const { style, explode, type, items, fields } = param.serialization;
  return {
    name: param.name,
    style: style === 'deepObject' ? 'deepObject' : 'form',
    explode,
    type,
    ...(items ? { items } : {}),
    ...(fields ? { fields } : {}),
  };
}

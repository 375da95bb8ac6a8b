/** Type plumbing shared by the generated resources. Everything here is erased at run time. */

/** The JSON body of an operation's success response (200 or 201). */
export type SuccessBody<Op> = Op extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;

/** The query parameters of an operation (`{}` when it has none). */
export type QueryOf<Op> = Op extends { parameters: { query?: infer Q } }
  ? [Q] extends [never | undefined]
    ? {}
    : NonNullable<Q>
  : {};

/** The JSON request body of an operation. */
export type BodyOf<Op> = Op extends { requestBody?: infer B }
  ? NonNullable<B> extends { content: { 'application/json': infer J } }
    ? J
    : never
  : never;

/** The names `expand` accepts, from the operation's own `expand` parameter. */
export type ExpandOf<Q> = Q extends { expand?: infer E }
  ? NonNullable<E> extends readonly (infer N)[]
    ? N
    : never
  : never;

/** `T` without the keys `K`. Unlike Omit, keeps T's named properties when T also has an index
 * signature (envelopes do: they are open for allOf). */
export type Without<T, K extends PropertyKey> = { [P in keyof T as P extends K ? never : P]: T[P] };

/** A record with the relations named in `E` embedded: each becomes a required `{ data: … }`
 * (still `null` where the record has no such relation). */
export type Expanded<T, E extends PropertyKey> = [E] extends [never]
  ? T
  : Without<T, E> & { [K in E & keyof T]-?: Exclude<T[K], undefined> };

/** Query parameters with a typed `expand`: the names picked flow into the result type. */
export type WithExpand<Q, E> = Without<Q, 'expand'> & { expand?: readonly E[] };

/** A page envelope whose records carry the expanded relations. */
export type PageOf<Body, T> = Without<Body, 'data'> & { data: T[] };

/** An envelope whose `data` is the record with its expanded relations. */
export type RecordOf<Body, T> = Without<Body, 'data'> & { data: T };

/** A batch write body with one record in `data` instead of a list (what `create` takes). */
export type OneRecord<B> = B extends { data: readonly (infer R)[] } ? Without<B, 'data'> & { data: R } : never;

/** A batch update body for one record named by the path's `id` (what `update` takes). */
export type OneUpdate<B> = B extends { data: readonly (infer R)[] }
  ? Without<B, 'data'> & { data: Without<R, 'platform_id'> }
  : never;

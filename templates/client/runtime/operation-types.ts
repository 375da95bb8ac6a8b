import type { RequestOptions } from './options.js';

/** Type plumbing for operations that belong to no entity (a third-party spec's, grouped by tag):
 * their arguments and result, read from openapi-typescript's `paths` types (erased at run time),
 * and how their header parameters are sent. */

/** What a call takes: the operation's `path`, `query` and `header` parameters as
 * openapi-typescript declares them (required where the spec says so), and its JSON `body`. */
export type ArgsOf<Op> = ParametersOf<Op> & BodyArgument<Op>;

type ParametersOf<Op> = Op extends { parameters: infer P } ? Pick<P, keyof P & ('path' | 'query' | 'header')> : {};

type BodyArgument<Op> = Op extends { requestBody: infer B }
  ? { body: JsonContent<B> }
  : Op extends { requestBody?: infer B }
    ? [NonNullable<B>] extends [never]
      ? {}
      : { body?: JsonContent<NonNullable<B>> }
    : {};

type JsonContent<B> = B extends { content: { 'application/json': infer J } } ? J : never;

/** The JSON body of the operation's first success status the spec describes (`undefined` when
 * its success has no JSON body, as a 204 has not). */
export type ResultOf<Op> = Op extends { responses: infer R } ? SuccessContent<R> : never;

type SuccessContent<R> = R extends { 200: infer S }
  ? JsonOrNothing<S>
  : R extends { 201: infer S }
    ? JsonOrNothing<S>
    : R extends { 202: infer S }
      ? JsonOrNothing<S>
      : R extends { 203: infer S }
        ? JsonOrNothing<S>
        : R extends { 206: infer S }
          ? JsonOrNothing<S>
          : undefined;

type JsonOrNothing<S> = S extends { content: { 'application/json': infer J } }
  ? J
  : S extends { content: { [type: string]: infer Other } }
    ? Other
    : undefined;

/** The request options of a call whose header parameters are `header`: each becomes a header
 * (the caller's own `options.headers` win), except an `Idempotency-Key` parameter, which becomes
 * the call's `idempotencyKey` so the transport sends it once and repeats it on every retry. */
export function withHeaderParameters(
  header: object | undefined,
  options: RequestOptions | undefined,
): RequestOptions | undefined {
  if (!header) return options;
  const headers: Record<string, string> = {};
  let idempotencyKey: string | undefined;
  for (const [name, value] of Object.entries(header)) {
    if (value === undefined) continue;
    if (name.toLowerCase() === 'idempotency-key') idempotencyKey = String(value);
    else headers[name] = String(value);
  }
  return {
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    ...options,
    headers: { ...headers, ...options?.headers },
  };
}

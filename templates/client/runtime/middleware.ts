/** Hooks around the client's HTTP traffic, in the shape of openapi-fetch's middleware (an object
 * with optional `onRequest`, `onResponse`, `onError`): each hook may return a replacement, or
 * nothing to leave things as they are. Hooks rather than a fetch-wrapper chain, because they see
 * the spec's operation and the client's typed errors, which a wrapped `fetch` never does (the
 * `fetch` option stays for that). */
import type { Operation } from './transport.js';

export interface RequestContext {
  /** The request of this attempt; its headers may be changed in place. */
  request: Request;
  /** The operation of the spec being called (operationId, method, path template). */
  operation: Operation;
  /** Which attempt this is, counting from 1 (retries go through the hooks again). */
  attempt: number;
}

export interface ResponseContext extends RequestContext {
  /** The answer (success or not): return another Response to replace it. */
  response: Response;
  /** Sends a request once more with the client's fetch and this attempt's signal, bypassing the
   * hooks: to repeat `request` after refreshing a credential, say. `request` is unsent, so
   * `request.clone()` copies it, body included (each hook may clone it again). */
  fetch(request: Request): Promise<Response>;
}

export interface ErrorContext {
  /** What the call is about to throw (an ApiError, or the caller's abort reason). */
  error: unknown;
  operation: Operation;
  /** The last request made, when one was. */
  request: Request | undefined;
  /** How many attempts were made. */
  attempts: number;
}

export interface Middleware {
  /** Before each attempt, in the order the middleware are listed. */
  onRequest?(context: RequestContext): Request | undefined | void | Promise<Request | undefined | void>;
  /** After each attempt's response, in reverse order: the first middleware sees the final word. */
  onResponse?(context: ResponseContext): Response | undefined | void | Promise<Response | undefined | void>;
  /** Once per failed call, in reverse order: return an Error to throw that instead. */
  onError?(context: ErrorContext): Error | undefined | void | Promise<Error | undefined | void>;
}

/** The hooks of a client's middleware, listed once in the order each runs, so that a call
 * walks only the hooks there are (none, usually) and reverses nothing. */
export interface Hooks {
  onRequest: readonly Middleware[];
  onResponse: readonly Middleware[];
  onError: readonly Middleware[];
  /** Some middleware has a hook: calls then go through Request objects the hooks can see. */
  some: boolean;
}

export function hooksOf(middleware: readonly Middleware[]): Hooks {
  const reversed = [...middleware].reverse();
  const onRequest = middleware.filter((m) => m.onRequest);
  const onResponse = reversed.filter((m) => m.onResponse);
  const onError = reversed.filter((m) => m.onError);
  return { onRequest, onResponse, onError, some: onRequest.length + onResponse.length + onError.length > 0 };
}

export async function runOnRequest(hooks: Hooks, context: RequestContext): Promise<Request> {
  let { request } = context;
  for (const m of hooks.onRequest) request = (await m.onRequest?.({ ...context, request })) ?? request;
  return request;
}

export async function runOnResponse(hooks: Hooks, context: ResponseContext): Promise<Response> {
  let { response } = context;
  for (const m of hooks.onResponse) response = (await m.onResponse?.({ ...context, response })) ?? response;
  return response;
}

export async function runOnError(hooks: Hooks, context: ErrorContext): Promise<unknown> {
  let { error } = context;
  for (const m of hooks.onError) error = (await m.onError?.({ ...context, error })) ?? error;
  return error;
}

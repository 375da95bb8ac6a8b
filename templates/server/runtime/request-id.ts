/** The request ID: a caller's `x-request-id` is honoured when it is a plausible ID (so one ID
 * follows a request through proxies and services), otherwise the server makes one. It is the
 * envelope's `request_id` and is echoed in the `x-request-id` response header. Copied verbatim. */
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What an incoming ID may be: 1 to 128 of the characters UUIDs, ULIDs, hex, base64 and trace
 * IDs use. Anything else (longer, spaces, quotes, control characters) is ignored, not refused, so
 * logs and responses only ever carry IDs of this shape. */
const ACCEPTED = /^[A-Za-z0-9._~:+/=-]{1,128}$/;

/** The caller's ID when it is acceptable, undefined otherwise. */
export function acceptedRequestId(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' && ACCEPTED.test(header) ? header : undefined;
}

/** Fastify's `genReqId` for servers made by createServer: the caller's ID or a new UUID. */
export function genReqId(request: { headers: Record<string, string | string[] | undefined> }): string {
  return acceptedRequestId(request.headers[REQUEST_ID_HEADER]) ?? randomUUID();
}

const ids = new WeakMap<FastifyRequest, string>();

/** The request's ID in this API: the caller's when acceptable, else Fastify's `request.id` (a UUID
 * under createServer; whatever the host app's genReqId makes when the plugin is mounted on it). */
export function requestIdOf(request: FastifyRequest): string {
  let id = ids.get(request);
  if (id === undefined) {
    id = acceptedRequestId(request.headers[REQUEST_ID_HEADER]) ?? String(request.id);
    ids.set(request, id);
  }
  return id;
}

/** Echoes the ID on the response; set as the request arrives, so errors carry it too. */
export function echoRequestId(request: FastifyRequest, reply: FastifyReply): void {
  reply.header(REQUEST_ID_HEADER, requestIdOf(request));
}

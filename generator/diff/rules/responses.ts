import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import type { DiffContext, Finding, SchemaScope } from '../context.ts';
import type { OperationPair, OperationSite } from '../operations.ts';
import { deref, type SchemaNode } from '../schema-view.ts';
import { jsonSchema } from './request-body.ts';

interface ResponseSite {
  status: string;
  /** The operation's entry for the status: added and removed statuses are reported here. */
  site: string;
  schema?: SchemaNode;
}

const isSuccess = (status: string) => /^2(\d\d|XX)$/i.test(status);

/** Status codes and response bodies. The SDK returns the success response's body, so losing a
 * success status (or swapping it for another) is breaking; a new success status may hand back
 * a shape callers did not expect (potentially breaking). Error statuses the SDK throws for:
 * losing one leaves handling code dead (potentially breaking), gaining one is not breaking.
 * Bodies of statuses on both sides are compared as response data. */
export function compareResponses(ctx: DiffContext, pair: OperationPair, scope: SchemaScope): void {
  const before = responseSites(ctx.base, pair.base);
  const after = responseSites(ctx.head, pair.head);
  const add = (finding: Finding) => ctx.changes.add(finding, pair.head.ref);
  const successBefore = [...before.keys()].filter(isSuccess);
  const successAfter = [...after.keys()].filter(isSuccess);
  const swapped = successBefore.length > 0 && successAfter.length > 0 && !successBefore.some((s) => after.has(s));
  if (swapped) {
    const [was, is] = [
      before.get(successBefore[0] as string) as ResponseSite,
      after.get(successAfter[0] as string) as ResponseSite,
    ];
    add({
      id: 'response-success-status-changed',
      level: 'breaking',
      message: `success status changed from ${successBefore.join(', ')} to ${successAfter.join(', ')}`,
      pointer: is.site,
      side: 'head',
    });
    compareBodies(ctx, scope, was, is, add);
  }
  for (const [status, b] of before) {
    const h = after.get(status);
    if (h) compareBodies(ctx, scope, b, h, add);
    else if (!(swapped && isSuccess(status))) {
      add(
        isSuccess(status)
          ? {
              id: 'response-success-status-removed',
              level: 'breaking',
              message: `success response ${status} removed`,
              pointer: b.site,
              side: 'base',
            }
          : {
              id: 'response-non-success-status-removed',
              level: 'potentially-breaking',
              message: `error response ${status} removed`,
              pointer: b.site,
              side: 'base',
            },
      );
    }
  }
  for (const [status, h] of after) {
    if (before.has(status) || (swapped && isSuccess(status))) continue;
    add(
      isSuccess(status)
        ? {
            id: 'response-success-status-added',
            level: 'potentially-breaking',
            message: `success response ${status} added`,
            pointer: h.site,
            side: 'head',
          }
        : {
            id: 'response-non-success-status-added',
            level: 'non-breaking',
            message: `error response ${status} added`,
            pointer: h.site,
            side: 'head',
          },
    );
  }
}

function compareBodies(
  ctx: DiffContext,
  scope: SchemaScope,
  b: ResponseSite,
  h: ResponseSite,
  add: (f: Finding) => void,
): void {
  if (b.schema && h.schema) ctx.compare(scope, b.schema, h.schema);
  else if (b.schema && isSuccess(h.status))
    add({
      id: 'response-body-removed',
      level: 'breaking',
      message: `response ${h.status} no longer has a JSON body`,
      pointer: b.schema.pointer,
      side: 'base',
    });
  else if (h.schema && isSuccess(h.status))
    add({
      id: 'response-body-added',
      level: 'non-breaking',
      message: `response ${h.status} now has a JSON body`,
      pointer: h.schema.pointer,
      side: 'head',
    });
}

function responseSites(document: JsonObject, site: OperationSite): Map<string, ResponseSite> {
  const responses = isObject(site.operation.responses) ? site.operation.responses : {};
  return new Map(
    Object.keys(responses)
      .sort()
      .flatMap((status) => {
        const raw = responses[status];
        if (!isObject(raw)) return [];
        const entry = `${site.pointer}/responses/${status}`;
        const { schema: response, pointer } = deref(document, { schema: raw, pointer: entry });
        return [
          [
            status,
            { status, site: entry, ...jsonSchema(isObject(response.content) ? response.content : {}, pointer) },
          ] as const,
        ];
      }),
  );
}

import pointer from 'json-pointer';
import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import type { DiffContext, SchemaScope } from '../context.ts';
import type { OperationPair, OperationSite } from '../operations.ts';
import { deref, type SchemaNode } from '../schema-view.ts';

const JSON_MEDIA = 'application/json';

/** The body added, removed, made required, its media types, then its JSON schema. */
export function compareRequestBody(ctx: DiffContext, pair: OperationPair, scope: SchemaScope): void {
  const b = bodyOf(ctx.base, pair.base);
  const h = bodyOf(ctx.head, pair.head);
  const add = (finding: Parameters<typeof ctx.changes.add>[0]) => ctx.changes.add(finding, pair.head.ref);
  if (!b && !h) return;
  if (!b && h) {
    add(
      h.required
        ? {
            id: 'request-body-added-required',
            level: 'breaking',
            message: 'now requires a request body',
            pointer: h.site,
            side: 'head',
          }
        : {
            id: 'request-body-added',
            level: 'non-breaking',
            message: 'now accepts an optional request body',
            pointer: h.site,
            side: 'head',
          },
    );
    return;
  }
  if (b && !h) {
    add({
      id: 'request-body-removed',
      level: 'breaking',
      message: 'no longer takes a request body',
      pointer: b.site,
      side: 'base',
    });
    return;
  }
  if (!b || !h) return;
  if (!b.required && h.required)
    add({
      id: 'request-body-became-required',
      level: 'breaking',
      message: 'the request body is now required',
      pointer: `${h.pointer}/required`,
      side: 'head',
    });
  if (b.required && !h.required)
    add({
      id: 'request-body-became-optional',
      level: 'non-breaking',
      message: 'the request body is now optional',
      pointer: h.pointer,
      side: 'head',
    });
  for (const media of Object.keys(b.content)) {
    if (!(media in h.content))
      add({
        id: 'request-body-media-type-removed',
        level: 'breaking',
        message: `request body no longer accepted as ${media}`,
        pointer: `${b.pointer}/content/${escapeMedia(media)}`,
        side: 'base',
      });
  }
  for (const media of Object.keys(h.content)) {
    if (!(media in b.content))
      add({
        id: 'request-body-media-type-added',
        level: 'non-breaking',
        message: `request body now also accepted as ${media}`,
        pointer: `${h.pointer}/content/${escapeMedia(media)}`,
        side: 'head',
      });
  }
  if (b.schema && h.schema) ctx.compare(scope, b.schema, h.schema);
}

interface Body {
  /** The operation's `requestBody`: added and removed are reported here. */
  site: string;
  /** Where its definition lives (a shared `#/components/requestBodies/…` entry). */
  pointer: string;
  required: boolean;
  content: JsonObject;
  schema?: SchemaNode;
}

function bodyOf(document: JsonObject, site: OperationSite): Body | undefined {
  if (!isObject(site.operation.requestBody)) return undefined;
  const entry = `${site.pointer}/requestBody`;
  const { schema: body, pointer } = deref(document, { schema: site.operation.requestBody, pointer: entry });
  const content = isObject(body.content) ? body.content : {};
  return { site: entry, pointer, required: body.required === true, content, ...jsonSchema(content, pointer) };
}

export function jsonSchema(content: JsonObject, holderPointer: string): { schema?: SchemaNode } {
  const media = content[JSON_MEDIA];
  return isObject(media) && isObject(media.schema)
    ? { schema: { schema: media.schema, pointer: `${holderPointer}/content/${escapeMedia(JSON_MEDIA)}/schema` } }
    : {};
}

function escapeMedia(media: string): string {
  return pointer.escape(media);
}

import { isDeepStrictEqual } from 'node:util';
import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import type { DiffContext, SchemaScope } from '../context.ts';
import type { OperationPair, OperationSite } from '../operations.ts';
import { deref } from '../schema-view.ts';

interface ParameterSite {
  name: string;
  in: string;
  parameter: JsonObject;
  /** Where the definition lives (a shared `#/components/parameters/…` entry, once for all). */
  pointer: string;
  /** Where the operation lists it: added and removed are reported here, so acknowledging a
   * parameter removed from one operation does not accept removing it from another. */
  site: string;
}

/** Parameters removed or added, made required or optional, serialized differently, and their
 * schemas (a parameter is request data: a narrower schema breaks callers). A removed parameter
 * is breaking for the SDK: callers that pass it no longer compile. */
export function compareParameters(ctx: DiffContext, pair: OperationPair, scope: SchemaScope): void {
  const before = parameterSites(ctx.base, pair.base);
  const after = parameterSites(ctx.head, pair.head);
  const add = (finding: Parameters<typeof ctx.changes.add>[0]) => ctx.changes.add(finding, pair.head.ref);
  for (const [key, b] of before) {
    const h = after.get(key);
    if (!h) {
      add({
        id: 'request-parameter-removed',
        level: 'breaking',
        message: `${b.in} parameter \`${b.name}\` removed`,
        pointer: b.site,
        side: 'base',
      });
      continue;
    }
    const [was, is] = [b.parameter.required === true, h.parameter.required === true];
    if (!was && is)
      add({
        id: 'request-parameter-became-required',
        level: 'breaking',
        message: `${h.in} parameter \`${h.name}\` is now required`,
        pointer: `${h.pointer}/required`,
        side: 'head',
      });
    if (was && !is)
      add({
        id: 'request-parameter-became-optional',
        level: 'non-breaking',
        message: `${h.in} parameter \`${h.name}\` is now optional`,
        pointer: h.pointer,
        side: 'head',
      });
    if (!isDeepStrictEqual(serialization(b.parameter), serialization(h.parameter))) {
      add({
        id: 'request-parameter-serialization-changed',
        level: 'potentially-breaking',
        message: `${h.in} parameter \`${h.name}\` is serialized differently (style/explode): SDKs built before send the old form`,
        pointer: h.pointer,
        side: 'head',
      });
    }
    if (b.parameter.deprecated !== true && h.parameter.deprecated === true)
      add({
        id: 'request-parameter-deprecated',
        level: 'non-breaking',
        message: `${h.in} parameter \`${h.name}\` is now deprecated`,
        pointer: `${h.pointer}/deprecated`,
        side: 'head',
      });
    if (isObject(b.parameter.schema) && isObject(h.parameter.schema)) {
      ctx.compare(
        scope,
        { schema: b.parameter.schema, pointer: `${b.pointer}/schema` },
        { schema: h.parameter.schema, pointer: `${h.pointer}/schema` },
      );
    }
  }
  for (const [key, h] of after) {
    if (before.has(key)) continue;
    const required = h.parameter.required === true;
    add(
      required
        ? {
            id: 'request-parameter-added-required',
            level: 'breaking',
            message: `new required ${h.in} parameter \`${h.name}\`: existing calls do not send it`,
            pointer: h.site,
            side: 'head',
          }
        : {
            id: 'request-parameter-added',
            level: 'non-breaking',
            message: `new optional ${h.in} parameter \`${h.name}\``,
            pointer: h.site,
            side: 'head',
          },
    );
  }
}

/** Path-level then operation-level parameters, refs followed; the operation's own wins on
 * name+in. Path parameters are keyed by their position in the URL, so renaming `{id}` is not a
 * removal; header names are case-insensitive. */
function parameterSites(document: JsonObject, site: OperationSite): Map<string, ParameterSite> {
  const listed = [
    ...list(site.pathItem.parameters).map((p, i) => ({ p, at: `${site.pathPointer}/parameters/${i}` })),
    ...list(site.operation.parameters).map((p, i) => ({ p, at: `${site.pointer}/parameters/${i}` })),
  ];
  const placeholders = [...site.ref.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  const sites = new Map<string, ParameterSite>();
  for (const { p, at } of listed) {
    const resolved = deref(document, { schema: p, pointer: at });
    const { name, in: where } = resolved.schema;
    if (typeof name !== 'string' || typeof where !== 'string') continue;
    const key =
      where === 'path'
        ? `path#${placeholders.indexOf(name)}`
        : where === 'header'
          ? `header:${name.toLowerCase()}`
          : `${where}:${name}`;
    sites.set(key, { name, in: where, parameter: resolved.schema, pointer: resolved.pointer, site: at });
  }
  return sites;
}

function list(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** OpenAPI's defaults made explicit, so writing the default out is no change. */
function serialization(parameter: JsonObject): { style: unknown; explode: unknown } {
  const defaults: Record<string, string> = { query: 'form', cookie: 'form', path: 'simple', header: 'simple' };
  const style = parameter.style ?? defaults[String(parameter.in)];
  return { style, explode: parameter.explode ?? style === 'form' };
}

import { isDeepStrictEqual } from 'node:util';
import pointer from 'json-pointer';
import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import type { DiffContext } from '../context.ts';
import type { OperationPair, OperationSite } from '../operations.ts';

/** An operation's security is a list of alternatives, each a set of schemes that must all be
 * satisfied; `{}` among them means anonymous calls are allowed. Callers break when the
 * alternative they use disappears, or when an open operation starts requiring credentials. */
export function compareSecurity(ctx: DiffContext, pair: OperationPair): void {
  const before = requirements(ctx.base, pair.base);
  const after = requirements(ctx.head, pair.head);
  const at = effectivePointer(pair.head);
  const add = (id: string, level: 'breaking' | 'non-breaking', message: string) =>
    ctx.changes.add({ id, level, message, pointer: at, side: 'head' }, pair.head.ref);
  const openBefore = before.length === 0 || before.includes('');
  const openAfter = after.length === 0 || after.includes('');
  if (openBefore && !openAfter) {
    add('security-added', 'breaking', `now requires credentials (${after.join(' or ')})`);
    return;
  }
  if (!openBefore && openAfter) {
    add('security-removed', 'non-breaking', 'no longer requires credentials');
    return;
  }
  if (openAfter) return;
  for (const r of before)
    if (!after.includes(r))
      add(
        'security-requirement-removed',
        'breaking',
        `no longer accepts ${r}${after.length ? `; accepts ${after.join(' or ')}` : ''}`,
      );
  for (const r of after)
    if (!before.includes(r)) add('security-requirement-added', 'non-breaking', `also accepts ${r}`);
}

/** Each alternative as `scheme[scope,…]+scheme`, sorted, so order never matters. */
function requirements(document: JsonObject, site: OperationSite): string[] {
  const list = Array.isArray(site.operation.security)
    ? site.operation.security
    : Array.isArray(document.security)
      ? document.security
      : [];
  return [
    ...new Set(
      list.filter(isObject).map((req) =>
        Object.keys(req)
          .sort()
          .map((name) => {
            const scopes = Array.isArray(req[name]) ? (req[name] as unknown[]).map(String).sort() : [];
            return scopes.length ? `${name}[${scopes.join(',')}]` : name;
          })
          .join('+'),
      ),
    ),
  ].sort();
}

function effectivePointer(site: OperationSite): string {
  return Array.isArray(site.operation.security) ? `${site.pointer}/security` : '/security';
}

/** A scheme's definition (which header, which flow) is how the SDK sends credentials. */
export function compareSecuritySchemes(ctx: DiffContext): void {
  const before = schemes(ctx.base);
  const after = schemes(ctx.head);
  for (const [name, scheme] of Object.entries(before)) {
    const at = `/components/securitySchemes/${pointer.escape(name)}`;
    const next = after[name];
    if (next === undefined)
      ctx.changes.add({
        id: 'security-scheme-removed',
        level: 'breaking',
        message: `security scheme ${name} removed`,
        pointer: at,
        side: 'base',
      });
    else if (!isDeepStrictEqual(withoutDocs(scheme), withoutDocs(next)))
      ctx.changes.add({
        id: 'security-scheme-changed',
        level: 'breaking',
        message: `security scheme ${name} changed (how credentials are sent)`,
        pointer: at,
        side: 'head',
      });
  }
  for (const name of Object.keys(after)) {
    if (!(name in before))
      ctx.changes.add({
        id: 'security-scheme-added',
        level: 'non-breaking',
        message: `security scheme ${name} added`,
        pointer: `/components/securitySchemes/${pointer.escape(name)}`,
        side: 'head',
      });
  }
}

function schemes(document: JsonObject): Record<string, unknown> {
  const components = isObject(document.components) ? document.components : {};
  return isObject(components.securitySchemes) ? components.securitySchemes : {};
}

function withoutDocs(scheme: unknown): unknown {
  if (!isObject(scheme)) return scheme;
  const { description: _d, ...rest } = scheme;
  return rest;
}

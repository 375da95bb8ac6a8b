/** The segments of a resource URL: /<area>/<entity>[/{id}[/<action>]]. */
export interface ResourceUrl {
  area: string;
  entity: string;
  onItem: boolean;
  action?: string;
}

export function parseResourceUrl(url: string): ResourceUrl | undefined {
  const match = /^\/([a-z][a-z0-9_]*)\/([a-z][a-z0-9_]*)(\/\{[^/}]+\})?(?:\/([a-z][a-z0-9_]*))?$/.exec(url);
  if (!match) return undefined;
  const [, area = '', entity = '', item, action] = match;
  if (action && !item) return undefined;
  return { area, entity, onItem: Boolean(item), ...(action ? { action } : {}) };
}

/** The operation's kind, from its method and URL shape alone; this is what operationIds,
 * client method names and server handler names are built from. A PATCH of a collection is a
 * batch update: each record in the body names itself. */
export function operationKind(op: { method: string; url: string }): string | undefined {
  const url = parseResourceUrl(op.url);
  if (!url) return undefined;
  if (url.action) return op.method === 'post' ? url.action : undefined;
  const table: Record<string, string | undefined> = url.onItem
    ? { get: 'get', patch: 'update', put: 'update', delete: 'delete' }
    : { get: 'list', post: 'create', patch: 'update' };
  return table[op.method];
}

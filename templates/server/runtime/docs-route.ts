/** The optional documentation route: the static site `ledgerspec docs` builds (generated/docs/)
 * and the spec's openapi.json, served without an API key. Off unless the plugin's `docs` option
 * is set. Copied verbatim. */
import { existsSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { ServerError } from './errors.js';

export interface DocsOptions {
  /** Where the routes are mounted. Default `/docs`: the site at `/docs/`, the spec at `/docs/openapi.json`. */
  prefix?: string;
  /** The site's folder. Default: `docs/` beside the generated server (generated/docs, built by `ledgerspec docs`). */
  dir?: string | URL;
  /** The spec document. Default: generated/openapi.json (in the built package too). */
  openapi?: string | URL;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** Hidden from @fastify/swagger (its `hide`, which Fastify's own schema type does not know). */
export const HIDDEN = { hide: true } as FastifySchema;

/** Adds GET (and HEAD) `<prefix>/openapi.json`, `<prefix>/` and `<prefix>/<file>`; hidden from @fastify/swagger. */
export function docsRoutes(instance: FastifyInstance, option: DocsOptions | true): void {
  const options = option === true ? {} : option;
  const prefix = (options.prefix ?? '/docs').replace(/\/+$/, '');
  const dir = asPath(options.dir ?? new URL('../docs/', import.meta.url));
  const openapi = asPath(options.openapi ?? defaultSpec());
  const schema = HIDDEN;
  instance.get(`${prefix}/openapi.json`, { schema }, (request, reply) => sendFile(request, reply, openapi));
  instance.get(prefix, { schema }, (request, reply) => reply.redirect(`${prefix}/`));
  instance.get(`${prefix}/*`, { schema }, async (request, reply) =>
    sendFile(request, reply, await siteFile(dir, (request.params as { '*': string })['*'])),
  );
}

/** generated/openapi.json beside the generated server; in the built package (dist/server/), the
 * package's generated/openapi.json. */
function defaultSpec(): URL {
  const candidates = [
    new URL('../openapi.json', import.meta.url),
    new URL('../../generated/openapi.json', import.meta.url),
  ];
  return candidates.find((candidate) => existsSync(candidate)) ?? (candidates[0] as URL);
}

function asPath(where: string | URL): string {
  return where instanceof URL ? fileURLToPath(where) : where;
}

/** The file a site path names (`''` is index.html), or undefined when it is not a file inside
 * the site folder: `..`, dotfiles and symbolic links out of the folder are not served. */
async function siteFile(dir: string, wanted: string): Promise<string | undefined> {
  const relative = wanted === '' || wanted.endsWith('/') ? `${wanted}index.html` : wanted;
  if (
    relative.split('/').some((part) => part === '' || part.startsWith('.')) ||
    relative.includes('\\') ||
    relative.includes('\0')
  )
    return undefined;
  try {
    const root = await realpath(dir);
    const file = await realpath(join(root, relative));
    return file.startsWith(root + sep) && (await stat(file)).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

async function sendFile(request: FastifyRequest, reply: FastifyReply, file: string | undefined): Promise<FastifyReply> {
  const path = request.url.split('?')[0] ?? '';
  const notFound = () =>
    new ServerError('not-found', `No documentation file ${path}.`, {
      details: [{ pointer: '', message: 'no such file; build the site with `ledgerspec docs`' }],
    });
  if (!file) throw notFound();
  const body = await readFile(file).catch(() => undefined);
  if (!body) throw notFound();
  return reply.type(TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream').send(body);
}

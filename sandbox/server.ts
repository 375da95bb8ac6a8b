/** The sandbox server: the generated Fastify app over the in-memory handlers and seed data. */
import type { FastifyInstance } from 'fastify';
import { createServer } from '../generated/server/plugin.ts';
import { sandboxHandlers } from './handlers.ts';
import { seedSources, seedStore } from './seed.ts';
import { fromConnectorFixtures } from './connector-fixtures.ts';
import type { Store } from './store.ts';
import type { Handlers } from '../generated/server/handlers.ts';
import { ServerError } from '../generated/server/errors.ts';
import { PlatformWrites } from './platform-writes.ts';
import { savePushJob } from './push-jobs.ts';
import { entity } from './spec-data.ts';

export interface SandboxOptions {
  host?: string;
  port?: number;
  apiKey?: string;
  /** Largest JSON body in bytes. */
  bodyLimit?: number;
  logger?: boolean;
  validateResponses?: boolean;
  /** The key list cursors are signed with (at least 32 bytes); default: random per process. */
  cursorSecret?: string;
  /** Where the companies' accounting records come from: `examples` (the default; every entity
   * from its spec example, three per company) or `connectors` (each company's connector fixtures
   * as mapped, the spec examples where a connector has none). */
  data?: 'examples' | 'connectors';
  /** Replace some handlers (tests use it to break one on purpose). */
  override?: (handlers: Handlers) => Handlers;
  /** Companies whose writes always run in the background (answer 202, job CREATED), as if their
   * platform were slow; `true` for every company. A request asks for it with
   * `Prefer: respond-async` whatever this says. */
  asyncWrites?: boolean | readonly string[];
  /** How long a background write job waits before it runs, in ms (default 50), so clients see
   * it CREATED and then follow it. */
  jobDelayMs?: number;
}

export interface Sandbox {
  app: FastifyInstance;
  store: Store;
  url: string;
  apiKey: string;
  close: () => Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const apiKey = options.apiKey ?? 'sandbox';
  const store = seedStore(options.data === 'connectors' ? [fromConnectorFixtures, ...seedSources] : seedSources);
  const handlers = sandboxHandlers(store, await PlatformWrites.load());
  const delay = options.jobDelayMs ?? 50;
  const app = await createServer({
    handlers: options.override ? options.override(handlers) : handlers,
    authenticate: (key) => key === apiKey,
    writes: {
      accept: (input) => acceptWrite(store, input),
      background: (input, preferAsync) => preferAsync || runsInBackground(options.asyncWrites, input.companyId),
      save: savePushJob(store),
      schedule: (work) => void setTimeout(() => void work(), delay),
    },
    ...(options.bodyLimit !== undefined ? { bodyLimit: options.bodyLimit } : {}),
    ...(options.validateResponses !== undefined ? { validateResponses: options.validateResponses } : {}),
    ...(options.cursorSecret !== undefined ? { cursorSecret: options.cursorSecret } : {}),
    fastify: { logger: options.logger ?? false },
  });
  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 4010 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host ?? '127.0.0.1';
  return {
    app,
    store,
    apiKey,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () => app.close(),
  };
}

/** An accounting write names a company the sandbox has; checked before a job exists, so an
 * unknown company is a 404, not a failed job. */
function acceptWrite(store: Store, input: Record<string, unknown>): void {
  const route = input.route as { area: string };
  if (route.area !== 'accounting') return;
  const id = typeof input.companyId === 'string' ? input.companyId : '';
  const pointer = (input.request as { method: string }).method === 'DELETE' ? '/query/company_id' : '/company_id';
  if (!store.find(entity('companies'), null, id))
    throw new ServerError('not-found', `No company ${id}.`, { details: [{ pointer, message: 'no such company' }] });
}

function runsInBackground(asyncWrites: SandboxOptions['asyncWrites'], companyId: unknown): boolean {
  if (asyncWrites === true) return true;
  return Array.isArray(asyncWrites) && typeof companyId === 'string' && asyncWrites.includes(companyId);
}

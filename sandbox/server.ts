/** The sandbox server: the generated Fastify app over the in-memory handlers and seed data. */
import type { FastifyInstance } from 'fastify';
import { createServer } from '../generated/server/plugin.ts';
import { sandboxHandlers } from './handlers.ts';
import { seedSources, seedStore } from './seed.ts';
import { fromConnectorFixtures } from './connector-fixtures.ts';
import type { Store } from './store.ts';
import type { Handlers } from '../generated/server/handlers.ts';

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
  const handlers = sandboxHandlers(store);
  const app = await createServer({
    handlers: options.override ? options.override(handlers) : handlers,
    authenticate: (key) => key === apiKey,
    ...(options.bodyLimit !== undefined ? { bodyLimit: options.bodyLimit } : {}),
    ...(options.validateResponses !== undefined ? { validateResponses: options.validateResponses } : {}),
    ...(options.cursorSecret !== undefined ? { cursorSecret: options.cursorSecret } : {}),
    fastify: { logger: options.logger ?? false },
  });
  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 4010 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host ?? '127.0.0.1';
  return { app, store, apiKey, url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, close: () => app.close() };
}

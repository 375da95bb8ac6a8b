import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server.ts';

export const API_KEY = 'test-key';

export interface Api {
  sandbox: () => Sandbox;
  /** fetch against the sandbox with the api_key header (unless `headers` overrides it). */
  call: (
    path: string,
    init?: RequestInit & { json?: unknown },
  ) => Promise<{ status: number; body: any; headers: Headers }>;
}

/** A sandbox on 127.0.0.1 and a random port for the test file, driven over real HTTP. */
export function useSandbox(options: SandboxOptions = {}): Api {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ host: '127.0.0.1', port: 0, apiKey: API_KEY, ...options });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  const current = () => {
    if (!sandbox) throw new Error('sandbox not started');
    return sandbox;
  };
  return {
    sandbox: current,
    async call(path, init = {}) {
      const { json, ...rest } = init;
      const headers = new Headers({
        api_key: API_KEY,
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
      });
      for (const [k, v] of new Headers(rest.headers)) headers.set(k, v);
      const response = await fetch(current().url + path, {
        ...rest,
        headers,
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    },
  };
}

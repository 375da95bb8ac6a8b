/** Stoplight Prism (a third-party OpenAPI mock server and validating proxy) as a child process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import { dirname, join } from 'node:path';

export interface PrismProcess {
  url: string;
  child: ChildProcess;
  log: string[];
}

function prismBin(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@stoplight/prism-cli/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { prism: string } };
  return join(dirname(manifest), bin.prism);
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** `prism <args> -h 127.0.0.1 -p <free port>`, resolved once it answers HTTP. */
export async function startPrism(args: string[], startupMs: number): Promise<PrismProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [prismBin(), ...args, '-h', '127.0.0.1', '-p', String(port), '-v', 'warn'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', SCARF_ANALYTICS: 'false', DO_NOT_TRACK: '1' },
  });
  const log: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startupMs - 5_000;
  // Poll until Prism answers (any answer: it listens only once the spec is loaded).
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prism exited with ${child.exitCode}:\n${log.join('')}`);
    try {
      await fetch(`${url}/`, { signal: AbortSignal.timeout(1_000) });
      return { url, child, log };
    } catch {
      if (Date.now() > deadline) throw new Error(`prism did not start on ${url}:\n${log.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function stopPrism(proxy: PrismProcess): Promise<void> {
  if (proxy.child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => proxy.child.once('exit', () => resolve()));
  proxy.child.kill('SIGTERM');
  const timer = setTimeout(() => proxy.child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

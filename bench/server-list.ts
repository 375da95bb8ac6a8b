/** `npm run bench:server`: requests/s of one list endpoint on the generated server (the sandbox)
 * against a bare Fastify route returning the same JSON, and their ratio. Both run in this process,
 * one after the other, under the same autocannon settings:
 *   BENCH_CONNECTIONS (10), BENCH_DURATION seconds (5), BENCH_PATH (a page of invoice payments),
 *   BENCH_VALIDATE_RESPONSES=1 to measure with development-mode response validation on.
 * `npm run bench` runs it too, as one row of its table. */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { pathToFileURL } from 'node:url';
import { startSandbox } from '../sandbox/server.ts';
import type { BenchRow } from './lib/table.ts';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_DURATION ?? 5);
const path = process.env.BENCH_PATH ?? '/accounting/invoice_payments?company_id=com_xero&sort=-amount&limit=50&expand=invoice';
const apiKey = 'bench';

async function requestsPerSecond(url: string): Promise<number> {
  const result = await autocannon({ url, connections, duration, headers: { api_key: apiKey } });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  return result.requests.average;
}

export async function measure(): Promise<BenchRow[]> {
  const sandbox = await startSandbox({ port: 0, apiKey, validateResponses: process.env.BENCH_VALIDATE_RESPONSES === '1' });
  const body = await (await fetch(sandbox.url + path, { headers: { api_key: apiKey } })).json();

  const bare = Fastify();
  bare.get(path.split('?')[0] as string, async () => body);
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const address = bare.server.address();
  const bareUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}${path}`;
  try {
    const bareRps = await requestsPerSecond(bareUrl);
    const generatedRps = await requestsPerSecond(sandbox.url + path);
    return [{
      work: `sandbox list endpoint, req/s (${connections} connections × ${duration} s)`,
      ours: `${generatedRps.toFixed(0)} req/s`,
      peer: `bare Fastify route, same JSON: ${bareRps.toFixed(0)} req/s`,
      ratio: generatedRps / bareRps,
      goal: '≥ 0.8×',
    }];
  } finally {
    await Promise.all([sandbox.close(), bare.close()]);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [row] = await measure();
  process.stdout.write(`GET ${path}\n${connections} connections × ${duration} s each\n`);
  process.stdout.write(`bare Fastify route:  ${row!.peer.replace(/.*: /, '')}\ngenerated server:    ${row!.ours}\nratio generated/bare: ${row!.ratio.toFixed(2)}\n`);
}

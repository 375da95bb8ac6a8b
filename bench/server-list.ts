/** `npm run bench:server`: requests/s of one list endpoint on the generated server (the sandbox)
 * against a bare Fastify route returning the same JSON, and their ratio. Both servers and
 * autocannon run in this process, under the same settings, in alternating rounds (bare, generated,
 * bare, …) so that both meet the same background load on a shared machine; the ratio is the
 * median of the rounds' ratios.
 *   BENCH_ROUNDS (5), BENCH_DURATION seconds per round and server (2), BENCH_CONNECTIONS (10),
 *   BENCH_PATH (a page of invoice payments with their invoices expanded),
 *   BENCH_VALIDATE_RESPONSES=1 to measure with development-mode response validation on.
 * `npm run bench` runs it too, as one row of its table. */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { pathToFileURL } from 'node:url';
import { startSandbox } from '../sandbox/server.ts';
import { median } from './lib/processes.ts';
import type { BenchRow } from './lib/table.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_DURATION ?? 2);
const path =
  process.env.BENCH_PATH ?? '/accounting/invoice_payments?company_id=com_xero&sort=-amount&limit=50&expand=invoice';
const apiKey = 'bench';

async function requestsPerSecond(url: string): Promise<number> {
  const result = await autocannon({ url, connections, duration, headers: { api_key: apiKey } });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  return result.requests.average;
}

export interface Round {
  bare: number;
  generated: number;
}

/** Rounds of both, alternating, after one short warm-up of each (JIT, the route's serializer). */
export async function measureRounds(report: (round: Round, index: number) => void = () => {}): Promise<Round[]> {
  const sandbox = await startSandbox({
    port: 0,
    apiKey,
    validateResponses: process.env.BENCH_VALIDATE_RESPONSES === '1',
  });
  const body = await (await fetch(sandbox.url + path, { headers: { api_key: apiKey } })).json();
  const bare = Fastify();
  bare.get(path.split('?')[0] as string, async () => body);
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const address = bare.server.address();
  const bareUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}${path}`;
  try {
    await autocannon({ url: bareUrl, connections, amount: 2000, headers: { api_key: apiKey } });
    await autocannon({ url: sandbox.url + path, connections, amount: 2000, headers: { api_key: apiKey } });
    const results: Round[] = [];
    for (let i = 0; i < rounds; i++) {
      const round = { bare: await requestsPerSecond(bareUrl), generated: await requestsPerSecond(sandbox.url + path) };
      results.push(round);
      report(round, i);
    }
    return results;
  } finally {
    await Promise.all([sandbox.close(), bare.close()]);
  }
}

export async function measure(): Promise<BenchRow[]> {
  const results = await measureRounds();
  const generated = median(results.map((r) => r.generated));
  const bare = median(results.map((r) => r.bare));
  return [
    {
      work: `sandbox list endpoint, req/s (${connections} connections, ${rounds} alternating rounds × ${duration} s)`,
      ours: `${generated.toFixed(0)} req/s`,
      peer: `bare Fastify route, same JSON: ${bare.toFixed(0)} req/s`,
      ratio: median(results.map((r) => r.generated / r.bare)),
      goal: '≥ 0.8×',
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(
    `GET ${path}\n${connections} connections, ${rounds} rounds of ${duration} s per server, alternating\n`,
  );
  const results = await measureRounds((round, i) => {
    process.stdout.write(
      `round ${i + 1}: bare ${round.bare.toFixed(0)} req/s, generated ${round.generated.toFixed(0)} req/s, ratio ${(round.generated / round.bare).toFixed(2)}\n`,
    );
  });
  const ratio = median(results.map((r) => r.generated / r.bare));
  process.stdout.write(
    `median: bare ${median(results.map((r) => r.bare)).toFixed(0)} req/s, generated ${median(results.map((r) => r.generated)).toFixed(0)} req/s\nratio generated/bare (median of rounds): ${ratio.toFixed(2)}\n`,
  );
}

/** Client: one `list` call of the generated client (generated/client, as users get it by
 * default: no response validation, retries on) against openapi-fetch (typed by
 * generated/openapi.d.ts) and a plain `fetch` + `json()`, and, for reference, the generated
 * client with `validateResponses: true`. All four call the same tiny Fastify server on loopback
 * that answers one fixed page of invoices (taken once from the sandbox, sent as a ready string),
 * so the server costs the same for each and the difference is the client's own. Calls are
 * sequential (one in flight), in-process; BENCH_CLIENT_ROUNDS (7) interleaved rounds of
 * BENCH_CLIENT_BATCH (500) calls each, median. Run alone with `node --import tsx bench/client.ts`.
 * The bench runs the generated TypeScript through tsx, whose loader hooks make each `import()`
 * cost ~0.4 ms (~0.03 ms in plain Node): the validating client does one per call, so its row is
 * dearer here than for a user of the built package. */
import Fastify from 'fastify';
import createFetchClient from 'openapi-fetch';
import { pathToFileURL } from 'node:url';
import { createClient } from '../generated/client/index.ts';
import type { paths } from '../generated/openapi.d.ts';
import { startSandbox } from '../sandbox/server.ts';
import { median } from './lib/processes.ts';
import { formatRate, interleavedRounds, medianRatio, type Contender } from './lib/rounds.ts';
import type { BenchRow } from './lib/table.ts';

const rounds = Number(process.env.BENCH_CLIENT_ROUNDS ?? 7);
const batch = Number(process.env.BENCH_CLIENT_BATCH ?? 500);
const apiKey = 'bench';
const query = { company_id: 'com_xero', limit: 50 };

/** The page the sandbox answers for the query, as a string: the fixed server only sends it. */
async function samplePage(): Promise<string> {
  const sandbox = await startSandbox({ port: 0, apiKey });
  try {
    const response = await fetch(
      `${sandbox.url}/accounting/invoices?company_id=${query.company_id}&limit=${query.limit}`,
      { headers: { api_key: apiKey } },
    );
    if (!response.ok) throw new Error(`bench/client: the sandbox answered ${response.status}`);
    return await response.text();
  } finally {
    await sandbox.close();
  }
}

async function fixedServer(page: string) {
  const server = Fastify();
  server.get('/accounting/invoices', (_request, reply) => reply.type('application/json; charset=utf-8').send(page));
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address();
  return { server, baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

/** Sequential calls: each awaits the parsed page before the next starts. */
function sequential(label: string, call: () => Promise<unknown>): Contender {
  return {
    label,
    batch: async (n) => {
      for (let i = 0; i < n; i++) await call();
    },
  };
}

function contenders(baseUrl: string, records: number): Contender[] {
  const generated = createClient({ baseUrl, apiKey });
  const validating = createClient({ baseUrl, apiKey, validateResponses: true });
  const openapiFetch = createFetchClient<paths>({ baseUrl, headers: { api_key: apiKey } });
  const url = `${baseUrl}/accounting/invoices?company_id=${query.company_id}&limit=${query.limit}`;
  const expectPage = (page: { data: unknown[] } | undefined) => {
    if (page?.data.length !== records) throw new Error('bench/client: a call did not return the page');
  };
  return [
    sequential('generated client', async () => expectPage(await generated.accounting.invoices.list(query))),
    sequential('plain fetch', async () =>
      expectPage((await (await fetch(url, { headers: { api_key: apiKey } })).json()) as { data: unknown[] }),
    ),
    sequential('openapi-fetch', async () =>
      expectPage((await openapiFetch.GET('/accounting/invoices', { params: { query } })).data),
    ),
    sequential('generated client, validateResponses', async () =>
      expectPage(await validating.accounting.invoices.list(query)),
    ),
  ];
}

export async function measure(): Promise<BenchRow[]> {
  const page = await samplePage();
  const records = (JSON.parse(page) as { data: unknown[] }).data.length;
  const { server, baseUrl } = await fixedServer(page);
  try {
    const list = contenders(baseUrl, records);
    const rates = await interleavedRounds(list, rounds, batch);
    const describe = (index: number) => {
      const rate = median(rates[index]!);
      return `${list[index]!.label}: ${formatRate(rate, 'calls/s')} (${(1000 / rate).toFixed(3)} ms a call)`;
    };
    // The goal is on time per call (≤ 1.1× plain fetch's), so the ratio is time / peer's time.
    const row = (ours: number, peer: number, work: string, goal: string): BenchRow => ({
      work: `${work} (${records} invoices, ${page.length} bytes; sequential, ${rounds} interleaved rounds of ${batch} calls, median)`,
      ours: describe(ours),
      peer: describe(peer),
      ratio: medianRatio(rates[peer]!, rates[ours]!),
      goal,
    });
    return [
      row(0, 1, 'client `invoices.list`, time a call, same loopback server', '≤ 1.1×'),
      row(0, 2, 'client `invoices.list` vs openapi-fetch `GET`, time a call', 'reference'),
      row(3, 1, 'client `invoices.list` with validateResponses: true vs plain fetch, time a call', 'reference'),
    ];
  } finally {
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { formatTable } = await import('./lib/table.ts');
  process.stdout.write(`${formatTable(await measure())}\n`);
}

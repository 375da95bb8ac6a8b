/** Client: one `list` call of the generated client (generated/client, as users get it by
 * default: no response validation, retries on, a 30 s timeout per attempt) against a plain
 * `fetch` + `json()`, the same with `AbortSignal.timeout(30_000)` (a like-for-like peer: a
 * timeout needs a signal per request, which costs fetch something), openapi-fetch (typed by
 * generated/openapi.d.ts) and, for reference, the generated client with `timeoutMs: Infinity` (no
 * signal) and with `validateResponses: true`. All call the same tiny Fastify server on loopback
 * that answers one fixed page of invoices (taken once from the sandbox, sent as a ready string),
 * so the server costs the same for each and the difference is the client's own. Calls are
 * sequential (one in flight), in-process; BENCH_CLIENT_ROUNDS (40) interleaved rounds of
 * BENCH_CLIENT_BATCH (100) calls each (short rounds pair the contenders closely under a changing
 * load). Time a call is the process's CPU time (user + system: client and server share the
 * process) per call, which other jobs on a shared machine disturb far less than wall time; wall
 * time is shown too. Ratios are the median over rounds of each round's ratio. Run alone with
 * `node --import tsx bench/client.ts`. */
import Fastify from 'fastify';
import createFetchClient from 'openapi-fetch';
import { pathToFileURL } from 'node:url';
import { createClient } from '../generated/client/index.ts';
import type { paths } from '../generated/openapi.d.ts';
import { startSandbox } from '../sandbox/server.ts';
import { median } from './lib/processes.ts';
import type { BenchRow } from './lib/table.ts';

const rounds = Number(process.env.BENCH_CLIENT_ROUNDS ?? 40);
const batch = Number(process.env.BENCH_CLIENT_BATCH ?? 100);
/** Untimed batches of each contender first: JIT, connections, heap size. */
const warmUpBatches = 3;
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

interface Contender {
  label: string;
  call(): Promise<unknown>;
}

/** Milliseconds a call in each round: CPU time of the process and wall time. */
interface Costs {
  cpu: number[];
  wall: number[];
}

/** Rounds run every contender once, one after the other (each round in its own order) so that all
 * meet the same background load, after untimed warm-up batches (JIT, connections, heap size).
 * Calls are sequential: each awaits the parsed page before the next starts. */
async function interleaved(contenders: Contender[]): Promise<Costs[]> {
  const batchOf = async (contender: Contender, n: number) => {
    for (let i = 0; i < n; i++) await contender.call();
  };
  for (let warmUp = 0; warmUp < warmUpBatches; warmUp++) {
    for (const contender of contenders) await batchOf(contender, batch);
  }
  const costs = contenders.map((): Costs => ({ cpu: [], wall: [] }));
  const random = seededRandom(15);
  for (let round = 0; round < rounds; round++) {
    // Each round in its own order, so that none always runs right after the same one: a batch's
    // garbage is collected during the next (the validating client leaves the most).
    for (const index of shuffled(contenders.length, random)) {
      const contender = contenders[index]!;
      const cpuStart = process.cpuUsage();
      const wallStart = process.hrtime.bigint();
      await batchOf(contender, batch);
      const wallMs = Number(process.hrtime.bigint() - wallStart) / 1e6;
      const cpu = process.cpuUsage(cpuStart);
      costs[index]!.cpu.push((cpu.user + cpu.system) / 1000 / batch);
      costs[index]!.wall.push(wallMs / batch);
    }
  }
  return costs;
}

/** 0 … n-1 in a random order (Fisher–Yates). */
function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, index) => index);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** mulberry32: the same orders on every run, so that runs differ only by the machine. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function medianRatio(ours: number[], peer: number[]): number {
  return median(ours.map((value, index) => value / (peer[index] as number)));
}

function contenders(baseUrl: string, records: number): Contender[] {
  const generated = createClient({ baseUrl, apiKey });
  const validating = createClient({ baseUrl, apiKey, validateResponses: true });
  const untimed = createClient({ baseUrl, apiKey, timeoutMs: Infinity });
  const openapiFetch = createFetchClient<paths>({ baseUrl, headers: { api_key: apiKey } });
  const url = `${baseUrl}/accounting/invoices?company_id=${query.company_id}&limit=${query.limit}`;
  const expectPage = (page: { data: unknown[] } | undefined) => {
    if (page?.data.length !== records) throw new Error('bench/client: a call did not return the page');
  };
  const plain = async (init: RequestInit) =>
    expectPage((await (await fetch(url, { headers: { api_key: apiKey }, ...init })).json()) as { data: unknown[] });
  return [
    { label: 'generated client', call: async () => expectPage(await generated.accounting.invoices.list(query)) },
    { label: 'plain fetch', call: () => plain({}) },
    { label: 'plain fetch + AbortSignal.timeout', call: () => plain({ signal: AbortSignal.timeout(30_000) }) },
    {
      label: 'openapi-fetch',
      call: async () => expectPage((await openapiFetch.GET('/accounting/invoices', { params: { query } })).data),
    },
    {
      label: 'generated client, timeoutMs: Infinity',
      call: async () => expectPage(await untimed.accounting.invoices.list(query)),
    },
    {
      label: 'generated client, validateResponses',
      call: async () => expectPage(await validating.accounting.invoices.list(query)),
    },
  ];
}

export async function measure(): Promise<BenchRow[]> {
  const page = await samplePage();
  const records = (JSON.parse(page) as { data: unknown[] }).data.length;
  const { server, baseUrl } = await fixedServer(page);
  try {
    const list = contenders(baseUrl, records);
    const costs = await interleaved(list);
    const describe = (index: number) =>
      `${list[index]!.label}: ${median(costs[index]!.cpu).toFixed(3)} ms CPU a call (${median(costs[index]!.wall).toFixed(3)} ms wall)`;
    // The goal is on time per call (≤ 1.1× plain fetch's), so the ratio is time / peer's time.
    const row = (ours: number, peer: number, work: string, goal: string): BenchRow => ({
      work: `${work} (${records} invoices, ${page.length} bytes; sequential, ${rounds} interleaved rounds of ${batch} calls, CPU time, median of the rounds' ratios)`,
      ours: `${describe(ours)}; wall-time ratio ${medianRatio(costs[ours]!.wall, costs[peer]!.wall).toFixed(2)}×`,
      peer: describe(peer),
      ratio: medianRatio(costs[ours]!.cpu, costs[peer]!.cpu),
      goal,
    });
    return [
      row(0, 1, 'client `invoices.list`, time a call, same loopback server', '≤ 1.1×'),
      row(0, 2, 'client `invoices.list` vs plain fetch with a 30 s timeout as the client has', 'reference'),
      row(4, 1, 'client `invoices.list` with timeoutMs: Infinity (no timer, no signal) vs plain fetch', 'reference'),
      row(0, 3, 'client `invoices.list` vs openapi-fetch `GET`, time a call', 'reference'),
      row(5, 1, 'client `invoices.list` with validateResponses: true vs plain fetch, time a call', 'reference'),
    ];
  } finally {
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { formatTable } = await import('./lib/table.ts');
  process.stdout.write(`${formatTable(await measure())}\n`);
}

/** Generate: a cold run against openapi-typescript on the same bundled spec (what it is most
 * often compared with, though it writes only openapi.d.ts), and regenerate runs against a cold run:
 * nothing changed, one entity's description edited, one entity's validation edited (a maxLength
 * raised: the validators and server must be recompiled), one connector mapping edited (the spec
 * unchanged: lint and openapi.d.ts come from the cache), each run a new edit. Each in a project copy in a temporary
 * folder (spec and connectors; the edits never touch the repository), through bin/ledgerspec.js
 * built, whole process, median of BENCH_GENERATE_RUNS (3) runs, interleaved. Then the two spec
 * edits again in a running `generate --watch` (see watchRows). Run alone with
 * `node --import tsx bench/generate.ts`. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow } from './lib/table.ts';
import { costRatio, describeCost, median, medianCosts, type Command, type ProcessCost } from './lib/processes.ts';
import { startWatch } from './lib/watch-session.ts';
import { CLI_V8_FLAGS } from '../bin/v8-tiering.js';

const PROJECT = fileURLToPath(new URL('../', import.meta.url));
export const BIN = join(PROJECT, 'bin/ledgerspec.js');
const runs = Number(process.env.BENCH_GENERATE_RUNS ?? 3);
const node = process.execPath;

/** A project of its own: the spec and connectors (generate merges mappings), no config file. */
export function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerspec-bench-'));
  cpSync(join(PROJECT, 'spec'), join(dir, 'spec'), { recursive: true });
  cpSync(join(PROJECT, 'connectors'), join(dir, 'connectors'), {
    recursive: true,
    filter: (path) => !path.includes('/fixtures/'),
  });
  return dir;
}

/** Edits one entity's schema before each run, each time differently (`to(1)`, `to(2)`, …), so that
 * no run finds its edit in the cache from an earlier one: every run is a new one-entity edit. */
function editor(file: string, from: string, to: (n: number) => string): () => void {
  let n = 0;
  const original = readFileSync(file, 'utf8');
  if (!original.includes(from)) throw new Error(`bench: ${file} no longer holds ${JSON.stringify(from)}`);
  return () => writeFileSync(file, original.replace(from, to(++n)));
}

export async function measure(): Promise<BenchRow[]> {
  execFileSync(node, ['scripts/build-cli.mjs'], { cwd: PROJECT, stdio: 'ignore' });
  const dirs: string[] = [];
  try {
    const project = (name: string) => {
      const dir = projectCopy();
      dirs.push(dir);
      return { dir, name };
    };
    const cold = project('cold');
    const unchanged = project('no change');
    const described = project('description edit');
    const constrained = project('validation edit');
    const mapped = project('mapping edit');
    const generate = (dir: string, ...extra: string[]): string[] => [
      BIN,
      'generate',
      '--cache-dir',
      join(dir, '.cache'),
      ...extra,
    ];
    // Warm the regenerate projects: output and cache as after a first run.
    for (const { dir } of [unchanged, described, constrained, mapped])
      execFileSync(node, generate(dir), { cwd: dir, stdio: 'ignore' });
    const currency = (dir: string) => join(dir, 'spec/schemas/accounting/currency.yaml');
    const peerArgs = [
      join(PROJECT, 'node_modules/openapi-typescript/bin/cli.js'),
      join(PROJECT, 'generated/openapi.json'),
      '-o',
      join(cold.dir, 'openapi-typescript.d.ts'),
    ];
    const commands: Command[] = [
      { label: 'openapi-typescript', command: node, args: peerArgs },
      // The same peer under the V8 flag our CLI sets (bin/v8-tiering.js): how much of the ratio is
      // the flag rather than the work.
      { label: 'openapi-typescript, our V8 flag', command: node, args: [CLI_V8_FLAGS, ...peerArgs] },
      {
        label: 'generate, cold',
        command: node,
        args: [BIN, 'generate', '--no-cache'],
        cwd: cold.dir,
        before: () => rmSync(join(cold.dir, 'generated'), { recursive: true, force: true }),
      },
      { label: 'generate, nothing changed', command: node, args: generate(unchanged.dir), cwd: unchanged.dir },
      {
        label: 'generate, a description edited',
        command: node,
        args: generate(described.dir),
        cwd: described.dir,
        before: editor(
          currency(described.dir),
          "description: The currency's display name",
          (n) => `description: The currency's display name (edit ${n})`,
        ),
      },
      {
        label: 'generate, a maxLength toggled',
        command: node,
        args: generate(constrained.dir),
        cwd: constrained.dir,
        before: editor(
          currency(constrained.dir),
          "  symbol:\n    type: [string, 'null']\n",
          (n) => `  symbol:\n    type: [string, 'null']\n    maxLength: ${16 + n}\n`,
        ),
      },
      {
        label: 'generate, a mapping edited',
        command: node,
        args: generate(mapped.dir),
        cwd: mapped.dir,
        before: editor(
          join(mapped.dir, 'connectors/xero/mappings/invoices.ts'),
          'export const read',
          (n) => `// edit ${n}\nexport const read`,
        ),
      },
    ];
    const [peer, flaggedPeer, coldCost, noChange, description, validation, mapping] = medianCosts(commands, runs) as [
      ProcessCost,
      ProcessCost,
      ProcessCost,
      ProcessCost,
      ProcessCost,
      ProcessCost,
      ProcessCost,
    ];
    const watched = await watchRows(project('watch').dir, generate);
    return [
      ...tableRows(peer, coldCost, [noChange, description, validation, mapping]),
      flaggedPeerRow(flaggedPeer, coldCost),
      ...watchTable(watched, coldCost),
    ];
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

const watchEdits = Number(process.env.BENCH_WATCH_EDITS ?? 5);

/** The same two spec edits in a running `generate --watch` (modules loaded, JIT warm): the CPU time
 * the process spends from each edit to its "regenerated" line, median of BENCH_WATCH_EDITS (5)
 * edits of each kind, interleaved. */
async function watchRows(dir: string, generate: (dir: string, ...extra: string[]) => string[]) {
  // Two files: an editor writes its file's original text with its own edit, so the edits must not
  // share one (each would undo the other's, and both runs would change validation).
  const describe = editor(
    join(dir, 'spec/schemas/accounting/currency.yaml'),
    "description: The currency's display name",
    (n) => `description: The currency's display name (watch ${n})`,
  );
  const constrain = editor(
    join(dir, 'spec/schemas/accounting/tax_rate.yaml'),
    "  code:\n    type: [string, 'null']\n",
    (n) => `  code:\n    type: [string, 'null']\n    maxLength: ${16 + n}\n`,
  );
  const session = await startWatch(node, generate(dir, '--watch'), dir);
  try {
    const described: ProcessCost[] = [];
    const constrained: ProcessCost[] = [];
    for (let i = 0; i < watchEdits; i++) {
      described.push(await session.measure(describe));
      constrained.push(await session.measure(constrain));
    }
    return [medianCost(described), medianCost(constrained)];
  } finally {
    await session.close();
  }
}

function medianCost(costs: ProcessCost[]): ProcessCost {
  return { wallMs: median(costs.map((c) => c.wallMs)), cpuMs: median(costs.map((c) => c.cpuMs ?? 0)) };
}

function watchTable([described, constrained]: ProcessCost[], cold: ProcessCost): BenchRow[] {
  const vsCold = `cold generate: ${describeCost(cold)}`;
  const rows = [
    {
      work: `in a running \`generate --watch\`, one entity's description edited (median of ${watchEdits})`,
      cost: described,
    },
    {
      work: `in a running \`generate --watch\`, another entity's validation edited (a new maxLength; median of ${watchEdits})`,
      cost: constrained,
    },
  ];
  return rows.map(({ work, cost }) => ({
    work,
    ours: describeCost(cost as ProcessCost),
    peer: vsCold,
    ratio: costRatio(cost as ProcessCost, cold),
    goal: '≤ 25% of cold',
  }));
}

/** The regenerate rows, each against the cold run, in the order their commands ran. */
const REGENERATE_ROWS = [
  { work: 'regenerate, nothing changed', goal: '≤ 0.3 CPU-s' },
  { work: "regenerate, one entity's description edited", goal: '≤ 25% of cold' },
  { work: "regenerate, one entity's validation edited (a new maxLength)", goal: '≤ 25% of cold' },
  { work: 'regenerate, one connector mapping edited (a comment; the spec unchanged)', goal: 'reference' },
];

/** Reference: the cold run against openapi-typescript given the V8 flag our CLI sets itself. */
function flaggedPeerRow(flaggedPeer: ProcessCost, cold: ProcessCost): BenchRow {
  return {
    work: `\`generate\` cold vs openapi-typescript run as \`node ${CLI_V8_FLAGS}\` (the V8 flag bin/ledgerspec.js sets)`,
    ours: describeCost(cold),
    peer: `openapi-typescript, flagged: ${describeCost(flaggedPeer)}`,
    ratio: costRatio(cold, flaggedPeer),
    goal: 'reference',
  };
}

function tableRows(peer: ProcessCost, cold: ProcessCost, regenerates: ProcessCost[]): BenchRow[] {
  const vsCold = `cold generate: ${describeCost(cold)}`;
  return [
    {
      work: `\`generate\` cold (no cache) vs openapi-typescript on generated/openapi.json (median of ${runs})`,
      ours: describeCost(cold),
      peer: `openapi-typescript: ${describeCost(peer)}`,
      ratio: costRatio(cold, peer),
      goal: '≤ 2×',
    },
    ...REGENERATE_ROWS.map(({ work, goal }, i) => {
      const cost = regenerates[i] as ProcessCost;
      return { work, ours: describeCost(cost), peer: vsCold, ratio: costRatio(cost, cold), goal };
    }),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { formatTable } = await import('./lib/table.ts');
  process.stdout.write(`${formatTable(await measure())}\n`);
}

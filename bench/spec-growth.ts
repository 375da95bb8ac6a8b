/** Spec growth: a cold `generate --no-cache` on the spec grown 10× (each of the 25 accounting
 * entities copied 9 times under new names by bench/lib/grow-spec.ts: 250 accounting entities)
 * against the same on the spec as it is, in project copies in a temporary folder (as
 * bench/generate.ts makes them), through bin/ledgerspec.js built, whole process, CPU time, median
 * of BENCH_GROWTH_RUNS (3) interleaved runs. The grown spec passes `ledgerspec lint` (generate
 * lints it too and would fail). Run alone with `node --import tsx bench/spec-growth.ts`. */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BIN, projectCopy } from './generate.ts';
import { growSpec } from './lib/grow-spec.ts';
import { costRatio, describeCost, medianCosts, type Command, type ProcessCost } from './lib/processes.ts';
import type { BenchRow } from './lib/table.ts';

const PROJECT = fileURLToPath(new URL('../', import.meta.url));
const runs = Number(process.env.BENCH_GROWTH_RUNS ?? 3);
const COPIES = 9;

function coldGenerate(label: string, dir: string): Command {
  return {
    label,
    command: process.execPath,
    args: [BIN, 'generate', '--no-cache'],
    cwd: dir,
    before: () => rmSync(join(dir, 'generated'), { recursive: true, force: true }),
  };
}

export async function measure(): Promise<BenchRow[]> {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: PROJECT, stdio: 'ignore' });
  const original = projectCopy();
  const grown = projectCopy();
  try {
    growSpec(grown, COPIES);
    const [once, tenfold] = medianCosts(
      [coldGenerate('generate, spec as it is', original), coldGenerate('generate, spec grown 10×', grown)],
      runs,
    ) as [ProcessCost, ProcessCost];
    return [
      {
        work: `\`generate\` cold (no cache) on the spec grown 10× (each accounting entity copied ${COPIES} times) vs as it is (median of ${runs})`,
        ours: `10× spec: ${describeCost(tenfold)}`,
        peer: `1× spec: ${describeCost(once)}`,
        ratio: costRatio(tenfold, once),
        goal: '≤ 12×',
      },
    ];
  } finally {
    for (const dir of [original, grown]) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { formatTable } = await import('./lib/table.ts');
  process.stdout.write(`${formatTable(await measure())}\n`);
}

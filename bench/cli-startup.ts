/** CLI start-up: `ledgerspec --help` and `--version` (the built CLI, through bin/ledgerspec.js as
 * a user runs it) against `node -e 0`, the least any Node CLI can cost; and, for reference, the
 * same `--help` from the TypeScript source through tsx, as the CLI started before it was built.
 * Median of BENCH_RUNS (15) whole-process runs each, interleaved. Run alone with
 * `node --import tsx bench/cli-startup.ts`. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow } from './lib/table.ts';
import { costRatio, describeCost, medianCosts } from './lib/processes.ts';

const PROJECT = fileURLToPath(new URL('../', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);

export async function measure(): Promise<BenchRow[]> {
  // The bin runs the bundle only when it is fresh; make it so (a no-op when it already is).
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: PROJECT, stdio: 'ignore' });
  const node = process.execPath;
  const [bare, help, version, fromSource] = medianCosts(
    [
      { label: 'node -e 0', command: node, args: ['-e', '0'] },
      { label: 'ledgerspec --help', command: node, args: ['bin/ledgerspec.js', '--help'], cwd: PROJECT },
      { label: 'ledgerspec --version', command: node, args: ['bin/ledgerspec.js', '--version'], cwd: PROJECT },
      {
        label: 'ledgerspec --help (source)',
        command: node,
        args: ['--import', 'tsx', 'generator/cli.ts', '--help'],
        cwd: PROJECT,
      },
    ],
    runs,
  );
  const row = (work: string, ours: typeof bare, goal: string): BenchRow => ({
    work,
    ours: describeCost(ours!),
    peer: `node -e 0: ${describeCost(bare!)}`,
    ratio: costRatio(ours!, bare!),
    goal,
  });
  return [
    row(`\`ledgerspec --help\`, built (median of ${runs})`, help, '≤ 3×'),
    row(`\`ledgerspec --version\`, built (median of ${runs})`, version, '≤ 3×'),
    row(
      `\`ledgerspec --help\` from source through tsx (the CLI before the build; median of ${runs})`,
      fromSource,
      'reference',
    ),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { formatTable } = await import('./lib/table.ts');
  process.stdout.write(`${formatTable(await measure())}\n`);
}

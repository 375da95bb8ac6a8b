/** `npm run bench`: every bench in bench/ (each *.ts beside this file exports `measure()`), one
 * after the other in this run, and one table of ratios against their peers. Timings are measured
 * here and never asserted in tests; README.md keeps the last figures. */
import { readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { BenchModule, BenchRow } from './lib/table.ts';
import { formatTable } from './lib/table.ts';

const benches = readdirSync(new URL('.', import.meta.url))
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .sort();
const only = process.argv.slice(2);

const rows: BenchRow[] = [];
for (const file of benches) {
  if (only.length && !only.some((name) => file.startsWith(name))) continue;
  process.stderr.write(`bench: ${file}…\n`);
  const bench = (await import(new URL(file, import.meta.url).href)) as BenchModule;
  rows.push(...(await bench.measure()));
}

process.stdout.write(
  `Node ${process.version}, ${cpus().length} CPU(s), load average ${loadavg()[0]!.toFixed(1)} at the end\n\n${formatTable(rows)}\n`,
);

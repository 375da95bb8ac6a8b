import { relative } from 'node:path';
import type { LedgerspecConfig } from '../config.ts';
import { generate } from '../generate.ts';
import { printFailure } from './report.ts';

/** `ledgerspec generate [--check]`; returns the exit code. */
export async function runGenerate(config: LedgerspecConfig, options: { check: boolean }, out: (line: string) => void): Promise<number> {
  let result;
  try {
    result = await generate(config, options);
  } catch (error) {
    return printFailure(error, out);
  }
  const outDir = relative(process.cwd(), config.outDir) || '.';
  const stages = result.timings.map((t) => `${t.stage} ${Math.round(t.ms)}ms`).join(' · ');
  if (options.check) {
    for (const c of result.changes) out(`stale: ${outDir}/${c.path} (${c.change === 'added' ? 'missing' : c.change === 'removed' ? 'no longer generated' : 'differs'})`);
    out(result.changes.length ? `${result.changes.length} stale file(s) in ${outDir}/: run \`npm run generate\` and commit the result.` : `${outDir}/ is up to date (${result.files.length} files).`);
    out(stages);
    return result.changes.length ? 1 : 0;
  }
  for (const c of result.changes) out(`${c.change.padEnd(7)} ${outDir}/${c.path}`);
  out(`${result.changes.length} file(s) written, ${result.files.length - result.changes.filter((c) => c.change !== 'removed').length} unchanged, in ${outDir}/`);
  out(stages);
  return 0;
}

import { relative } from 'node:path';
import type { LedgerspecConfig } from '../config.ts';
import { generate } from '../generate.ts';
import { printFailure } from './report.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import type { MappingUpdate } from '../connectors/merge-stage.ts';

/** `ledgerspec generate [--check]`; returns the exit code. */
export async function runGenerate(config: LedgerspecConfig, options: { check: boolean }, out: (line: string) => void): Promise<number> {
  let result;
  try {
    result = await generate(config, options);
  } catch (error) {
    return printFailure(error, out);
  }
  const outDir = relative(process.cwd(), config.outDir) || '.';
  const connectorsDir = relative(process.cwd(), config.connectorsDir) || '.';
  const merged = result.mappings.filter((m) => m.contents !== undefined);
  if (result.recovered === 'finished') out('recovered: finished writing what an interrupted generate had committed');
  if (result.recovered === 'cleaned') out('recovered: deleted the staged files of an interrupted generate (nothing of it had been written)');
  for (const w of result.warnings) out(formatDiagnostic({ ...w, file: relative(process.cwd(), w.file) || w.file }));
  const stages = result.timings.map((t) => `${t.stage} ${Math.round(t.ms)}ms`).join(' · ');
  if (options.check) {
    for (const c of result.changes) out(`stale: ${outDir}/${c.path} (${c.change === 'added' ? 'missing' : c.change === 'removed' ? 'no longer generated' : 'differs'})`);
    for (const m of merged) out(`stale: ${connectorsDir}/${m.path} (${describeMerge(m)} to merge)`);
    const stale = result.changes.length + merged.length;
    out(stale ? `${stale} stale file(s): run \`npm run generate\` and commit the result.` : `${outDir}/ is up to date (${result.files.length} files); ${result.mappings.length} connector mapping(s) in step with the spec.`);
    out(stages);
    return stale ? 1 : 0;
  }
  for (const m of merged) out(`merged  ${connectorsDir}/${m.path} (${describeMerge(m)})`);
  for (const c of result.changes) out(`${c.change.padEnd(7)} ${outDir}/${c.path}`);
  out(`${result.changes.length} file(s) written, ${result.files.length - result.changes.filter((c) => c.change !== 'removed').length} unchanged, in ${outDir}/`);
  out(stages);
  return 0;
}

function describeMerge(update: MappingUpdate): string {
  const parts = [update.added.length ? `new: ${update.added.join(', ')}` : '', update.flagged.length ? `removed: ${update.flagged.join(', ')}` : ''];
  return parts.filter(Boolean).join('; ') || 'flags updated';
}

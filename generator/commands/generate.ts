import { relative } from 'node:path';
import type { LedgerspecConfig } from '../config.ts';
import { generate } from '../generate.ts';
import { printFailure } from './report.ts';
import type { MappingUpdate } from '../shared/mapping-update.ts';
import { toOutput, type Out, type Output } from './output.ts';

type GenerateResult = Awaited<ReturnType<typeof generate>>;

/** `ledgerspec generate [--check]`; returns the exit code. */
export async function runGenerate(config: LedgerspecConfig, options: { check: boolean }, sink: Out): Promise<number> {
  const out = toOutput(sink);
  let result: GenerateResult;
  // One spinner per stage, named as it starts: a person at a terminal sees where a long run is.
  const command = options.check ? 'generate --check' : 'generate';
  let done = () => {};
  const onStage = (stage: string) => {
    done();
    done = out.progress(`${command}: ${stage}`);
  };
  try {
    result = await generate(config, { ...options, onStage });
  } catch (error) {
    done();
    return printFailure(error, out);
  }
  done();
  const outDir = relative(process.cwd(), config.outDir) || '.';
  const connectorsDir = relative(process.cwd(), config.connectorsDir) || '.';
  const merged = result.mappings.filter((m) => m.contents !== undefined);
  if (result.recovered === 'finished')
    out.info('recovered: finished writing what an interrupted generate had committed');
  if (result.recovered === 'cleaned')
    out.info('recovered: deleted the staged files of an interrupted generate (nothing of it had been written)');
  const warnings = result.warnings.map((w) => ({ ...w, file: relative(process.cwd(), w.file) || w.file }));
  const stale = options.check ? result.changes.length + merged.length : 0;
  if (out.format === 'json') {
    out.result(
      JSON.stringify(
        {
          check: options.check,
          outDir,
          changes: result.changes,
          mappings: merged.map((m) => ({ path: `${connectorsDir}/${m.path}`, added: m.added, flagged: m.flagged })),
          files: result.files.length,
          warnings,
          timings: result.timings,
        },
        null,
        2,
      ),
    );
    return stale ? 1 : 0;
  }
  for (const w of warnings) out.diagnostic(w);
  if (options.check) printCheck(result, merged, { outDir, connectorsDir }, out);
  else printWritten(result, merged, { outDir, connectorsDir }, out);
  out.info(result.timings.map((t) => `${t.stage} ${Math.round(t.ms)}ms`).join(' · '));
  return stale ? 1 : 0;
}

interface Dirs {
  outDir: string;
  connectorsDir: string;
}

/** Stale files are the findings of --check (stderr); "up to date" is its success summary. */
function printCheck(
  result: GenerateResult,
  merged: MappingUpdate[],
  { outDir, connectorsDir }: Dirs,
  out: Output,
): void {
  for (const c of result.changes)
    out.problem(
      `stale: ${outDir}/${c.path} (${c.change === 'added' ? 'missing' : c.change === 'removed' ? 'no longer generated' : 'differs'})`,
    );
  for (const m of merged) out.problem(`stale: ${connectorsDir}/${m.path} (${describeMerge(m)} to merge)`);
  const stale = result.changes.length + merged.length;
  if (stale) out.problem(`${stale} stale file(s): run \`npm run generate\` and commit the result.`);
  else
    out.info(
      `${outDir}/ is up to date (${result.files.length} files); ${result.mappings.length} connector mapping(s) in step with the spec.`,
    );
}

function printWritten(
  result: GenerateResult,
  merged: MappingUpdate[],
  { outDir, connectorsDir }: Dirs,
  out: Output,
): void {
  for (const m of merged) out.info(`merged  ${connectorsDir}/${m.path} (${describeMerge(m)})`);
  for (const c of result.changes) out.info(`${c.change.padEnd(7)} ${outDir}/${c.path}`);
  out.info(
    `${result.changes.length} file(s) written, ${result.files.length - result.changes.filter((c) => c.change !== 'removed').length} unchanged, in ${outDir}/`,
  );
}

function describeMerge(update: MappingUpdate): string {
  const parts = [
    update.added.length ? `new: ${update.added.join(', ')}` : '',
    update.flagged.length ? `removed: ${update.flagged.join(', ')}` : '',
  ];
  return parts.filter(Boolean).join('; ') || 'flags updated';
}

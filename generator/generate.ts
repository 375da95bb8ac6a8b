import { performance } from 'node:perf_hooks';
import { dirname } from 'node:path';
import { DiagnosticError, hasErrors, type Diagnostic } from './diagnostics.ts';
import type { LedgerspecConfig } from './config.ts';
import type { GeneratedFile, SpecIR } from './ir/model.ts';
import { frontStages } from './pipeline/front.ts';
import { planNames } from './pipeline/plan.ts';
import { formatFiles } from './pipeline/format.ts';
import { planChanges, recoverSwitch, switchIn, type FileChange } from './pipeline/write.ts';
import { EMITTERS } from './emit/index.ts';
import { mergeConnectorMappings, type MappingUpdate } from './connectors/merge-stage.ts';
import { byCodeUnit } from './source/compare.ts';
import { schemaKeywordProblems } from './lint/schema-keywords.ts';
import { unguardedRefCycles } from './lint/ref-cycles.ts';

export interface StageTiming {
  stage: string;
  ms: number;
}

export interface GenerateResult {
  changes: FileChange[];
  files: GeneratedFile[];
  timings: StageTiming[];
  /** Connector mappings merged with the spec (paths relative to the connectors folder); those
   * with `contents` were (or, for --check, would be) rewritten. */
  mappings: MappingUpdate[];
  /** Warnings of the spec checks (a pattern that can backtrack catastrophically; with
   * --no-house-rules an unknown format) and of the mapping merge: removed fields flagged, files it
   * could not merge, entries to add by hand. (A mapping that does not parse is an error: generate
   * throws.) */
  warnings: Diagnostic[];
  /** False for --check: nothing was written. */
  wrote: boolean;
  /** What was left of an earlier run killed while writing: a committed switch this run finished,
   * or staged files it deleted (see recoverSwitch). */
  recovered: 'finished' | 'cleaned' | 'nothing';
}

/** The pipeline. Everything is computed in memory first; the output folder is touched only in
 * the last stage, and not at all when any earlier stage fails or when `check` is set. */
export async function generate(config: LedgerspecConfig, options: { check?: boolean } = {}): Promise<GenerateResult> {
  const timings: StageTiming[] = [];
  const stage = <T>(name: string, run: () => T): T => timed(timings, name, run);
  // A run killed mid-switch is finished before anything is read (mapping files included), so
  // this run plans against a tree that is whole. --check writes nothing, so it does not.
  const recovered = options.check ? 'nothing' : recoverSwitch(switchFolders(config), switchFolders(config));
  const sources = stage('load', () => frontStages.load(config));
  const bundled = stage('bundle', () => frontStages.bundle(sources));
  // Without the house rules, the keywords that would break compilation are still checked (an
  // unknown format is then a warning, and ignored); the warnings of either are printed.
  const checks = config.houseRules ? stage('lint', () => frontStages.lint(sources)) : stage('check keywords', () => [...schemaKeywordProblems(sources, { unknownFormat: 'warning' }), ...unguardedRefCycles(sources)]);
  failOn(checks);
  const normalized = stage('normalize', () => frontStages.normalize(bundled));
  const document = stage('examples', () => frontStages.examples(normalized));
  const ir = stage('ir', () => frontStages.ir(document));
  failOn(stage('plan', () => planNames(ir, sources.root.path)));
  // Before emit: it needs only the IR, and a mapping that does not parse stops the run (nothing
  // written, --check included) without waiting for the slow stages.
  const merge = stage('merge mappings', () => mergeConnectorMappings(ir, config.connectorsDir));
  failOn(merge.diagnostics);
  const emitted = await timed(timings, 'emit', () => emitAll(ir));
  const files = await timed(timings, 'format', () => formatFiles(emitted, dirname(config.outDir)));
  // generated/docs/ is `ledgerspec docs`' build artefact (git-ignored): not ours to remove or check.
  const changes = stage('compare', () => planChanges(config.outDir, files).filter((c) => !(c.change === 'removed' && c.path.startsWith('docs/'))));
  if (!options.check) stage('write', () => writeAll(config, files, changes, merge.updates));
  const warnings = [...checks.filter((d) => d.severity === 'warning'), ...merge.diagnostics];
  return { changes, files, timings, mappings: merge.updates, warnings, wrote: !options.check, recovered };
}

/** Merged mappings (people's files: they are only ever rewritten with their merged text) and
 * generated/, as one switch: all or nothing, even when the process is killed (see switchIn). */
function writeAll(config: LedgerspecConfig, files: GeneratedFile[], changes: FileChange[], mappings: MappingUpdate[]): void {
  const merged = mappings.flatMap((m) => (m.contents === undefined ? [] : [{ path: m.path, contents: m.contents }]));
  switchIn(config.outDir, [
    { dir: config.connectorsDir, files: merged, changes: merged.map((m) => ({ path: m.path, change: 'changed' as const })) },
    { dir: config.outDir, files, changes },
  ]);
}

/** Where a switch of generate writes (its journal lives in the first). */
function switchFolders(config: LedgerspecConfig): string[] {
  return [config.outDir, config.connectorsDir];
}

async function emitAll(ir: SpecIR): Promise<GeneratedFile[]> {
  const outputs = await Promise.all(EMITTERS.map((emit) => emit(ir)));
  return outputs.flat().sort((a, b) => byCodeUnit(a.path, b.path));
}

function failOn(diagnostics: Diagnostic[]): void {
  if (hasErrors(diagnostics)) throw new DiagnosticError(diagnostics);
}

/** Runs one stage and records how long it took (a promise is timed until it settles). */
function timed<T>(timings: StageTiming[], stage: string, run: () => T): T {
  const start = performance.now();
  const record = () => timings.push({ stage, ms: performance.now() - start });
  let result: T;
  try {
    result = run();
  } catch (error) {
    record();
    throw error;
  }
  if (result instanceof Promise) return result.finally(record) as T;
  record();
  return result;
}

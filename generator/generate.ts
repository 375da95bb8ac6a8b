import { performance } from 'node:perf_hooks';
import { DiagnosticError, hasErrors, type Diagnostic } from './diagnostics.ts';
import type { LedgerspecConfig } from './config.ts';
import type { GeneratedFile, SpecIR } from './ir/model.ts';
import {
  listFiles,
  planChanges,
  recoverSwitch,
  switchIn,
  type FileChange,
  type KnownOnDisk,
} from './pipeline/write.ts';
import type { MappingUpdate } from './shared/mapping-update.ts';
import type { EmitContext, Emitter } from './emit/index.ts';
import { memoIn } from './cache/memo.ts';
import { cachedSpecChecks } from './pipeline/checks-cache.ts';
import { byCodeUnit } from './source/compare.ts';
import { CacheStore, hashOf } from './cache/store.ts';
import { readInputs, runKey } from './cache/fingerprint.ts';
import { localPath, portablePath } from './cache/portable-paths.ts';
import { recordedRun, saveRun, trustedOutput } from './cache/run-record.ts';

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
  /** True when nothing had changed since a recorded run: the output folder was checked against
   * the record instead of running the pipeline. */
  cached: boolean;
}

export interface GenerateOptions {
  check?: boolean;
  /** Told the name of each stage as it starts (the CLI shows it at a terminal). */
  onStage?: (stage: string) => void;
}

/** The pipeline. Everything is computed in memory first; the output folder is touched only in
 * the last stage, and not at all when any earlier stage fails or when `check` is set. */
export async function generate(config: LedgerspecConfig, options: GenerateOptions = {}): Promise<GenerateResult> {
  const timings: StageTiming[] = [];
  const stage = <T>(name: string, run: () => T): T => {
    options.onStage?.(name);
    return timed(timings, name, run);
  };
  // A run killed mid-switch is finished before anything is read (mapping files included), so
  // this run plans against a tree that is whole. --check writes nothing, so it does not.
  const recovered = options.check ? 'nothing' : recoverSwitch(switchFolders(config), switchFolders(config));
  const cache = config.cacheDir === undefined ? undefined : new CacheStore(config.cacheDir);
  const inputs = cache && stage('fingerprint', () => readInputs(config));
  const unchanged = cache && inputs && stage('cache', () => upToDate(cache, runKey(config, inputs), config));
  if (unchanged) return { ...unchanged, timings, wrote: !options.check, recovered, cached: true };
  const stages = await stage('start', () => import('./pipeline/stages.ts'));
  const { frontStages, planNames, formatFiles, selectedEmitters, mergeConnectorMappings, specChecks } = stages;
  const sources = stage('load', () => frontStages.load(config));
  const bundled = stage('bundle', () => frontStages.bundle(sources));
  // Without the house rules, the keywords that would break compilation are still checked (an
  // unknown format is then a warning, and ignored); the warnings of either are printed.
  const memo = memoIn(cache);
  const checks = stage(config.houseRules ? 'lint' : 'check keywords', () =>
    cachedSpecChecks(memo, config, inputs, () => specChecks(sources, config.houseRules, memo)),
  );
  failOn(checks);
  const normalized = stage('normalize', () => frontStages.normalize(bundled));
  const document = stage('examples', () => frontStages.examples(normalized));
  const ir = stage('ir', () => frontStages.ir(document));
  const planned = stage('plan', () => planNames(ir, sources));
  failOn(planned.diagnostics);
  // Before emit: it needs only the IR, and a mapping that does not parse stops the run (nothing
  // written, --check included) without waiting for the slow stages.
  const merge = await stage('merge mappings', () => mergeConnectorMappings(ir, config.connectorsDir, memo));
  failOn(merge.diagnostics);
  // A schema Ajv refuses to compile (for the validators) is the input's fault: a diagnostic at it.
  const emitted = await stage('emit', () =>
    emitAll(selectedEmitters(config.emitters), ir, { memo, names: planned.plan }),
  ).catch((error: unknown) => {
    throw stages.asCompileProblems(error, document, sources);
  });
  const files = await stage('format', () => formatFiles(emitted, cache));
  const hashed = outputHasher();
  const changes = stage('compare', () => outputChanges(config, files, cache, hashed));
  if (!options.check) stage('write', () => writeAll(config, files, changes, merge.updates));
  const warnings = [...checks.filter((d) => d.severity === 'warning'), ...merge.diagnostics];
  if (cache && inputs)
    stage('record', () =>
      recordRun(cache, config, inputs, {
        files,
        hashed,
        changes,
        mappings: merge.updates,
        warnings,
        wrote: !options.check,
      }),
    );
  return {
    changes,
    files,
    timings,
    mappings: merge.updates,
    warnings,
    wrote: !options.check,
    recovered,
    cached: false,
  };
}

/** generated/docs/ is `ledgerspec docs`' build artefact (git-ignored): not ours to remove or check. */
const isDocs = (path: string) => path.startsWith('docs/');

function outputChanges(
  config: LedgerspecConfig,
  files: GeneratedFile[],
  cache: CacheStore | undefined,
  hashed: Hasher,
): FileChange[] {
  const known = cache && knownOnDisk(cache, config, hashed);
  return planChanges(config.outDir, files, known).filter((c) => !(c.change === 'removed' && isDocs(c.path)));
}

type Hasher = (path: string, contents: string) => string;

/** Each output file's hash, computed once: the compare stage and the run record both need it. */
function outputHasher(): Hasher {
  const hashes = new Map<string, string>();
  return (path, contents) => {
    let hash = hashes.get(path);
    if (hash === undefined) hashes.set(path, (hash = hashOf(contents)));
    return hash;
  };
}

/** Whether an output file on disk holds what this run made, told by hash for the files the last
 * recorded run wrote and nobody touched since (trustedOutput); the others are read. */
function knownOnDisk(cache: CacheStore, config: LedgerspecConfig, hashed: Hasher): KnownOnDisk {
  const recorded = trustedOutput(cache, config.outDir);
  return (path, contents) => {
    const hash = recorded.get(path);
    return hash === undefined ? undefined : hash === hashed(path, contents);
  };
}

/** The recorded run of `key`, when the output folder holds exactly its files (recorded contents,
 * nothing more): nothing to do. */
function upToDate(
  cache: CacheStore,
  key: string,
  config: LedgerspecConfig,
): Pick<GenerateResult, 'changes' | 'files' | 'mappings' | 'warnings'> | undefined {
  const recorded = recordedRun(cache, key, config.outDir);
  if (!recorded) return undefined;
  const onDisk = listFiles(config.outDir).filter((path) => !isDocs(path));
  if (onDisk.length !== recorded.files.length || onDisk.some((path, i) => path !== recorded.files[i]!.path))
    return undefined;
  const warnings = recorded.record.warnings.map((w) => ({ ...w, file: localPath(config, w.file) }));
  return { changes: [], files: recorded.files, mappings: recorded.record.mappings, warnings };
}

/** Records a run whose output is now on disk (written, or found up to date by --check) and whose
 * mappings were already in step (a run that merges some is followed by one that finds them so), under
 * the key of the inputs it started from. Kept only when the inputs read again now are exactly those:
 * nothing was edited while it ran. */
function recordRun(
  cache: CacheStore,
  config: LedgerspecConfig,
  before: Map<string, string>,
  run: {
    files: GeneratedFile[];
    hashed: Hasher;
    changes: FileChange[];
    mappings: MappingUpdate[];
    warnings: Diagnostic[];
    wrote: boolean;
  },
): void {
  if (run.mappings.some((m) => m.contents !== undefined) || (!run.wrote && run.changes.length > 0)) return;
  if (!sameInputs(before, readInputs(config))) return;
  // Warnings keep portable paths, as the key does: a copy of the project replays them as its own.
  const warnings = run.warnings.map((w) => ({ ...w, file: portablePath(config, w.file) }));
  const hashes = run.files.map(({ path, contents }) => ({ path, hash: run.hashed(path, contents) }));
  saveRun(cache, runKey(config, before), config.outDir, hashes, run.mappings, warnings);
}

function sameInputs(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...a].every(([file, hash]) => b.get(file) === hash);
}

/** Merged mappings (people's files: they are only ever rewritten with their merged text) and
 * generated/, as one switch: all or nothing, even when the process is killed (see switchIn). */
function writeAll(
  config: LedgerspecConfig,
  files: GeneratedFile[],
  changes: FileChange[],
  mappings: MappingUpdate[],
): void {
  const merged = mappings.flatMap((m) => (m.contents === undefined ? [] : [{ path: m.path, contents: m.contents }]));
  switchIn(config.outDir, [
    {
      dir: config.connectorsDir,
      files: merged,
      changes: merged.map((m) => ({ path: m.path, change: 'changed' as const })),
    },
    { dir: config.outDir, files, changes },
  ]);
}

/** Where a switch of generate writes (its journal lives in the first). */
function switchFolders(config: LedgerspecConfig): string[] {
  return [config.outDir, config.connectorsDir];
}

async function emitAll(emitters: readonly Emitter[], ir: SpecIR, context: EmitContext): Promise<GeneratedFile[]> {
  const outputs = await Promise.all(emitters.map((emit) => emit(ir, context)));
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

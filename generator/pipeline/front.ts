import { DiagnosticError, hasErrors, type Diagnostic } from '../diagnostics.ts';
import { parseCacheIn } from '../cache/parse-cache.ts';
import type { LedgerspecConfig } from '../config.ts';
import { buildIR } from '../ir/build-ir.ts';
import type { SpecIR } from '../ir/model.ts';
import { LINT_RULES, lintSpec } from '../lint/index.ts';
import { NO_MEMO, type Memo } from '../cache/memo.ts';
import { unguardedRefCycles } from '../lint/ref-cycles.ts';
import { schemaKeywordProblems } from '../lint/schema-keywords.ts';
import { loadSpecSources, type SpecSources } from '../source/spec-sources.ts';
import { nullableIn31 } from '../validation/openapi30-keywords.ts';
import type { JsonObject } from '../source/schema-walk.ts';
import { bundleSpec } from './bundle.ts';
import { deriveExamples } from './derive-examples.ts';
import { deriveWriteSchemas } from './derive-write-schemas.ts';
import { normalizeDocument, sortKeys } from './normalize.ts';

/** The stages before emitting, each a plain function with typed input and output. */
export const frontStages = {
  /** With a cache folder, each file's parse is kept by its text (cache/parse-cache.ts). */
  load: (config: Pick<LedgerspecConfig, 'specDir' | 'rootFile' | 'cacheDir'>): SpecSources =>
    loadSpecSources(config.specDir, config.rootFile, parseCacheIn(config.cacheDir)),
  bundle: (sources: SpecSources): JsonObject => bundleSpec(sources),
  /** Project rules; a spec without our layout (no entities) only gets the rules that apply. */
  lint: (sources: SpecSources, memo: Memo = NO_MEMO): Diagnostic[] => lintSpec(sources, LINT_RULES, memo),
  normalize: (bundled: JsonObject): JsonObject => normalizeDocument(deriveWriteSchemas(bundled)),
  /** Examples for every body and response the spec leaves without one. Apart from normalize so
   * that `diff` compares what people wrote, not what the generator derives from it. */
  examples: (normalized: JsonObject): JsonObject => sortKeys(deriveExamples(normalized)) as JsonObject,
  ir: (document: JsonObject): SpecIR => buildIR(document),
};

/** The checks a spec must pass: the house rules, or without them (a third-party spec) only the
 * keywords that would break compilation (an unknown format is then a warning, and ignored). Either
 * way, 3.0's `nullable` in a 3.1 document is a warning (normalize reads it as 3.0 does). */
export function specChecks(sources: SpecSources, houseRules = true, memo: Memo = NO_MEMO): Diagnostic[] {
  if (houseRules) return [...frontStages.lint(sources, memo), ...nullableIn31(sources)];
  return [
    ...schemaKeywordProblems(sources, { unknownFormat: 'warning' }),
    ...unguardedRefCycles(sources),
    ...nullableIn31(sources),
  ];
}

/** Spec folder → IR, failing with every diagnostic when the spec is broken. */
export function compileSpec(
  config: Pick<LedgerspecConfig, 'specDir' | 'rootFile' | 'cacheDir'> & Partial<Pick<LedgerspecConfig, 'houseRules'>>,
): SpecIR {
  const sources = frontStages.load(config);
  const bundled = frontStages.bundle(sources);
  const problems = specChecks(sources, config.houseRules);
  if (hasErrors(problems)) throw new DiagnosticError(problems);
  return frontStages.ir(frontStages.examples(frontStages.normalize(bundled)));
}

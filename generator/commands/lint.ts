import { relative } from 'node:path';
import { DiagnosticError, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import type { LedgerspecConfig } from '../config.ts';
import { lintSpec } from '../lint/index.ts';
import { parseCacheIn } from '../cache/parse-cache.ts';
import { loadSpecSources, type SpecSources } from '../source/spec-sources.ts';
import { bundleSpec } from '../pipeline/bundle.ts';
import { withoutEchoes } from '../lint/index.ts';
import { toOutput, type Out } from './output.ts';
import { printDiagnostics } from './report.ts';

export interface LintOptions {
  format: 'text' | 'json' | 'github' | 'sarif';
}

/** Runs the project's rules over the spec; returns the exit code (1 on any error, 2 when a spec
 * file cannot be read at all). */
export function runLint(config: LedgerspecConfig, options: LintOptions, sink: Out): number {
  const out = toOutput(sink, options.format);
  let diagnostics: Diagnostic[];
  try {
    const sources = loadSpecSources(config.specDir, config.rootFile, parseCacheIn(config.cacheDir));
    diagnostics = sortDiagnostics(withoutEchoes([...refProblems(sources), ...lintSpec(sources)]));
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    diagnostics = error.diagnostics;
  }
  printDiagnostics(
    diagnostics.map((d) => ({ ...d, file: relative(process.cwd(), d.file) || d.file })),
    out,
    'ledgerspec lint: no problems',
  );
  return diagnostics.some((d) => d.code === 'input-unreadable') ? 2 : hasErrors(diagnostics) ? 1 : 0;
}

/** The `$ref`s that lead nowhere or cannot be decoded, as generate reports them (bundling is
 * where refs are followed). */
function refProblems(sources: SpecSources): Diagnostic[] {
  try {
    bundleSpec(sources);
    return [];
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    return error.diagnostics;
  }
}

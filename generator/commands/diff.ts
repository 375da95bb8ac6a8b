import { relative } from 'node:path';
import type { LedgerspecConfig } from '../config.ts';
import { DiagnosticError, formatDiagnostic } from '../diagnostics.ts';
import { AcknowledgementError } from '../diff/acknowledgements.ts';
import { prependToChangelog } from '../diff/changelog.ts';
import { diffSpecs, type ResolvedSpec } from '../diff/engine.ts';
import { jsonReport, markdownEntry, textReport, unaccepted } from '../diff/report.ts';
import { DiffInputError, openSpecFolder, type SpecFolder } from '../diff/sides.ts';
import { frontStages } from '../pipeline/front.ts';

export interface DiffCommandOptions {
  format: 'text' | 'json' | 'markdown';
  allowBreaking?: boolean;
  /** Prepend the markdown entry to this file. */
  changelog?: string;
  release?: string;
  date?: string;
}

/** `ledgerspec diff [base] [head]`: each side a spec folder or a git ref (default: HEAD against
 * the working tree's spec folder). Returns the exit code: 1 when breaking changes are not
 * accepted, 2 when a side cannot be read, else 0. */
export function runDiff(config: LedgerspecConfig, sides: { base?: string; head?: string }, options: DiffCommandOptions, out: (line: string) => void): number {
  const opened: SpecFolder[] = [];
  const open = (arg: string) => {
    const folder = openSpecFolder(arg, config.specDir);
    opened.push(folder);
    return resolveSide(folder, config.rootFile);
  };
  try {
    const base = open(sides.base ?? 'HEAD');
    const head = open(sides.head ?? (relative(process.cwd(), config.specDir) || '.'));
    const result = diffSpecs(base, head, { allowBreaking: Boolean(options.allowBreaking) });
    const entry = markdownEntry(result, { ...(options.release ? { release: options.release } : {}), ...(options.date ? { date: options.date } : {}) });
    if (options.format === 'json') out(jsonReport(result));
    else if (options.format === 'markdown') out(entry.trimEnd());
    else textReport(result).forEach((line) => out(line));
    if (options.changelog) {
      prependToChangelog(options.changelog, entry);
      if (options.format === 'text') out(`Prepended the entry to ${options.changelog}.`);
    }
    return unaccepted(result).length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof DiffInputError || error instanceof AcknowledgementError) {
      out(`ledgerspec diff: ${error.message}`);
      return 2;
    }
    if (error instanceof SideError) {
      out(`ledgerspec diff: cannot read the spec of ${error.label}:`);
      for (const d of error.diagnostics) out(`  ${formatDiagnostic(d)}`);
      return 2;
    }
    throw error;
  } finally {
    for (const folder of opened) folder.dispose();
  }
}

class SideError extends Error {
  constructor(readonly label: string, readonly diagnostics: DiagnosticError['diagnostics']) {
    super(`cannot read ${label}`);
  }
}

/** The front stages up to a normalized bundle — without the derived examples: the diff compares
 * what people wrote. No linting: a spec that breaks a house rule can
 * still be compared. Diagnostics name files relative to the side's spec folder (a git ref's
 * temporary folder means nothing to the reader). */
function resolveSide(folder: SpecFolder, rootFile: string): ResolvedSpec {
  try {
    const sources = frontStages.load({ specDir: folder.dir, rootFile });
    return { label: folder.label, sources, document: frontStages.normalize(frontStages.bundle(sources)) };
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    throw new SideError(folder.label, error.diagnostics.map((d) => ({ ...d, file: relative(folder.dir, d.file) || d.file })));
  }
}

import { join, relative } from 'node:path';
import type { LedgerspecConfig } from '../config.ts';
import { DiagnosticError, formatDiagnostic } from '../diagnostics.ts';
import { AcknowledgementError } from '../diff/acknowledgements.ts';
import { prependToChangelog } from '../diff/changelog.ts';
import { diffSpecs, type ResolvedSpec } from '../diff/engine.ts';
import { jsonReport, markdownEntry, textReport, unaccepted } from '../diff/report.ts';
import { DiffInputError, openSpecFolder, type SpecFolder } from '../diff/sides.ts';
import type { Change, DiffResult } from '../diff/model.ts';
import { frontStages } from '../pipeline/front.ts';
import type { Finding } from './findings.ts';
import { toOutput, type Out, type Output } from './output.ts';
import { printFindings } from './report.ts';

export interface DiffCommandOptions {
  format: 'text' | 'json' | 'markdown' | 'github' | 'sarif';
  allowBreaking?: boolean;
  /** Prepend the markdown entry to this file. */
  changelog?: string;
  release?: string;
  date?: string;
}

/** `ledgerspec diff [base] [head]`: each side a spec folder or a git ref (default: HEAD against
 * the working tree's spec folder). Returns the exit code: 1 when breaking changes are not
 * accepted, 2 when a side cannot be read, else 0. */
export function runDiff(
  config: LedgerspecConfig,
  sides: { base?: string; head?: string },
  options: DiffCommandOptions,
  sink: Out,
): number {
  const out = toOutput(sink, options.format);
  const opened: SpecFolder[] = [];
  const open = (arg: string) => {
    const folder = openSpecFolder(arg, config.specDir);
    opened.push(folder);
    return resolveSide(folder, config);
  };
  try {
    const base = open(sides.base ?? 'HEAD');
    const head = open(sides.head ?? (relative(process.cwd(), config.specDir) || '.'));
    const result = diffSpecs(base, head, { allowBreaking: Boolean(options.allowBreaking) });
    const entry = markdownEntry(result, {
      ...(options.release ? { release: options.release } : {}),
      ...(options.date ? { date: options.date } : {}),
    });
    if (options.format === 'json') out.result(jsonReport(result));
    else if (options.format === 'markdown') out.result(entry.trimEnd());
    else if (options.format === 'github' || options.format === 'sarif')
      printFindings(out, findingsOf(result, headFileDir(opened[1], config.specDir)));
    else printText(result, out);
    if (options.changelog) {
      prependToChangelog(options.changelog, entry);
      if (options.format === 'text') out.info(`Prepended the entry to ${options.changelog}.`);
    }
    return unaccepted(result).length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof DiffInputError || error instanceof AcknowledgementError) {
      out.problem(`ledgerspec diff: ${error.message}`);
      return 2;
    }
    if (error instanceof SideError) {
      out.problem(`ledgerspec diff: cannot read the spec of ${error.label}:`);
      for (const d of error.diagnostics) out.problem(`  ${formatDiagnostic(d)}`);
      return 2;
    }
    throw error;
  } finally {
    for (const folder of opened) folder.dispose();
  }
}

class SideError extends Error {
  constructor(
    readonly label: string,
    readonly diagnostics: DiagnosticError['diagnostics'],
  ) {
    super(`cannot read ${label}`);
  }
}

/** The front stages up to a normalized bundle — without the derived examples: the diff compares
 * what people wrote. No linting: a spec that breaks a house rule can
 * still be compared. Diagnostics name files relative to the side's spec folder (a git ref's
 * temporary folder means nothing to the reader). */
function resolveSide(folder: SpecFolder, config: Pick<LedgerspecConfig, 'rootFile' | 'cacheDir'>): ResolvedSpec {
  try {
    const sources = frontStages.load({ specDir: folder.dir, rootFile: config.rootFile, cacheDir: config.cacheDir });
    return { label: folder.label, sources, document: frontStages.normalize(frontStages.bundle(sources)) };
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    throw new SideError(
      folder.label,
      error.diagnostics.map((d) => ({ ...d, file: relative(folder.dir, d.file) || d.file })),
    );
  }
}

/** The report is what was asked for (stdout); its last line, the verdict, goes with the problems
 * (stderr) when breaking changes are not accepted, like every other command's failure summary. */
function printText(result: DiffResult, out: Output): void {
  const lines = textReport(result);
  const verdict = lines.pop() as string;
  for (const line of lines) out.result(line);
  if (unaccepted(result).length) out.problem(verdict);
  else out.result(verdict);
}

/** Where the head side's source files are, for annotations on the working tree: the head folder
 * when it is one, else (a git ref) the configured spec folder, which holds the same paths. */
function headFileDir(head: SpecFolder | undefined, specDir: string): string {
  return head && !head.temporary ? head.dir : specDir;
}

/** Breaking changes not accepted are errors, potentially breaking ones warnings, the rest notes.
 * Only head-side changes get a location: what was removed has no line in the new files. */
function findingsOf(result: DiffResult, headDir: string): Finding[] {
  return result.changes.map((c: Change): Finding => {
    const level =
      c.level === 'breaking' && !c.accepted ? 'error' : c.level === 'non-breaking' || c.accepted ? 'note' : 'warning';
    const at =
      c.source && c.side === 'base'
        ? ` (was at ${c.source.file}${c.source.line ? `:${c.source.line}` : ''} in ${result.base.label})`
        : '';
    const location =
      c.source && c.side === 'head'
        ? {
            file: relative(process.cwd(), join(headDir, c.source.file)),
            ...(c.source.line ? { line: c.source.line } : {}),
          }
        : {};
    return {
      ruleId: c.id,
      level,
      message: `${c.message} at ${c.pointer || '/'}${at}${c.accepted ? ` (accepted: ${c.accepted.reason})` : ''}`,
      ...location,
    };
  });
}

import { relative } from 'node:path';
import { DiagnosticError, type Diagnostic } from '../diagnostics.ts';
import { packageVersion } from '../version.ts';
import { formatFindings, type Finding, type MachineFormat } from './findings.ts';
import { toOutput, type Out, type Output } from './output.ts';

const MAX_SHOWN = 20;

/** One screen for a failed run: the first diagnostics (file:line, code, pointer, message) and
 * how many more there are; exit code 1, or 2 when an input could not be read at all. In a machine
 * format, the whole list as that document instead. Anything that is not a diagnostic is a bug:
 * rethrown (the CLI reports it as an internal error). */
export function printFailure(error: unknown, sink: Out): number {
  if (!(error instanceof DiagnosticError)) throw error;
  const out = toOutput(sink);
  const all = error.diagnostics.map((d) => ({ ...d, file: relative(process.cwd(), d.file) || d.file }));
  if (out.format !== 'text') printDiagnostics(all, out);
  else {
    for (const d of all.slice(0, MAX_SHOWN)) out.diagnostic(d);
    const more = all.length - Math.min(all.length, MAX_SHOWN);
    out.problem(`${all.length} problem(s)${more > 0 ? ` (${more} more not shown)` : ''}; nothing was written.`);
  }
  return error.diagnostics.some((d) => d.code === 'input-unreadable') ? 2 : 1;
}

/** Diagnostics in the Output's format: text lines with code frames and a one-line summary, a JSON
 * document `{ diagnostics }`, GitHub annotations or a SARIF log. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], out: Output, okSummary = 'no problems'): void {
  if (out.format === 'json') return out.result(JSON.stringify({ diagnostics }, null, 2));
  if (out.format === 'github' || out.format === 'sarif') return printFindings(out, diagnostics.map(diagnosticFinding));
  for (const d of diagnostics) out.diagnostic(d);
  if (diagnostics.length === 0) out.info(okSummary);
  else out.problem(`${diagnostics.length} problem(s) in ${new Set(diagnostics.map((d) => d.file)).size} file(s)`);
}

/** Findings as GitHub annotations or a SARIF log, on stdout. */
export function printFindings(out: Output, findings: readonly Finding[]): void {
  for (const line of formatFindings(out.format as MachineFormat, findings, {
    name: 'ledgerspec',
    version: packageVersion(),
  }))
    out.result(line);
}

export function diagnosticFinding(d: Diagnostic): Finding {
  return {
    ruleId: d.code,
    level: d.severity,
    message: `at ${d.pointer || '/'}: ${d.message}`,
    file: d.file,
    ...(d.line ? { line: d.line } : {}),
    ...(d.column ? { column: d.column } : {}),
  };
}

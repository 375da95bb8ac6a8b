import { relative } from 'node:path';
import { DiagnosticError, formatDiagnostic } from '../diagnostics.ts';

const MAX_SHOWN = 20;

/** One screen for a failed run: the first diagnostics (file:line, code, pointer, message) and
 * how many more there are; exit code 1, or 2 when an input could not be read at all. Anything
 * that is not a diagnostic is a bug: rethrown (the CLI reports it as an internal error). */
export function printFailure(error: unknown, out: (line: string) => void): number {
  if (!(error instanceof DiagnosticError)) throw error;
  const shown = error.diagnostics.slice(0, MAX_SHOWN);
  for (const d of shown) out(formatDiagnostic({ ...d, file: relative(process.cwd(), d.file) || d.file }));
  const more = error.diagnostics.length - shown.length;
  out(`${error.diagnostics.length} problem(s)${more > 0 ? ` (${more} more not shown)` : ''}; nothing was written.`);
  return error.diagnostics.some((d) => d.code === 'input-unreadable') ? 2 : 1;
}

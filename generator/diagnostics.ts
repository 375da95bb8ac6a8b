/** Diagnostics as data: every stage reports problems in this one shape, so the CLI, tests and
 * later the generator's lint stage all print and assert the same thing. */
import { byCodeUnit } from './source/compare.ts';
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable rule or error code, e.g. `property-description`, `yaml-syntax`. */
  code: string;
  severity: Severity;
  message: string;
  /** Path of the file the problem is in, relative to the working directory where possible. */
  file: string;
  /** JSON pointer into that file's document ('' for the whole document). */
  pointer: string;
  /** 1-based line in the file, when the source position is known. */
  line?: number;
  /** 1-based column on that line, when the source position is that precise. */
  column?: number;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line ? `${d.file}:${d.line}${d.column ? `:${d.column}` : ''}` : d.file;
  return `${where} ${d.severity} [${d.code}] at ${d.pointer || '/'}: ${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Orders diagnostics by file, then line, then pointer, so output is stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => byCodeUnit(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || byCodeUnit(a.pointer, b.pointer),
  );
}

/** Thrown when input cannot be used at all; carries the diagnostics that explain why. */
export class DiagnosticError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'DiagnosticError';
  }
}

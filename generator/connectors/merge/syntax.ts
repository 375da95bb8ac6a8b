import ts from 'typescript';
import type { SyntaxProblem } from '../../shared/read-utf8.ts';

/**
 * Parses a mapping file. The TypeScript parser never gives up: on a syntax error it still builds a
 * tree, with nodes invented to fill the gaps, and edits at those positions land in the wrong place
 * (`,,`, duplicate entries). So a file with any syntax error is refused, not merged.
 */
export function parseMapping(text: string): { file: ts.SourceFile } | { syntax: SyntaxProblem } {
  const file = ts.createSourceFile('/mapping.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const [first] = syntaxErrors(file);
  if (!first) return { file };
  const { line, character } = file.getLineAndCharacterOfPosition(first.start ?? 0);
  return {
    syntax: { line: line + 1, column: character + 1, message: ts.flattenDiagnosticMessageText(first.messageText, ' ') },
  };
}

/** The parser's diagnostics. Every TypeScript release keeps them on the source file
 * (`parseDiagnostics`, what `getSyntacticDiagnostics` returns), but not in its public typings; a
 * one-file program (no lib, no imports) gives the same through the public API, at 2–3 times the
 * cost of the parse over a connector's mappings, and is the fallback should a release drop it. */
function syntaxErrors(file: ts.SourceFile): readonly ts.Diagnostic[] {
  const { parseDiagnostics } = file as ts.SourceFile & { parseDiagnostics?: unknown };
  if (Array.isArray(parseDiagnostics)) return parseDiagnostics as ts.Diagnostic[];
  const options: ts.CompilerOptions = { noLib: true, noResolve: true, types: [] };
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (name) => (name === file.fileName ? file : undefined);
  return ts.createProgram([file.fileName], options, host).getSyntacticDiagnostics(file);
}

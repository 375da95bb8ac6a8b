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

/** The parser's diagnostics through the public API: a one-file program that resolves and loads
 * nothing else (no lib, no imports), so it costs no more than the parse itself. */
function syntaxErrors(file: ts.SourceFile): readonly ts.Diagnostic[] {
  const options: ts.CompilerOptions = { noLib: true, noResolve: true, types: [] };
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (name) => (name === file.fileName ? file : undefined);
  return ts.createProgram([file.fileName], options, host).getSyntacticDiagnostics(file);
}

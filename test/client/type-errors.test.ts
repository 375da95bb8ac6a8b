import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const FILE = fileURLToPath(new URL('./types.test.ts', import.meta.url));
const DIRECTIVE = /\/\/ @ts-expect-error `([^`]+)`/;

/** Each `@ts-expect-error \`name\` …` in types.test.ts, with the directive taken out. */
function expectations(source: string): { line: number; name: string }[] {
  return source.split('\n').flatMap((text, line) => {
    const match = DIRECTIVE.exec(text);
    return match ? [{ line: line + 1, name: match[1] as string }] : [];
  });
}

function diagnosticsWithoutDirectives(source: string): ts.Diagnostic[] {
  const stripped = source.replaceAll('@ts-expect-error', 'expected error:');
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true, noEmit: true, skipLibCheck: true, types: [],
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (file) => (file === FILE ? stripped : read(file));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language) => (file === FILE ? ts.createSourceFile(file, stripped, language) : getSourceFile(file, language));
  const program = ts.createProgram([FILE], options, host);
  return ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === FILE);
}

describe('the client rejects at compile time what the spec does not allow', () => {
  const source = readFileSync(FILE, 'utf8');
  const cases = expectations(source);
  const diagnostics = diagnosticsWithoutDirectives(source);
  const byLine = (line: number) =>
    diagnostics.filter((d) => d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line === line).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));

  it('finds the expectations', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases)('line $line: an error that names `$name`', ({ line, name }) => {
    const messages = byLine(line);
    expect(messages.length, `no error on line ${line + 1}`).toBeGreaterThan(0);
    expect(messages.join('\n')).toContain(name);
  });

  it('has no other errors', () => {
    const expectedLines = new Set(cases.map((c) => c.line));
    const others = diagnostics.filter((d) => !expectedLines.has(d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line));
    expect(others.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });
});

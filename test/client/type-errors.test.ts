import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileVirtual } from '../helpers/compile.ts';

const FILE = fileURLToPath(new URL('./types.test.ts', import.meta.url));
const DIRECTIVE = /\/\/ @ts-expect-error `([^`]+)`/;

/** Each `@ts-expect-error \`name\` …` in types.test.ts, with the directive taken out. */
function expectations(source: string): { line: number; name: string }[] {
  return source.split('\n').flatMap((text, line) => {
    const match = DIRECTIVE.exec(text);
    return match ? [{ line: line + 1, name: match[1] as string }] : [];
  });
}

/** tsc's diagnostics for types.test.ts as it would be without its directives. */
function diagnosticsWithoutDirectives(source: string) {
  return compileVirtual(new Map([[FILE, source.replaceAll('@ts-expect-error', 'expected error:')]]));
}

describe('the client rejects at compile time what the spec does not allow', () => {
  const source = readFileSync(FILE, 'utf8');
  const cases = expectations(source);
  const diagnostics = diagnosticsWithoutDirectives(source);
  const byLine = (line: number) => diagnostics.filter((d) => d.line === line).map((d) => d.message);

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
    expect(diagnostics.filter((d) => !expectedLines.has(d.line)).map((d) => d.message)).toEqual([]);
  });
});

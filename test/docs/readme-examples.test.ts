import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every ```ts block of the README is compiled as its own module at the project root, with
// `ledgerspec/<x>` resolved to generated/<x> (what the package exports build from), so the
// examples can't drift from the generated API.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(new URL('README.md', `file://${ROOT}`), 'utf8');
const blocks = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => ({ index: i + 1, code: `${m[1]}\nexport {};\n` }));

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ['node'],
  baseUrl: ROOT,
  paths: { 'ledgerspec/*': ['generated/*/index.ts'] },
};

function diagnostics(files: Map<string, string>): string[] {
  const host = ts.createCompilerHost(options);
  const { readFile, getSourceFile, fileExists } = host;
  host.fileExists = (f) => files.has(f) || fileExists.call(host, f);
  host.readFile = (f) => files.get(f) ?? readFile.call(host, f);
  host.getSourceFile = (f, lang) => (files.has(f) ? ts.createSourceFile(f, files.get(f)!, lang) : getSourceFile.call(host, f, lang));
  const program = ts.createProgram([...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).filter((d) => d.file && files.has(d.file.fileName)).map((d) => {
    const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
    return `${d.file!.fileName.slice(ROOT.length)}:${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

describe('README examples', () => {
  it('has client examples', () => {
    expect(blocks.some((b) => b.code.includes("from 'ledgerspec/client'"))).toBe(true);
  });

  it('type-check against the generated code', () => {
    const files = new Map(blocks.map((b) => [`${ROOT}readme-example-${b.index}.mts`, b.code]));
    expect(diagnostics(files)).toEqual([]);
  });

  it('would catch a wrong example', () => {
    const wrong = "import { createClient } from 'ledgerspec/client';\ncreateClient({ baseUrl: 'x', apiKey: 'k' }).accounting.invoices.list({ company_id: 'c', filter: { memo: { eq: 'x' } } });\n";
    expect(diagnostics(new Map([[`${ROOT}readme-wrong.mts`, wrong]]))).toHaveLength(1);
  });
});

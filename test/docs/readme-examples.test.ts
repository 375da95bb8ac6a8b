import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileVirtual } from '../helpers/compile.ts';

// Every ```ts block of the README is compiled as its own module at the project root, with
// `ledgerspec/<x>` resolved to generated/<x> (what the package exports build from), so the
// examples can't drift from the generated API.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(new URL('README.md', `file://${ROOT}`), 'utf8');
const blocks = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => ({
  index: i + 1,
  code: `${m[1]}\nexport {};\n`,
}));

/** Problems in the given examples, as `file:line: message`. */
function diagnostics(files: Map<string, string>): string[] {
  const options = { types: ['node'], baseUrl: ROOT, paths: { 'ledgerspec/*': ['generated/*/index.ts'] } };
  return compileVirtual(files, options).map(
    (d) => `${d.file.slice(ROOT.length)}:${d.line + 1}: ${d.message.replace(/\n/g, ' ')}`,
  );
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
    const wrong =
      "import { createClient } from 'ledgerspec/client';\ncreateClient({ baseUrl: 'x', apiKey: 'k' }).accounting.invoices.list({ company_id: 'c', filter: { memo: { eq: 'x' } } });\n";
    expect(diagnostics(new Map([[`${ROOT}readme-wrong.mts`, wrong]]))).toHaveLength(1);
  });
});

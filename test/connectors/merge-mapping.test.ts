import { describe, expect, it } from 'vitest';
import type { EntityMappingFacts } from '../../generator/shared/mapped-fields.ts';
import { mergeMapping, REMOVED_FLAG } from '../../generator/connectors/merge-mapping.ts';
import { todoEntry } from '../../generator/connectors/skeleton.ts';

const facts = (read: string[], write?: string[]): EntityMappingFacts => ({
  entity: 'invoices',
  title: 'Invoice',
  omittedFields: [],
  readFields: read.map((name) => ({ name, description: `About ${name}.` })),
  ...(write
    ? { write: { model: 'InvoiceCreate', fields: write.map((name) => ({ name, description: `About ${name}.` })) } }
    : {}),
});

const file = (rules: string, extra = '') =>
  `import { mapRead, notSupported } from '../x.js';\n\nexport const read = mapRead<'invoices', Raw>({\n${rules}});\n${extra}`;

describe('mergeMapping', () => {
  it('inserts a field the spec lists first at the top, and one after the last entry without a trailing comma, keeping that style', () => {
    const merged = mergeMapping(file('  b: (raw) => raw.b,\n  c: (raw) => raw.c\n'), facts(['a', 'b', 'c', 'd']));
    expect(merged.added).toEqual(['read.a', 'read.d']);
    expect(merged.text).toBe(
      `import { mapRead, notSupported, todo } from '../x.js';\n\nexport const read = mapRead<'invoices', Raw>({\n  a: todo('About a.'),\n  b: (raw) => raw.b,\n  c: (raw) => raw.c,\n  d: todo('About d.')\n});\n`,
    );
  });

  it('keeps a same-line comment with its entry and puts the new entry on the next line', () => {
    const merged = mergeMapping(
      file('  a: (raw) => raw.a, // the platform calls it A\n  c: 1 as never,\n'),
      facts(['a', 'b', 'c']),
    );
    expect(merged.text).toContain(
      "  a: (raw) => raw.a, // the platform calls it A\n  b: todo('About b.'),\n  c: 1 as never,\n",
    );
  });

  it('flags a removed entry once, and takes the flag off when the field comes back', () => {
    const original = file("  a: (raw) => raw.a,\n  /** kept docs */\n  gone: notSupported('never had it'),\n");
    const flagged = mergeMapping(original, facts(['a']));
    expect(flagged.flagged).toEqual(['read.gone']);
    expect(flagged.text).toContain(`  ${REMOVED_FLAG}: "gone" is not a field any more.`);
    expect(flagged.text).toMatch(/here\.\n {2}\/\*\* kept docs \*\/\n {2}gone: notSupported/);
    expect(mergeMapping(flagged.text, facts(['a'])).text).toBe(flagged.text);
    const back = mergeMapping(flagged.text, facts(['a', 'gone']));
    expect(back.text).toBe(original);
    expect(back.flagged).toEqual([]);
  });

  it('merges the write rules too, and leaves a file without mapRead alone with a reason', () => {
    const text = file(
      '  a: (raw) => raw.a,\n',
      "\nexport const write = mapWrite<'invoices', Req>({\n  a: (a) => ({ A: a }),\n});\n",
    );
    expect(mergeMapping(text, facts(['a'], ['a', 'b'])).added).toEqual(['write.b']);
    const odd = 'export const read = somethingElse({});\n';
    expect(mergeMapping(odd, facts(['a']))).toMatchObject({
      text: odd,
      problem: { line: 1, message: expect.stringContaining('mapRead') },
    });
  });

  it('writes descriptions as escaped string literals and odd field names as quoted keys', () => {
    const hostile = 'it\'s */ `${process.exit(1)}` "quoted" \\ end';
    const entry = todoEntry({ name: 'odd-name', description: hostile });
    expect(entry.startsWith('"odd-name": todo(')).toBe(true);
    const literal = entry.slice('"odd-name": todo('.length, -1);
    expect(Function(`return ${literal}`)()).toBe(hostile);
  });
});

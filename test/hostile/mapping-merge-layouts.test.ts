import { describe, expect, it } from 'vitest';
import type { EntityMappingFacts } from '../../generator/shared/mapped-fields.ts';
import { mergeMapping } from '../../generator/connectors/merge-mapping.ts';
import { entryKey } from '../../generator/connectors/merge/entry-keys.ts';
import { findRules } from '../../generator/connectors/merge/rules-object.ts';
import { parseMapping } from '../../generator/connectors/merge/syntax.ts';

// The hostile corpus (mapping-merge.test.ts) pins exact outputs for the known failures; this
// sweeps the ways people lay out a rules object — one per line, one line, the first rule on the
// `{` line, rules that continue onto the next line, two per line; trailing comma or not; comments
// or not; LF or CRLF — against spec changes, and checks what must hold whatever the layout.

const SPEC = ['a', 'b', 'c', 'd', 'e'];
const facts = (read: string[]): EntityMappingFacts => ({
  entity: 'invoices',
  title: 'Invoice',
  omittedFields: [],
  readFields: read.map((name) => ({ name, description: `About ${name}.` })),
});

type Layout = 'lines' | 'one-line' | 'brace-line' | 'continued' | 'pairs';
type Comments = 'none' | 'trailing' | 'before';

/** A rule whose value has what fooled the old line-based merge: commas, braces, a line break
 * inside a template literal. */
const rule = (name: string, index: number) =>
  index % 2 ? `${name}: () => \`${name}, {\n}\`` : `${name}: (raw: Raw) => raw.${name}`;

function rulesText(names: string[], layout: Layout, trailingComma: boolean, comments: Comments): string {
  const entries = names.map((name, i) => (comments === 'before' ? `/* ${name}, */ ` : '') + rule(name, i));
  const comma = (i: number) => (i < entries.length - 1 || trailingComma ? ',' : '');
  // A `//` comment only where a line ends, or it would swallow what follows.
  const lineEnd = (i: number) => (comments === 'trailing' ? ` // ${names[i]}` : '');
  if (layout === 'one-line') return `{ ${entries.map((e, i) => e + comma(i)).join(' ')} }`;
  if (layout === 'pairs')
    return `{\n${entries.map((e, i) => (i % 2 || i === entries.length - 1 ? `${i % 2 ? ' ' : '  '}${e}${comma(i)}${lineEnd(i)}\n` : `  ${e}${comma(i)}`)).join('')}}`;
  const lines = entries.map(
    (e, i) => (layout === 'continued' ? e.replace(/=> /, '=>\n    ') : e) + comma(i) + lineEnd(i),
  );
  if (layout === 'brace-line' && lines.length) return `{ ${lines.join('\n  ')}\n}`;
  return `{\n${lines.map((l) => `  ${l}\n`).join('')}}`;
}

const mappingFile = (rules: string, eol: string) =>
  [
    "import { mapRead, notSupported } from './runtime.js';",
    '',
    'interface Raw {',
    '  [field: string]: string;',
    '}',
    '',
    `export const read = mapRead<'invoices', Raw>(${rules});`,
    '',
  ]
    .join('\n')
    .replace(/\n/g, eol);

/** The field names of the read rules, in order. */
function keysOf(text: string): string[] {
  const parsed = parseMapping(text);
  if ('syntax' in parsed) throw new Error(`does not parse: ${parsed.syntax.message}`);
  const lookup = findRules(parsed.file, 'read');
  if (!('rules' in lookup)) throw new Error('no read rules');
  return lookup.rules.properties.map((p) => {
    const key = entryKey(p, parsed.file);
    return 'field' in key ? key.field : '?';
  });
}

function keepsEveryCharacter(original: string, text: string): boolean {
  let at = 0;
  for (const char of text) if (at < original.length && char === original[at]) at++;
  return at === original.length;
}

const PRESENT = [[], ['c'], ['a', 'e'], ['b', 'd'], ['a', 'b', 'c', 'd', 'e'], ['a', 'c', 'gone'], ['gone']];
const LAYOUTS: Layout[] = ['lines', 'one-line', 'brace-line', 'continued', 'pairs'];

/** Every combination of layout, trailing comma, comments and line ending; which rules are there
 * rotates through PRESENT, so each layout meets each set of rules. */
const cases = LAYOUTS.flatMap((layout) =>
  [true, false].flatMap((trailingComma) =>
    (['none', 'trailing', 'before'] as Comments[]).flatMap((comments) =>
      ['\n', '\r\n'].map((eol) => ({ layout, trailingComma, comments, eol })),
    ),
  ),
).map((c, i) => ({ ...c, present: PRESENT[i % PRESENT.length]! }));

describe('mapping merge across rules-object layouts', () => {
  it.each(
    cases.map(
      (c) =>
        [
          `${c.layout}, ${c.trailingComma ? 'trailing comma' : 'no trailing comma'}, comments ${c.comments}, ${c.eol === '\n' ? 'LF' : 'CRLF'}, rules for ${c.present.join(' ') || 'nothing'}`,
          c,
        ] as const,
    ),
  )('%s', (_name, c) => {
    const input = mappingFile(rulesText(c.present, c.layout, c.trailingComma, c.comments), c.eol);
    expect(keysOf(input)).toEqual(c.present);
    const merged = mergeMapping(input, facts(SPEC));
    const keys = keysOf(merged.text);
    // Every field once, new ones in spec order around the ones that were there (which are in spec order).
    expect(keys).toEqual([...SPEC, ...c.present.filter((k) => k === 'gone')]);
    expect(keepsEveryCharacter(input, merged.text)).toBe(true);
    if (c.eol === '\r\n') expect(merged.text).not.toMatch(/[^\r]\n/);
    expect(merged.flagged).toEqual(c.present.includes('gone') ? ['read.gone'] : []);
    expect(mergeMapping(merged.text, facts(SPEC)).text).toBe(merged.text);
    if (c.present.includes('gone'))
      expect(mergeMapping(merged.text, facts([...SPEC, 'gone'])).text).toBe(
        mergeMapping(input, facts([...SPEC, 'gone'])).text,
      );
  });
});

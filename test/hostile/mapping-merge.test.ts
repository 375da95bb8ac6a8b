import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { EntityMappingFacts } from '../../generator/shared/mapped-fields.ts';
import { mergeMapping, type MappingMerge } from '../../generator/connectors/merge-mapping.ts';
import { parseMapping } from '../../generator/connectors/merge/syntax.ts';
import { readUtf8 } from '../../generator/shared/read-utf8.ts';
import { compileVirtual } from '../helpers/compile.ts';

// Hand-written mapping files in the shapes that corrupted them before the merge went through the
// syntax tree (issue #18), each with the exact text the merge must produce. Every case also
// checks the promises that hold for any input: the result parses, type-checks when the input
// did, keeps every original character in order, and a second merge changes nothing.

const about = (name: string) => ({ name, description: `About ${name}.` });
const facts = (read: string[], write?: string[]): EntityMappingFacts => ({
  entity: 'invoices',
  title: 'Invoice',
  omittedFields: [],
  readFields: read.map(about),
  ...(write ? { write: { model: 'InvoiceCreate', fields: write.map(about) } } : {}),
});

const IMPORT = "import { mapRead, mapWrite, notSupported } from './runtime.js';";
const IMPORT_TODO = "import { mapRead, mapWrite, notSupported, todo } from './runtime.js';";
const RAW = 'interface Raw {\n  [field: string]: string;\n}';
/** A mapping file: the usual import and raw type, then `body`. */
const mapping = (body: string[], importLine = IMPORT) => [importLine, '', RAW, '', ...body, ''].join('\n');
const flag = (name: string) =>
  `ledgerspec: removed from the spec: "${name}" is not a field any more. Move what you still need and delete this entry; until then the type check fails here.`;

interface Case {
  name: string;
  input: string;
  facts: EntityMappingFacts;
  /** The merged text; undefined when the file must stay exactly as it is. */
  output?: string;
  expect?: Partial<MappingMerge>;
}

const CASES: Case[] = [
  {
    name: 'one-line rules object: new entries go inside the braces, spec order kept',
    input: mapping(["export const read = mapRead<'invoices', Raw>({ a: (raw) => raw.a, c: (raw) => raw.c });"]),
    facts: facts(['a', 'b', 'c', 'd']),
    output: mapping(
      [
        "export const read = mapRead<'invoices', Raw>({ a: (raw) => raw.a, b: todo('About b.'), c: (raw) => raw.c, d: todo('About d.') });",
      ],
      IMPORT_TODO,
    ),
    expect: { added: ['read.b', 'read.d'] },
  },
  {
    name: 'one-line rules object with a trailing comma keeps it',
    input: mapping(["export const read = mapRead<'invoices', Raw>({ a: (raw) => raw.a, });"]),
    facts: facts(['a', 'b']),
    output: mapping(
      ["export const read = mapRead<'invoices', Raw>({ a: (raw) => raw.a, b: todo('About b.'), });"],
      IMPORT_TODO,
    ),
  },
  {
    name: 'empty one-line rules object',
    input: mapping(["export const read = mapRead<'invoices', Raw>({});"]),
    facts: facts(['a', 'b']),
    output: mapping(
      ["export const read = mapRead<'invoices', Raw>({ a: todo('About a.'), b: todo('About b.') });"],
      IMPORT_TODO,
    ),
  },
  {
    name: 'empty multi-line rules object',
    input: mapping(["export const read = mapRead<'invoices', Raw>({", '});']),
    facts: facts(['a']),
    output: mapping(["export const read = mapRead<'invoices', Raw>({", "  a: todo('About a.'),", '});'], IMPORT_TODO),
  },
  {
    name: 'a first rule on the line of `{` that continues onto the next line',
    input: mapping([
      "export const read = mapRead<'invoices', Raw>({ b: (raw) =>",
      '    raw.b,',
      '  c: (raw) => raw.c,',
      '});',
    ]),
    facts: facts(['a', 'b', 'c']),
    output: mapping(
      [
        "export const read = mapRead<'invoices', Raw>({ a: todo('About a.'), b: (raw) =>",
        '    raw.b,',
        '  c: (raw) => raw.c,',
        '});',
      ],
      IMPORT_TODO,
    ),
  },
  {
    name: 'a rule that continues onto the next line with the next rule after its comma',
    input: mapping([
      "export const read = mapRead<'invoices', Raw>({",
      '  b: (raw) =>',
      '    raw.b, d: (raw) => raw.d,',
      '});',
    ]),
    facts: facts(['a', 'b', 'c', 'd']),
    output: mapping(
      [
        "export const read = mapRead<'invoices', Raw>({",
        "  a: todo('About a.'),",
        '  b: (raw) =>',
        "    raw.b, c: todo('About c.'), d: (raw) => raw.d,",
        '});',
      ],
      IMPORT_TODO,
    ),
  },
  {
    name: 'a rule followed on its line by one whose multi-line template literal has commas and braces',
    input: mapping([
      "export const read = mapRead<'invoices', Raw>({",
      '  a: (raw) => raw.a, b: () => `line one, {',
      'line two },`,',
      '  d: (raw) => raw.d,',
      '});',
    ]),
    facts: facts(['a', 'ab', 'b', 'c', 'd']),
    output: mapping(
      [
        "export const read = mapRead<'invoices', Raw>({",
        "  a: (raw) => raw.a, ab: todo('About ab.'), b: () => `line one, {",
        'line two },`,',
        "  c: todo('About c.'),",
        '  d: (raw) => raw.d,',
        '});',
      ],
      IMPORT_TODO,
    ),
  },
  {
    name: 'a helper built with mapRead/mapWrite above read and write receives nothing',
    input: mapping([
      "const helper = mapRead<'invoices', Raw>({",
      '  a: (raw) => raw.a,',
      '});',
      "const writeHelper = mapWrite<'invoices', Raw>({ a: (a) => a });",
      '',
      "export const read = mapRead<'invoices', Raw>({",
      '  a: (raw) => raw.a,',
      '});',
      '',
      "export const write = mapWrite<'invoices', Raw>({ a: (a) => a });",
      'export const helpers = [helper, writeHelper];',
    ]),
    facts: facts(['a', 'b'], ['a', 'c']),
    output: mapping(
      [
        "const helper = mapRead<'invoices', Raw>({",
        '  a: (raw) => raw.a,',
        '});',
        "const writeHelper = mapWrite<'invoices', Raw>({ a: (a) => a });",
        '',
        "export const read = mapRead<'invoices', Raw>({",
        '  a: (raw) => raw.a,',
        "  b: todo('About b.'),",
        '});',
        '',
        "export const write = mapWrite<'invoices', Raw>({ a: (a) => a, c: todo('About c.') });",
        'export const helpers = [helper, writeHelper];',
      ],
      IMPORT_TODO,
    ),
    expect: { added: ['read.b', 'write.c'] },
  },
  {
    name: "a syntax error: the file is left byte for byte, with the parser's line, column and message",
    input: mapping([
      "export const read = mapRead<'invoices', Raw>({",
      '  a: (raw) => raw.a',
      '  b: (raw) => raw.b,',
      '});',
    ]),
    facts: facts(['a', 'b', 'c', 'd', 'e']),
    expect: { added: [], flagged: [], syntax: { line: 9, column: 3, message: "',' expected." } },
  },
  {
    name: 'an unterminated template literal is a syntax error too',
    input: mapping(["export const read = mapRead<'invoices', Raw>({", '  a: () => `open,', '});']),
    facts: facts(['a', 'b']),
    expect: { syntax: { line: 10, column: 1, message: 'Unterminated template literal.' } },
  },
  {
    name: 'a spread: nothing added blindly, the missing fields named with the line; a literal key for a gone field still flagged',
    input: mapping([
      'const common = { a: (raw: Raw) => raw.a };',
      "export const read = mapRead<'invoices', Raw>({",
      '  ...common,',
      '  gone: (raw) => raw.gone,',
      '});',
    ]),
    facts: facts(['a', 'b']),
    output: mapping([
      'const common = { a: (raw: Raw) => raw.a };',
      "export const read = mapRead<'invoices', Raw>({",
      '  ...common,',
      `  // ${flag('gone')}`,
      '  gone: (raw) => raw.gone,',
      '});',
    ]),
    expect: {
      added: [],
      flagged: ['read.gone'],
      byHand: [
        {
          line: 9,
          message:
            "read: ledgerspec cannot tell which fields the spread `...common` covers, so it added nothing here; if the rules do not map a, b, add by hand: a: todo('About a.'), b: todo('About b.')",
        },
      ],
    },
  },
  {
    name: 'computed string-literal keys count as present and are never flagged',
    input: mapping([
      "export const read = mapRead<'invoices', Raw>({",
      "  ['a']: (raw) => raw.a,",
      '  [`b`]: (raw) => raw.b,',
      "  'c': (raw) => raw.c,",
      '  1e3: () => 1,',
      '});',
    ]),
    facts: facts(['a', 'b', 'c', '1000']),
  },
  {
    name: 'a computed key that is not a literal: nothing added, told what to add',
    input: mapping([
      "const KEY = 'a';",
      "export const read = mapRead<'invoices', Raw>({",
      '  [KEY]: (raw) => raw.a,',
      '});',
    ]),
    facts: facts(['a', 'b']),
    expect: {
      byHand: [{ line: 9, message: expect.stringContaining('the computed key `[KEY]` covers') as unknown as string }],
    },
  },
  {
    name: 'CRLF line endings: new lines and flags end in CRLF too',
    input: mapping([
      "export const read = mapRead<'invoices', Raw>({",
      '  a: (raw) => raw.a,',
      '  gone: (raw) => raw.gone',
      '});',
    ]).replace(/\n/g, '\r\n'),
    facts: facts(['a', 'b']),
    output: mapping(
      [
        "export const read = mapRead<'invoices', Raw>({",
        '  a: (raw) => raw.a,',
        "  b: todo('About b.'),",
        `  // ${flag('gone')}`,
        '  gone: (raw) => raw.gone',
        '});',
      ],
      IMPORT_TODO,
    ).replace(/\n/g, '\r\n'),
  },
  {
    name: 'a field named __proto__ becomes an own key (computed), and a computed one counts as present',
    input: mapping(["export const read = mapRead<'invoices', Raw>({", '  a: (raw) => raw.a,', '});']),
    facts: facts(['a', '__proto__']),
    output: mapping(
      [
        "export const read = mapRead<'invoices', Raw>({",
        '  a: (raw) => raw.a,',
        "  ['__proto__']: todo('About __proto__.'),",
        '});',
      ],
      IMPORT_TODO,
    ),
  },
  {
    name: 'comments between entries stay with their entries',
    input: mapping([
      "export const read = mapRead<'invoices', Raw>({ // rules",
      '  // about a',
      '  a: (raw) => raw.a, // trailing, a',
      '  /* about c */ c: (raw) => raw.c, /* a block',
      '     that goes on */',
      '  /** docs of gone */',
      '  gone: (raw) => raw.gone,',
      '  // the end',
      '});',
    ]),
    facts: facts(['0', 'a', 'b', 'c', 'd']),
    output: mapping(
      [
        "export const read = mapRead<'invoices', Raw>({ // rules",
        '  "0": todo(\'About 0.\'),',
        '  // about a',
        '  a: (raw) => raw.a, // trailing, a',
        "  b: todo('About b.'),",
        '  /* about c */ c: (raw) => raw.c, /* a block',
        '     that goes on */',
        "  d: todo('About d.'),",
        `  // ${flag('gone')}`,
        '  /** docs of gone */',
        '  gone: (raw) => raw.gone,',
        '  // the end',
        '});',
      ],
      IMPORT_TODO,
    ),
  },
  {
    name: 'no trailing comma: the old last entry gets one, the new last entry none',
    input: mapping(["export const read = mapRead<'invoices', Raw>({", '  a: (raw) => raw.a // the A', '});']),
    facts: facts(['a', 'b', 'c']),
    output: mapping(
      [
        "export const read = mapRead<'invoices', Raw>({",
        '  a: (raw) => raw.a, // the A',
        "  b: todo('About b.'),",
        "  c: todo('About c.')",
        '});',
      ],
      IMPORT_TODO,
    ),
  },
  {
    name: 'nested objects in rules: their keys are not rules, and nothing goes inside them',
    input: mapping([
      "export const write = mapWrite<'invoices', Raw>({",
      '  a: (a) => ({ b: a, nested: { c: a } }),',
      '});',
      "export const read = mapRead<'invoices', Raw>({",
      '  a: (raw) => ({',
      '    b: raw.b,',
      '  }).b,',
      '});',
    ]),
    facts: facts(['a', 'b'], ['a', 'b']),
    output: mapping(
      [
        "export const write = mapWrite<'invoices', Raw>({",
        '  a: (a) => ({ b: a, nested: { c: a } }),',
        "  b: todo('About b.'),",
        '});',
        "export const read = mapRead<'invoices', Raw>({",
        '  a: (raw) => ({',
        '    b: raw.b,',
        '  }).b,',
        "  b: todo('About b.'),",
        '});',
      ],
      IMPORT_TODO,
    ),
  },
  {
    name: 'a one-line object flags a gone field inline and keeps the line one line',
    input: mapping(["export const read = mapRead<'invoices', Raw>({ a: (raw) => raw.a, gone: (raw) => raw.gone });"]),
    facts: facts(['a']),
    output: mapping([
      `export const read = mapRead<'invoices', Raw>({ a: (raw) => raw.a, /* ${flag('gone')} */ gone: (raw) => raw.gone });`,
    ]),
    expect: { flagged: ['read.gone'] },
  },
  {
    name: 'names of gone fields cannot end the flag comment they are quoted in (`*/`, U+2028)',
    input: mapping([
      "export const read = mapRead<'invoices', Raw>({ 'a*/b': () => 1,",
      "  'x\u2028y': () => 2,",
      '});',
    ]),
    facts: facts([]),
    output: mapping([
      `export const read = mapRead<'invoices', Raw>({ /* ${flag('a*\\/b')} */ 'a*/b': () => 1,`,
      `  // ${flag('x\\u2028y')}`,
      "  'x\u2028y': () => 2,",
      '});',
    ]),
    expect: { flagged: ['read.a*/b', 'read.x\u2028y'] },
  },
  {
    name: 'tab indentation is followed',
    input: mapping(["export const read = mapRead<'invoices', Raw>({", '\ta: (raw) => raw.a,', '});']),
    facts: facts(['a', 'b']),
    output: mapping(
      ["export const read = mapRead<'invoices', Raw>({", '\ta: (raw) => raw.a,', "\tb: todo('About b.'),", '});'],
      IMPORT_TODO,
    ),
  },
  {
    name: 'read wrapped in satisfies and parentheses, todo already imported under its name',
    input: mapping(
      ["export const read = (mapRead<'invoices', Raw>({ a: (raw) => raw.a })) satisfies object;"],
      "import { mapRead, mapWrite, notSupported, todo } from './runtime.js';",
    ),
    facts: facts(['a', 'b']),
    output: mapping(
      ["export const read = (mapRead<'invoices', Raw>({ a: (raw) => raw.a, b: todo('About b.') })) satisfies object;"],
      IMPORT_TODO,
    ),
  },
  {
    name: 'mapRead from a namespace import: entries added, the todo import left to the person',
    input: [
      "import * as runtime from './runtime.js';",
      "import { todo } from './todo-elsewhere.js';",
      '',
      "export const read = runtime.mapRead<'invoices', { a: string }>({",
      '  a: (raw) => raw.a,',
      '});',
      '',
    ].join('\n'),
    facts: facts(['a', 'b']),
    output: [
      "import * as runtime from './runtime.js';",
      "import { todo } from './todo-elsewhere.js';",
      '',
      "export const read = runtime.mapRead<'invoices', { a: string }>({",
      '  a: (raw) => raw.a,',
      "  b: todo('About b.'),",
      '});',
      '',
    ].join('\n'),
    expect: { byHand: [] },
  },
  {
    name: 'read built from a variable: not mergeable, left as it is, with the line',
    input: mapping([
      'const rules = { a: (raw: Raw) => raw.a };',
      "export const read = mapRead<'invoices', Raw>(rules);",
    ]),
    facts: facts(['a', 'b']),
    expect: {
      problem: {
        line: 8,
        message: '`read` is not `mapRead<…>({ … })` with the rules written out as an object literal',
      },
    },
  },
];

const RUNTIME = [
  'declare const marker: unique symbol;',
  'export interface Marker { [marker]: true }',
  'export type Rule<R> = Marker | ((value: R) => unknown);',
  'export declare function mapRead<E extends string, R>(rules: Record<string, Rule<R>>): Record<string, Rule<R>>;',
  'export declare function mapWrite<E extends string, R>(rules: Record<string, Rule<R>>): Record<string, Rule<R>>;',
  'export declare function todo(description: string): Marker;',
  'export declare function notSupported(reason: string): Marker;',
].join('\n');

/** Whether `text` keeps every character of `original`, in order. */
function keepsEveryCharacter(original: string, text: string): boolean {
  let at = 0;
  for (const char of text) if (at < original.length && char === original[at]) at++;
  return at === original.length;
}

const merged = new Map(CASES.map((c) => [c.name, mergeMapping(c.input, c.facts)]));

/** A virtual file beside this one: module resolution wants the folder to exist. */
const corpus = (name: string) => join(dirname(fileURLToPath(import.meta.url)), `${name}.ts`);

/** The type errors of every case's input and output, compiled in one program against RUNTIME. */
const typeErrors = (() => {
  const files = new Map<string, string>([
    [corpus('runtime'), RUNTIME],
    [corpus('todo-elsewhere'), "export { todo } from './runtime.js';"],
  ]);
  CASES.forEach((c, i) => {
    files.set(corpus(`in-${i}`), c.input);
    files.set(corpus(`out-${i}`), merged.get(c.name)!.text);
  });
  const errors = compileVirtual(files, {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  return (file: string) => errors.filter((e) => e.file === file).map((e) => `${e.line + 1}: ${e.message}`);
})();

describe('mapping merge on hostile hand-written files', () => {
  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, i) => {
    const result = merged.get(c.name)!;
    expect(result.text).toBe(c.output ?? c.input);
    if (c.expect) expect(result).toMatchObject(c.expect);
    expect(keepsEveryCharacter(c.input, result.text)).toBe(true);
    if (result.syntax) return;
    expect(parseMapping(result.text)).not.toHaveProperty('syntax');
    if (typeErrors(corpus(`in-${i}`)).length === 0) expect(typeErrors(corpus(`out-${i}`))).toEqual([]);
    expect(mergeMapping(result.text, c.facts).text).toBe(result.text);
  });

  it('every input but the broken ones type-checks, so the check above means something', () => {
    const broken = CASES.flatMap((c, i) => (typeErrors(corpus(`in-${i}`)).length ? [c.name] : []));
    expect(broken).toEqual(CASES.filter((c) => merged.get(c.name)!.syntax).map((c) => c.name));
  });

  it('makes __proto__ an own property of the rules at run time, the prototype untouched', () => {
    const text = merged.get(CASES.find((c) => c.name.includes('__proto__'))!.name)!.text;
    const js = ts.transpileModule(text, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const runtime = {
      mapRead: (rules: object) => rules,
      mapWrite: (rules: object) => rules,
      todo: (d: string) => `todo: ${d}`,
      notSupported: () => undefined,
    };
    const module = { exports: {} as { read: object } };
    Function('require', 'module', 'exports', js)(() => runtime, module, module.exports);
    expect(Object.getOwnPropertyDescriptor(module.exports.read, '__proto__')?.value).toBe('todo: About __proto__.');
    expect(Object.getPrototypeOf(module.exports.read)).toBe(Object.prototype);
  });

  it('takes its own flags back out exactly when fields return, inline and on their own lines', () => {
    for (const c of CASES.filter((k) => merged.get(k.name)!.flagged.length && !merged.get(k.name)!.byHand.length)) {
      const back = facts([...c.facts.readFields.map((f) => f.name), 'gone']);
      const restored = mergeMapping(merged.get(c.name)!.text, back).text;
      expect(restored).toBe(mergeMapping(c.input, back).text);
    }
  });

  it('refuses a file that is not UTF-8 with the line and column of the bad byte', () => {
    const bytes = Buffer.concat([
      Buffer.from('const a = 1;\nconst é = "'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('";\n'),
    ]);
    expect(readUtf8(bytes)).toMatchObject({
      syntax: { line: 2, column: 12, message: expect.stringContaining('byte 25 is not valid UTF-8') },
    });
    expect(readUtf8(Buffer.from('const a = "é";\n'))).toEqual({ text: 'const a = "é";\n' });
  });
});

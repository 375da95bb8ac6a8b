import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportInternalError, INTERNAL_ERROR_EXIT } from '../../generator/commands/internal-error.ts';
import { DiagnosticError, formatDiagnostic } from '../../generator/diagnostics.ts';
import { generate, type GenerateResult } from '../../generator/generate.ts';
import { typeCheckProject } from '../helpers/compile.ts';
import {
  fixtureConfig,
  GADGET,
  removeSpecFixtures,
  runCli,
  specFixture,
  STACK_FRAME,
  WIDGET,
  type SpecEdits,
} from './spec-fixture.ts';

// What generate makes of legal but unusual specs (issue #18): every $ref cycle that JSON Schema
// gives a meaning to generates types that pass `tsc --strict` and validators that terminate; a
// spec name such as __proto__ or constructor stays an own key; with --no-house-rules an unknown
// format is warned about and ignored. Specs it must refuse fail with located diagnostics and
// write nothing.

const schema = (stem: string, title: string, body: string) =>
  `$schema: https://json-schema.org/draft/2020-12/schema\n$id: https://schemas.ledgerspec.dev/common/${stem}.yaml\ntitle: ${title}\ndescription: A ${title}.\n${body}`;

/** One legal cycle per shape, each a schema of its own under schemas/common/. */
const CYCLES: SpecEdits = {
  'schemas/common/tree_node.yaml': schema(
    'tree_node',
    'TreeNode',
    "type: object\nproperties:\n  children:\n    type: array\n    description: Children.\n    items:\n      $ref: tree_node.yaml\n  parent:\n    description: Parent.\n    anyOf:\n      - $ref: tree_node.yaml\n      - type: 'null'\n",
  ),
  'schemas/common/ping.yaml': schema(
    'ping',
    'Ping',
    'type: object\nproperties:\n  pong:\n    $ref: pong.yaml\n    description: The pong.\n',
  ),
  'schemas/common/pong.yaml': schema(
    'pong',
    'Pong',
    'type: object\nproperties:\n  ping:\n    $ref: ping.yaml\n    description: The ping.\n',
  ),
  'schemas/common/chain.yaml': schema(
    'chain',
    'Chain',
    'allOf:\n  - $ref: link.yaml\n  - type: object\n    properties:\n      label:\n        type: string\n        description: Label.\n',
  ),
  'schemas/common/link.yaml': schema(
    'link',
    'Link',
    'type: object\nproperties:\n  next:\n    $ref: chain.yaml\n    description: Next.\n',
  ),
  'schemas/common/expr.yaml': schema('expr', 'Expr', 'oneOf:\n  - type: number\n  - $ref: sum.yaml\n'),
  'schemas/common/sum.yaml': schema(
    'sum',
    'Sum',
    'type: object\nrequired: [terms]\nproperties:\n  terms:\n    type: array\n    description: Terms.\n    items:\n      anyOf:\n        - $ref: expr.yaml\n        - $ref: sum.yaml\n',
  ),
  'schemas/common/nested_list.yaml': schema(
    'nested_list',
    'NestedList',
    'type: array\nitems:\n  anyOf:\n    - type: string\n    - $ref: nested_list.yaml\n',
  ),
};

/** Properties named after Object.prototype's members, and an unknown format (no house rules). */
const OWN_KEYS: SpecEdits = {
  [WIDGET]: (text) =>
    text.replace("  total:\n    type: [number, 'null']", () =>
      [
        "  constructor:\n    type: [string, 'null']\n    description: Who built it.",
        "  __proto__:\n    type: [string, 'null']\n    description: A hostile name.",
        "  toString:\n    type: [string, 'null']\n    format: colour\n    description: An unknown format.",
        "  total:\n    type: [number, 'null']",
      ].join('\n'),
    ),
  'paths/accounting/widgets.yaml': (text) =>
    text.replace(
      '            name:\n',
      () =>
        '            __proto__:\n              $ref: ../../openapi.yaml#/components/schemas/StringFilter\n              description: Conditions on __proto__.\n            name:\n',
    ),
};

let dir: string;
let result: GenerateResult;
beforeAll(async () => {
  dir = specFixture({ ...CYCLES, ...OWN_KEYS });
  result = await generate(fixtureConfig(dir, { houseRules: false }));
}, 180_000);
afterAll(removeSpecFixtures);

describe('generate on legal cycles and hostile names', () => {
  it('writes types and validators that pass tsc --strict', () => {
    expect(typeCheckProject(join(dir, 'out'), { strict: true })).toBe('');
  }, 180_000);

  it('types each cycle by name', () => {
    const type = (file: string) => readFileSync(join(dir, 'out/types', file), 'utf8');
    expect(type('nested_list.ts')).toContain('export type NestedList = (string | NestedList)[];');
    expect(type('expr.ts')).toContain('export type Expr = number | Sum;');
    expect(type('chain.ts')).toContain('export type Chain = Link & {');
  });

  const VALUES: { model: string; value: unknown; valid: boolean }[] = [
    {
      model: 'TreeNode',
      value: { children: [{ children: [{ children: [] }] }], parent: { parent: null } },
      valid: true,
    },
    { model: 'TreeNode', value: { children: [{ children: [{ children: 'x' }] }] }, valid: false },
    { model: 'Ping', value: { pong: { ping: { pong: { ping: {} } } } }, valid: true },
    { model: 'Chain', value: { label: 'a', next: { label: 'b', next: { label: 3 } } }, valid: false },
    { model: 'Expr', value: { terms: [1, { terms: [2, 3] }] }, valid: true },
    { model: 'Expr', value: { terms: [1, { terms: ['2'] }] }, valid: false },
    { model: 'NestedList', value: ['a', ['b', ['c', []]]], valid: true },
    { model: 'NestedList', value: ['a', ['b', [1]]], valid: false },
  ];
  for (const [i, c] of VALUES.entries()) {
    it(`validator terminates: ${c.model} #${i} is ${c.valid ? 'valid' : 'invalid'}`, async () => {
      const validators = (await import(pathToFileURL(join(dir, 'out/validators/standalone.js')).href)) as Record<
        string,
        (v: unknown) => boolean
      >;
      expect(validators[c.model]?.(c.value)).toBe(c.valid);
    });
  }

  it('keeps __proto__ an own key of the server metadata and the filter fields', async () => {
    const { ENTITIES } = (await import(pathToFileURL(join(dir, 'out/server/entities.ts')).href)) as {
      ENTITIES: Record<string, { fields: object }>;
    };
    const fields = ENTITIES.widgets?.fields as object;
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.hasOwn(fields, '__proto__')).toBe(true);
    expect(Object.hasOwn(fields, 'constructor')).toBe(true);
    expect(readFileSync(join(dir, 'out/server/routes.ts'), 'utf8')).toMatch(
      /\[(['"])__proto__\1\]: \{ eq: (['"])string\2 \}/,
    ); // the quote style is the formatter's choice
  });

  it('validates a property named constructor only when the value has it', async () => {
    const validators = (await import(pathToFileURL(join(dir, 'out/validators/standalone.js')).href)) as Record<
      string,
      (v: unknown) => boolean
    >;
    expect(validators.WidgetCreate?.({})).toBe(true);
    expect(validators.WidgetCreate?.({ constructor: 'Ada', toString: 'anything' })).toBe(true);
    expect(validators.WidgetCreate?.({ constructor: 7 })).toBe(false);
  });

  it('warns about the unknown format at its line, and ignores it', () => {
    expect(
      result.warnings.map((d) =>
        formatDiagnostic({ ...d, file: d.file.slice(dir.length + 1), message: d.message.slice(0, 60) }),
      ),
    ).toEqual([
      'spec/schemas/accounting/widget.yaml:60 warning [schema-format] at /properties/toString/format: unknown format "colour"; validators ignore it (known: date, ',
    ]);
  });
});

/** Specs generate must refuse: the diagnostics (file relative to the fixture, line, code,
 * pointer, start of the message); the output folder is never created. */
const REFUSED: { name: string; edits: SpecEdits; houseRules: boolean; diagnostics: string[] }[] = [
  {
    name: 'a cycle through allOf alone (TS2456 before)',
    houseRules: true,
    edits: {
      'schemas/common/alpha.yaml': schema('alpha', 'Alpha', 'allOf:\n  - $ref: beta.yaml\n  - type: object\n'),
      'schemas/common/beta.yaml': schema('beta', 'Beta', 'allOf:\n  - $ref: alpha.yaml\n  - type: object\n'),
    },
    diagnostics: [
      'spec/schemas/common/beta.yaml:6 error [ref-cycle] at /allOf/0/$ref: $ref cycle with no property or item in between: alpha.yaml → beta.yaml → alpha.yaml.',
    ],
  },
  {
    name: 'a schema that is anyOf itself, without the house rules',
    houseRules: false,
    edits: {
      'schemas/common/selfish.yaml': schema('selfish', 'Selfish', 'anyOf:\n  - $ref: selfish.yaml\n  - type: string\n'),
    },
    diagnostics: [
      'spec/schemas/common/selfish.yaml:6 error [ref-cycle] at /anyOf/0/$ref: $ref cycle with no property or item in between: selfish.yaml → selfish.yaml.',
    ],
  },
  {
    name: 'an invalid pattern, without the house rules (a crash in Ajv before)',
    houseRules: false,
    edits: { [GADGET]: (t) => t.replace('    type: string\n', () => "    type: string\n    pattern: '[z-a]'\n") },
    diagnostics: [
      'spec/schemas/accounting/gadget.yaml:11 error [schema-pattern] at /properties/platform_id/pattern: not a valid regular expression (ECMA-262, as JSON Schema requires): Invalid regular expression: /[z-a]/u: Range out of order in character class',
    ],
  },
  {
    name: 'a 0-byte openapi.yaml',
    houseRules: true,
    edits: { 'openapi.yaml': '' },
    diagnostics: [
      'spec/openapi.yaml:1 error [document-root] at /: expected a mapping (an OpenAPI document) at the root, found an empty document',
    ],
  },
];

describe('generate refuses, writing nothing', () => {
  for (const c of REFUSED) {
    it(
      c.name,
      async () => {
        const fixture = specFixture(c.edits);
        const error = await generate(fixtureConfig(fixture, { houseRules: c.houseRules })).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(DiagnosticError);
        const lines = (error as DiagnosticError).diagnostics.map((d) =>
          formatDiagnostic({ ...d, file: d.file.slice(fixture.length + 1) }),
        );
        expect(lines.map((l, i) => l.slice(0, c.diagnostics[i]?.length))).toEqual(c.diagnostics);
        expect(existsSync(join(fixture, 'out'))).toBe(false);
      },
      60_000,
    );
  }
});

/** The other commands that read the spec, through the CLI: exit code and first line, no trace. */
const COMMANDS: { name: string; edits: SpecEdits; args: string[]; exit: number; first: string }[] = [
  {
    name: 'generate on an empty openapi.yaml',
    edits: { 'openapi.yaml': '' },
    args: ['generate', '--out', 'out'],
    exit: 1,
    first:
      'spec/openapi.yaml:1 error [document-root] at /: expected a mapping (an OpenAPI document) at the root, found an empty document',
  },
  {
    name: 'generate --no-house-rules on a billion-laughs schema',
    edits: {
      [GADGET]: (t) =>
        `${t}x-bomb:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n`,
    },
    args: ['generate', '--no-house-rules', '--out', 'out'],
    exit: 1,
    first:
      'spec/schemas/accounting/gadget.yaml:21 error [yaml-aliases] at /: aliases expand to too many values (more than 100 per alias): write the values out, or use $ref',
  },
  {
    name: 'generate --check warns about a catastrophic pattern, at its line (and writes nothing)',
    edits: { [GADGET]: (t) => t.replace('    type: string\n', () => "    type: string\n    pattern: '^(g+-?)+1$'\n") },
    args: ['generate', '--check', '--out', 'out'],
    exit: 1,
    first:
      'spec/schemas/accounting/gadget.yaml:11 warning [pattern-backtracking] at /properties/platform_id/pattern: "^(g+-?)+1$" can backtrack catastrophically (nested or overlapping repetition): ledgerspec\'s validators match it in linear time, but other tools that read the spec may stall on it; write it without a repeated repetition',
  },
  {
    name: 'validate against a spec with a malformed $ref',
    edits: { [WIDGET]: (t) => t.replace('$ref: gadget.yaml', '$ref: gadget.yaml#/%ZZ') },
    args: ['validate', 'x.json', '--entity', 'widgets'],
    exit: 1,
    first:
      'spec/schemas/accounting/widget.yaml:45 error [dangling-ref] at /properties/gadget/properties/data/$ref: $ref "gadget.yaml#/%ZZ" cannot be followed: its percent-encoding is malformed (each % must start a valid UTF-8 escape such as %20)',
  },
];

describe('other commands on a hostile spec', () => {
  for (const c of COMMANDS) {
    it(
      c.name,
      () => {
        const fixture = specFixture(c.edits);
        const run = runCli(fixture, c.args);
        expect(run.stderr.split('\n')[0]).toBe(c.first);
        expect(run.status).toBe(c.exit);
        expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
        expect(existsSync(join(fixture, 'out'))).toBe(false);
      },
      60_000,
    );
  }
});

describe('a crash that still happens', () => {
  it('is one line with a short id, the details in a file, exit 70, no stack trace', () => {
    const printed: string[] = [];
    const error = new TypeError("Cannot read properties of null (reading 'paths')");
    const exit = reportInternalError(error, ['generate'], (line) => printed.push(line));
    expect(exit).toBe(INTERNAL_ERROR_EXIT);
    expect(printed[0]).toMatch(
      /^ledgerspec: internal error [0-9a-f]{8}: Cannot read properties of null \(reading 'paths'\) \(TypeError\)\. This is a bug in ledgerspec, not a problem you can fix in your input; nothing was written\.$/,
    );
    const file = /the file (\S+) \(it holds the details\)/.exec(printed[1] ?? '')?.[1] as string;
    expect(readFileSync(file, 'utf8')).toContain('TypeError: Cannot read properties of null');
    expect(printed.join('\n')).not.toMatch(STACK_FRAME);
    const again: string[] = [];
    reportInternalError(error, ['generate'], (line) => again.push(line));
    expect(again[0]).toBe(printed[0]);
  });
});

import { mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runLint } from '../../generator/commands/lint.ts';
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

// Broken and malicious spec files (issue #18): each is reported by `lint` with its file, line,
// pointer and message, with the expected exit code, and never with a stack trace. The first
// lines of the expected output are exact (paths relative to the fixture folder).

const billionLaughs = (): string => {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++)
    lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  return lines.map((l) => `  ${l}`).join('\n');
};
const deepFlow = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
/** A schema `levels` objects deep, each the only property of the one above. */
const nestedSchema = (levels: number): string => {
  const lines = [
    '$schema: https://json-schema.org/draft/2020-12/schema',
    '$id: https://schemas.ledgerspec.dev/common/deep.yaml',
    'title: Deep',
    'description: Deep.',
    'type: object',
    'properties:',
  ];
  let indent = '  ';
  for (let i = 0; i < levels; i++) {
    lines.push(
      `${indent}n${i}:`,
      `${indent}  type: object`,
      `${indent}  description: One level.`,
      `${indent}  properties:`,
    );
    indent += '    ';
  }
  lines.push(`${indent}leaf:`, `${indent}  type: string`, `${indent}  description: The bottom.`);
  return `${lines.join('\n')}\n`;
};
/** A line added under the gadget's `platform_id` property (line 11 of gadget.yaml). */
const onGadgetId = (line: string) => (text: string) =>
  text.replace('    type: string\n', () => `    type: string\n    ${line}\n`);

interface Case {
  name: string;
  edits: SpecEdits;
  exit: number;
  /** The diagnostics `lint` prints, in order (before the summary line). */
  output: string[];
  /** Also run through the CLI, to see the exit code and that no stack trace gets out. */
  cli?: boolean;
}

const CASES: Case[] = [
  {
    name: 'billion laughs: aliases that expand a billion times',
    cli: true,
    edits: { [GADGET]: (t) => `${t}x-bomb:\n${billionLaughs()}\n` },
    exit: 1,
    output: [
      'spec/schemas/accounting/gadget.yaml:21 error [yaml-aliases] at /: aliases expand to too many values (more than 100 per alias): write the values out, or use $ref',
    ],
  },
  {
    name: 'a 10,000-deep flow sequence',
    cli: true,
    edits: { [GADGET]: (t) => `${t}x-deep: ${deepFlow(10_000)}\n` },
    exit: 1,
    output: [
      `spec/schemas/accounting/gadget.yaml:19 error [yaml-depth] at /x-deep${'/0'.repeat(127)}: nested more than 128 levels deep (mappings and sequences); no spec needs that many`,
    ],
  },
  {
    name: 'a 1,000-deep block mapping',
    edits: {
      [GADGET]: (t) =>
        `${t}x-deep:\n${Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1\n`,
    },
    exit: 1,
    output: [
      `spec/schemas/accounting/gadget.yaml:147 error [yaml-depth] at /x-deep${'/a'.repeat(127)}: nested more than 128 levels deep (mappings and sequences); no spec needs that many`,
    ],
  },
  {
    name: 'a valid 300-level nested schema is refused at the level past the limit',
    edits: { 'schemas/common/deep.yaml': nestedSchema(300) },
    exit: 1,
    output: [
      `spec/schemas/common/deep.yaml:260 error [yaml-depth] at ${Array.from({ length: 64 }, (_, i) => `/properties/n${i}`).join('')}: nested more than 128 levels deep (mappings and sequences); no spec needs that many`,
    ],
  },
  {
    name: 'a spec file over the 10 MiB limit (a 10,000-deep indented mapping)',
    edits: {
      [GADGET]: (t) =>
        `${t}x-deep:\n${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1\n`,
    },
    exit: 2,
    output: [
      'spec/schemas/accounting/gadget.yaml error [input-unreadable] at /: cannot read file: 50035438 bytes, more than the 10485760 a spec file may have',
    ],
  },
  {
    name: 'a 0-byte openapi.yaml',
    cli: true,
    edits: { 'openapi.yaml': '' },
    exit: 1,
    output: [
      'spec/openapi.yaml:1 error [document-root] at /: expected a mapping (an OpenAPI document) at the root, found an empty document',
    ],
  },
  {
    name: 'openapi.yaml that is a sequence',
    edits: { 'openapi.yaml': '- openapi: 3.1.1\n' },
    exit: 1,
    output: [
      'spec/openapi.yaml:1 error [document-root] at /: expected a mapping (an OpenAPI document) at the root, found a sequence',
    ],
  },
  {
    name: 'openapi.yaml that is a lone string',
    edits: { 'openapi.yaml': 'hello\n' },
    exit: 1,
    output: [
      'spec/openapi.yaml:1 error [document-root] at /: expected a mapping (an OpenAPI document) at the root, found a string ("hello")',
    ],
  },
  {
    name: 'a schema file that is only a comment',
    edits: { [GADGET]: '# nothing here\n' },
    exit: 1,
    output: [
      'spec/schemas/accounting/gadget.yaml:1 error [document-root] at /: expected a mapping (a JSON Schema) at the root, found an empty document',
    ],
  },
  {
    name: 'a path file that is a number',
    edits: { 'paths/accounting/widgets.yaml': '42\n' },
    exit: 1,
    output: [
      'spec/paths/accounting/widgets.yaml:1 error [document-root] at /: expected a mapping (path items) at the root, found a number (42)',
    ],
  },
  {
    name: 'a $ref with malformed percent-encoding',
    cli: true,
    edits: { [WIDGET]: (t) => t.replace('$ref: gadget.yaml', '$ref: gadget.yaml#/%E0%A4%A') },
    exit: 1,
    output: [
      'spec/schemas/accounting/widget.yaml:45 error [dangling-ref] at /properties/gadget/properties/data/$ref: $ref "gadget.yaml#/%E0%A4%A" cannot be followed: its percent-encoding is malformed (each % must start a valid UTF-8 escape such as %20)',
    ],
  },
  {
    name: 'a $ref file name with a lone %',
    edits: { [WIDGET]: (t) => t.replace('$ref: gadget.yaml', "$ref: '100%.yaml'") },
    exit: 1,
    output: [
      'spec/schemas/accounting/widget.yaml:45 error [dangling-ref] at /properties/gadget/properties/data/$ref: $ref "100%.yaml" cannot be followed: its percent-encoding is malformed (each % must start a valid UTF-8 escape such as %20)',
    ],
  },
  {
    name: 'a $ref to an anchor',
    edits: { [WIDGET]: (t) => t.replace('$ref: gadget.yaml', '$ref: gadget.yaml#thing') },
    exit: 1,
    output: [
      'spec/schemas/accounting/widget.yaml:45 error [dangling-ref] at /properties/gadget/properties/data/$ref: $ref "gadget.yaml#thing" cannot be followed: its fragment is not a JSON pointer (anchors such as #name are not followed: write #/…)',
    ],
  },
  {
    name: "a $ref to Object.prototype's constructor (an inherited key, not the file's)",
    edits: { [WIDGET]: (t) => t.replace('$ref: gadget.yaml', "$ref: 'gadget.yaml#/constructor'") },
    exit: 1,
    output: [
      'spec/schemas/accounting/widget.yaml:45 error [dangling-ref] at /properties/gadget/properties/data/$ref: $ref "gadget.yaml#/constructor" leads to no file or value in the spec',
    ],
  },
  {
    name: 'a $ref to a property named toString that does not exist',
    edits: { [WIDGET]: (t) => t.replace('$ref: gadget.yaml', "$ref: 'gadget.yaml#/properties/toString'") },
    exit: 1,
    output: [
      'spec/schemas/accounting/widget.yaml:45 error [dangling-ref] at /properties/gadget/properties/data/$ref: $ref "gadget.yaml#/properties/toString" leads to no file or value in the spec',
    ],
  },
  {
    name: 'a $ref to __proto__',
    edits: { [WIDGET]: (t) => t.replace('$ref: gadget.yaml', "$ref: 'gadget.yaml#/__proto__'") },
    exit: 1,
    output: [
      'spec/schemas/accounting/widget.yaml:45 error [dangling-ref] at /properties/gadget/properties/data/$ref: $ref "gadget.yaml#/__proto__" leads to no file or value in the spec',
    ],
  },
  {
    name: 'an invalid regular expression in one schema',
    cli: true,
    edits: { [GADGET]: onGadgetId("pattern: '^(a'") },
    exit: 1,
    output: [
      'spec/schemas/accounting/gadget.yaml:11 error [schema-pattern] at /properties/platform_id/pattern: not a valid regular expression (ECMA-262, as JSON Schema requires): Invalid regular expression: /^(a/u: Unterminated group',
    ],
  },
  {
    name: 'a lookahead, which no linear-time engine runs',
    edits: { [GADGET]: onGadgetId("pattern: '^(?!x)'") },
    exit: 1,
    output: [
      'spec/schemas/accounting/gadget.yaml:11 error [schema-pattern] at /properties/platform_id/pattern: the validators match patterns in linear time (RE2), which cannot run this one: invalid or unsupported Perl syntax: `(?!` (lookahead, lookbehind and backreferences are not supported)',
    ],
  },
  {
    name: 'a backreference',
    edits: { [GADGET]: onGadgetId("pattern: '^(a)\\1$'") },
    exit: 1,
    output: [
      'spec/schemas/accounting/gadget.yaml:11 error [schema-pattern] at /properties/platform_id/pattern: the validators match patterns in linear time (RE2), which cannot run this one: invalid escape sequence: `\\1` (lookahead, lookbehind and backreferences are not supported)',
    ],
  },
  {
    name: 'an invalid patternProperties key',
    edits: {
      [GADGET]: (t) => t.replace('type: object\n', "type: object\npatternProperties:\n  '[z-a]':\n    type: string\n"),
    },
    exit: 1,
    output: [
      'spec/schemas/accounting/gadget.yaml:7 error [schema-pattern] at /patternProperties/[z-a]: not a valid regular expression (ECMA-262, as JSON Schema requires): Invalid regular expression: /[z-a]/u: Range out of order in character class',
    ],
  },
  {
    name: 'a catastrophic pattern is a warning (the validators are safe), its example still checked',
    edits: { [GADGET]: (t) => onGadgetId("pattern: '^(g+-?)+1$'")(t) },
    exit: 0,
    output: [
      'spec/schemas/accounting/gadget.yaml:11 warning [pattern-backtracking] at /properties/platform_id/pattern: "^(g+-?)+1$" can backtrack catastrophically (nested or overlapping repetition): ledgerspec\'s validators match it in linear time, but other tools that read the spec may stall on it; write it without a repeated repetition',
    ],
  },
  {
    name: 'an unknown format',
    edits: { [GADGET]: onGadgetId('format: colour') },
    exit: 1,
    output: [
      'spec/schemas/accounting/gadget.yaml:11 error [schema-format] at /properties/platform_id/format: unknown format "colour" (known: date, time, date-time, iso-time, iso-date-time, duration, uri, uri-reference, uri-template, url, email, hostname, ipv4, ipv6, regex, uuid, json-pointer, json-pointer-uri-fragment, relative-json-pointer, byte, int32, int64, float, double, password, binary)',
    ],
  },
  {
    name: 'a type JSON Schema does not have (Ajv refused the file with no line, and lint crashed)',
    cli: true,
    edits: { [GADGET]: (t) => t.replace('    type: string\n', '    type: strnig\n') },
    exit: 1,
    output: [
      'spec/schemas/accounting/gadget.yaml:10 error [schema-keyword] at /properties/platform_id/type: not a valid JSON Schema 2020-12 keyword value: must be equal to one of the allowed values (one of "array", "boolean", "integer", "null", "number", "object", "string"), found "strnig"',
    ],
  },
  {
    name: 'a misspelt keyword: named once at its line, not as every schema that refers to it failing to compile',
    edits: { [GADGET]: onGadgetId('maxLenght: 20') },
    exit: 1,
    output: [
      'spec/schemas/accounting/gadget.yaml:11 error [schema-keyword] at /properties/platform_id/maxLenght: unknown keyword "maxLenght" (neither JSON Schema 2020-12 nor one of ledgerspec\'s x- extensions): the validators refuse the schema',
    ],
  },
  {
    name: 'a custom YAML tag in one schema',
    cli: true,
    edits: { [GADGET]: onGadgetId('title: !secret hello') },
    exit: 1,
    output: [
      'spec/schemas/accounting/gadget.yaml:11 error [yaml-tag] at /: the YAML tag !secret has no JSON meaning; a spec file holds JSON values only (remove the tag)',
    ],
  },
  {
    name: 'a !!binary YAML tag',
    edits: { [GADGET]: onGadgetId('title: !!binary aGVsbG8=') },
    exit: 1,
    output: [
      'spec/schemas/accounting/gadget.yaml:11 error [yaml-tag] at /: the YAML tag !!binary has no JSON meaning; a spec file holds JSON values only (remove the tag)',
    ],
  },
  {
    name: 'JSON tags are fine',
    edits: { [GADGET]: onGadgetId('title: !!str Platform id') },
    exit: 0,
    output: [],
  },
  {
    name: 'a spec file that is a folder',
    cli: true,
    edits: {},
    exit: 2,
    output: ['spec/openapi.yaml error [input-unreadable] at /: cannot read file: not a regular file'],
  },
];

afterAll(removeSpecFixtures);

describe('hostile spec files: lint reports each at its file, line and pointer', () => {
  for (const c of CASES) {
    it(
      c.name,
      () => {
        const dir = specFixture(c.edits);
        if (c.name.includes('is a folder')) replaceWithFolder(join(dir, 'spec/openapi.yaml'));
        const printed: string[] = [];
        const exit = runLint(fixtureConfig(dir), { format: 'text' }, (line) => printed.push(line));
        const prefix = `${relative(process.cwd(), dir)}/`;
        expect(printed.filter(isDiagnostic).map((l) => (l.startsWith(prefix) ? l.slice(prefix.length) : l))).toEqual(
          c.output,
        );
        expect(exit).toBe(c.exit);
        if (!c.cli) return;
        const run = runCli(dir, ['lint']);
        expect(run.stderr.split('\n').filter(isDiagnostic)).toEqual(c.output);
        expect(run.status).toBe(c.exit);
        expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME);
      },
      60_000,
    );
  }
});

const isDiagnostic = (line: string) => / (error|warning) \[/.test(line);

function replaceWithFolder(path: string): void {
  rmSync(path);
  mkdirSync(path);
}

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagnosticError, type Diagnostic } from '../../generator/diagnostics.ts';
import { lintSpec } from '../../generator/lint/index.ts';
import { loadSpecSources } from '../../generator/source/spec-sources.ts';

const BASE = new URL('../fixtures/lint-base', import.meta.url).pathname;
const WIDGET = 'schemas/accounting/widget.yaml';
const PATHS = 'paths/accounting/widgets.yaml';
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the fixture spec with one file edited; returns the folder and the edited text. */
function brokenSpec(file: string, edit: (text: string) => string): { dir: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerspec-lint-'));
  made.push(dir);
  cpSync(BASE, dir, { recursive: true });
  const text = edit(readFileSync(join(dir, file), 'utf8'));
  writeFileSync(join(dir, file), text);
  return { dir, text };
}

function lint(dir: string): Diagnostic[] {
  try {
    return lintSpec(loadSpecSources(dir));
  } catch (error) {
    if (error instanceof DiagnosticError) return error.diagnostics;
    throw error;
  }
}

/** 1-based line of the first line of `text` matching `pattern`. */
function lineOf(text: string, pattern: RegExp): number {
  const index = text.split('\n').findIndex((l) => pattern.test(l));
  if (index < 0) throw new Error(`no line matches ${pattern}`);
  return index + 1;
}

interface Case {
  rule: string;
  file: string;
  edit: (text: string) => string;
  pointer: string;
  /** The line the diagnostic must name, found in the edited file. */
  line: RegExp;
  message: RegExp;
}

const cases: Record<string, Case> = {
  'a property without a description': {
    rule: 'property-description',
    file: WIDGET,
    edit: (t) => t.replace("    description: The widget's name.\n", ''),
    pointer: '/properties/name',
    line: /^ {2}name:/,
    message: /`name` has no description/,
  },
  'an x-relation to no entity': {
    rule: 'relation-target',
    file: WIDGET,
    edit: (t) => t.replace('x-relation: gadgets', 'x-relation: gizmos'),
    pointer: '/properties/gadget_id/x-relation',
    line: /x-relation: gizmos/,
    message: /"gizmos", which is no entity/,
  },
  'an accounting entity whose platform_id is not required': {
    rule: 'entity-common-fields',
    file: WIDGET,
    edit: (t) => t.replace('required: [platform_id]\nadditional', 'required: []\nadditional'),
    pointer: '/required',
    line: /^required: \[\]/,
    message: /`platform_id` must be listed in required/,
  },
  'a list without the cursor parameter': {
    rule: 'list-pagination',
    file: PATHS,
    edit: (t) => t.replace('      - $ref: ../../openapi.yaml#/components/parameters/Cursor\n', ''),
    pointer: '/collection/get/parameters',
    line: /^ {4}parameters:/,
    message: /lacks the `cursor` query parameter/,
  },
  'an operationId off the naming rule': {
    rule: 'operation-id',
    file: PATHS,
    edit: (t) => t.replace('operationId: listWidgets', 'operationId: fetchAllWidgets'),
    pointer: '/collection/get/operationId',
    line: /operationId: fetchAllWidgets/,
    message: /expected operationId listWidgets, found "fetchAllWidgets"/,
  },
  'x-filterable on an array': {
    rule: 'scalar-sort-filter',
    file: WIDGET,
    edit: (t) =>
      t.replace('    description: Free labels.', '    x-filterable: true # on tags\n    description: Free labels.'),
    pointer: '/properties/tags/x-filterable',
    line: /# on tags/,
    message: /x-filterable on `tags`, which is not a scalar/,
  },
  'an x-expands that names no relation': {
    rule: 'relation-expansion',
    file: WIDGET,
    edit: (t) =>
      t.replace(
        '  updated_at:\n',
        '  named:\n    type: object\n    x-expands: name\n    description: Not a relation.\n  updated_at:\n',
      ),
    pointer: '/properties/named/x-expands',
    line: /x-expands: name/,
    message: /must name a sibling field that has x-relation; found "name"/,
  },
  'a $id that does not mirror the file': {
    rule: 'schema-identity',
    file: WIDGET,
    edit: (t) => t.replace('accounting/widget.yaml', 'accounting/widgets.json'),
    pointer: '/$id',
    line: /^\$id:/,
    message: /expected \$id https:\/\/schemas.ledgerspec.dev\/accounting\/widget.yaml/,
  },
  'an example that breaks its schema': {
    rule: 'schema-examples',
    file: WIDGET,
    edit: (t) => t.replace('    name: Sprocket', '    name: 42'),
    pointer: '/examples/0/name',
    line: /name: 42/,
    message: /example 0 is invalid at \/name: must be string,null/,
  },
  'a sort parameter that drifted from x-sortable': {
    rule: 'list-query-matches-schema',
    file: PATHS,
    edit: (t) => t.replace('enum: [name, -name]', 'enum: [status, -status]'),
    pointer: '/collection/get/parameters/2',
    line: /- name: sort/,
    message: /`sort` parameter of listWidgets does not match widgets: missing name; not flagged in the schema: status/,
  },
  'an enum value in the wrong case for its area': {
    rule: 'enum-case',
    file: WIDGET,
    edit: (t) => t.replace('enum: [Active, Archived, null]', 'enum: [Active, ARCHIVED, null]'),
    pointer: '/properties/status/enum',
    line: /enum: \[Active, ARCHIVED/,
    message: /must be PascalCase; found "ARCHIVED"/,
  },
  'an entity missing from components.schemas': {
    rule: 'component-registered',
    file: 'openapi.yaml',
    edit: (t) => t.replace('    Gadget:\n      $ref: schemas/accounting/gadget.yaml\n', ''),
    pointer: '/components/schemas',
    line: /^ {2}schemas:/,
    message: /entity Gadget must be registered as components.schemas.Gadget/,
  },
  'an invariant of an unknown kind': {
    rule: 'invariant-declaration',
    file: WIDGET,
    edit: (t) => t.replace('kind: lines-sum', 'kind: line-sum'),
    pointer: '/x-invariants/0/kind',
    line: /kind: line-sum/,
    message:
      /unknown invariant kind "line-sum" \(known: lines-sum, totals, report-tree, balanced, allocations, non-negative\)/,
  },
  'an invariant without one of its parameters': {
    rule: 'invariant-declaration',
    file: WIDGET,
    edit: (t) => t.replace('    total: total\n', ''),
    pointer: '/x-invariants/0',
    line: /- kind: lines-sum/,
    message: /lines-sum needs total: the total the line amounts add up to/,
  },
  'an invariant naming a field the lines do not have': {
    rule: 'invariant-declaration',
    file: WIDGET,
    edit: (t) => t.replace('    amount: amount\n    total: total', '    amount: price\n    total: total'),
    pointer: '/x-invariants/0/amount',
    line: /amount: price/,
    message: /^lines-sum: parts\/\*\/price is no field of the items of parts$/,
  },
  'an invariant total that is not a number': {
    rule: 'invariant-declaration',
    file: WIDGET,
    edit: (t) => t.replace('    total: total\n', '    total: name\n'),
    pointer: '/x-invariants/0/total',
    line: /total: name/,
    message: /^lines-sum: name must hold a number \(found type string\)$/,
  },
  'an example that breaks a declared invariant': {
    rule: 'invariant-declaration',
    file: WIDGET,
    edit: (t) => t.replace('    total: 5\n', '    total: 6\n'),
    pointer: '/examples/0/total',
    line: /total: 6/,
    message:
      /^example 0 breaks lines-sum: total is not the sum of parts\/\*\/amount over its 2 line\(s\) \(expected 5 ± 0.02, found 6\)$/,
  },
  'x-date-only on a field that is not a date-time': {
    rule: 'date-only-field',
    file: WIDGET,
    edit: (t) =>
      t.replace(
        "    description: The widget's name.",
        "    x-date-only: true # on name\n    description: The widget's name.",
      ),
    pointer: '/properties/name/x-date-only',
    line: /# on name/,
    message: /x-date-only on `name`, which is not a date-time field \(found format null\)/,
  },
  'an example whose calendar date has a time': {
    rule: 'date-only-field',
    file: WIDGET,
    edit: (t) => t.replace("made_on: '2024-01-01T00:00:00.000Z'", "made_on: '2024-01-01T23:00:00.000Z'"),
    pointer: '/examples/0/made_on',
    line: /made_on: '2024-01-01T23/,
    message:
      /^example 0: `made_on` is a calendar date \(x-date-only\), written YYYY-MM-DDT00:00:00.000Z; found "2024-01-01T23:00:00.000Z"$/,
  },
  'an operation without an error status the server sends': {
    rule: 'error-responses',
    file: PATHS,
    edit: (t) => t.replace("      '401':\n        $ref: ../../openapi.yaml#/components/responses/Unauthorized\n", ''),
    pointer: '/collection/get/responses',
    line: /^ {4}responses:/,
    message:
      /listWidgets does not declare 401, which the server sends because every operation checks the api_key header \(use \$ref: …#\/components\/responses\/Unauthorized\)/,
  },
  'a shared response whose example breaks its schema': {
    rule: 'response-examples',
    file: 'openapi.yaml',
    edit: (t) => t.replace('            code: not-found', '            code: gone'),
    pointer: '/components/responses/NotFound/content/application~1json/example/code',
    line: /code: gone/,
    message: /example of response NotFound is invalid at \/code: must be equal to one of the allowed values/,
  },
  'a YAML syntax error': {
    rule: 'yaml-syntax',
    file: WIDGET,
    edit: (t) => t.replace('  name:\n', '  name: [\n'),
    pointer: '',
    line: /^ {4}x-sortable: true$/,
    message: /./,
  },
};

describe('the fixture spec', () => {
  it('is clean', () => {
    expect(lint(BASE)).toEqual([]);
  });
});

describe.each(Object.entries(cases))('%s', (_name, c) => {
  const { dir, text } = brokenSpec(c.file, c.edit);
  const diagnostics = lint(dir);

  it(`is reported by ${c.rule} with file, pointer and line`, () => {
    const found = diagnostics.filter((d) => d.code === c.rule);
    expect(found, JSON.stringify(diagnostics, null, 1)).toHaveLength(1);
    const [d] = found as [Diagnostic];
    expect(d.file).toBe(join(dir, c.file));
    expect(d.pointer).toBe(c.pointer);
    expect(d.line).toBe(lineOf(text, c.line));
    expect(d.message).toMatch(c.message);
    expect(d.severity).toBe('error');
  });

  it('breaks only that rule', () => {
    expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set([c.rule]));
  });
});

describe('duplicate operationIds', () => {
  it('name both operations', () => {
    const { dir } = brokenSpec(PATHS, (t) => t.replace('operationId: getWidget', 'operationId: listWidgets'));
    const messages = lint(dir)
      .filter((d) => d.code === 'operation-id')
      .map((d) => d.message);
    expect(messages).toContain('operationId listWidgets is used twice: also by GET /accounting/widgets');
  });
});

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
    rule: 'property-description', file: WIDGET,
    edit: (t) => t.replace("    description: The widget's name.\n", ''),
    pointer: '/properties/name', line: /^  name:/, message: /`name` has no description/,
  },
  'an x-relation to no entity': {
    rule: 'relation-target', file: WIDGET,
    edit: (t) => t.replace('x-relation: gadgets', 'x-relation: gizmos'),
    pointer: '/properties/gadget_id/x-relation', line: /x-relation: gizmos/, message: /"gizmos", which is no entity/,
  },
  'an accounting entity whose platform_id is not required': {
    rule: 'entity-common-fields', file: WIDGET,
    edit: (t) => t.replace('required: [platform_id]\nadditional', 'required: []\nadditional'),
    pointer: '/required', line: /^required: \[\]/, message: /`platform_id` must be listed in required/,
  },
  'a list without the cursor parameter': {
    rule: 'list-pagination', file: PATHS,
    edit: (t) => t.replace('      - $ref: ../../openapi.yaml#/components/parameters/Cursor\n', ''),
    pointer: '/collection/get/parameters', line: /^    parameters:/, message: /lacks the `cursor` query parameter/,
  },
  'an operationId off the naming rule': {
    rule: 'operation-id', file: PATHS,
    edit: (t) => t.replace('operationId: listWidgets', 'operationId: fetchAllWidgets'),
    pointer: '/collection/get/operationId', line: /operationId: fetchAllWidgets/, message: /expected operationId listWidgets, found "fetchAllWidgets"/,
  },
  'x-filterable on an array': {
    rule: 'scalar-sort-filter', file: WIDGET,
    edit: (t) => t.replace('    description: Free labels.', '    x-filterable: true # on tags\n    description: Free labels.'),
    pointer: '/properties/tags/x-filterable', line: /# on tags/, message: /x-filterable on `tags`, which is not a scalar/,
  },
  'an x-expands that names no relation': {
    rule: 'relation-expansion', file: WIDGET,
    edit: (t) => t.replace('  updated_at:\n', '  named:\n    type: object\n    x-expands: name\n    description: Not a relation.\n  updated_at:\n'),
    pointer: '/properties/named/x-expands', line: /x-expands: name/, message: /must name a sibling field that has x-relation; found "name"/,
  },
  'a $id that does not mirror the file': {
    rule: 'schema-identity', file: WIDGET,
    edit: (t) => t.replace('accounting/widget.yaml', 'accounting/widgets.json'),
    pointer: '/$id', line: /^\$id:/, message: /expected \$id https:\/\/schemas.ledgerspec.dev\/accounting\/widget.yaml/,
  },
  'an example that breaks its schema': {
    rule: 'schema-examples', file: WIDGET,
    edit: (t) => t.replace('    name: Sprocket', '    name: 42'),
    pointer: '/examples/0/name', line: /name: 42/, message: /example 0 is invalid at \/name: must be string,null/,
  },
  'a sort parameter that drifted from x-sortable': {
    rule: 'list-query-matches-schema', file: PATHS,
    edit: (t) => t.replace('enum: [name, -name]', 'enum: [status, -status]'),
    pointer: '/collection/get/parameters/2', line: /- name: sort/, message: /`sort` parameter of listWidgets does not match widgets: missing name; not flagged in the schema: status/,
  },
  'an enum value in the wrong case for its area': {
    rule: 'enum-case', file: WIDGET,
    edit: (t) => t.replace('enum: [Active, Archived, null]', 'enum: [Active, ARCHIVED, null]'),
    pointer: '/properties/status/enum', line: /enum: \[Active, ARCHIVED/, message: /must be PascalCase; found "ARCHIVED"/,
  },
  'an entity missing from components.schemas': {
    rule: 'component-registered', file: 'openapi.yaml',
    edit: (t) => t.replace('    Gadget:\n      $ref: schemas/accounting/gadget.yaml\n', ''),
    pointer: '/components/schemas', line: /^ {2}schemas:/, message: /entity Gadget must be registered as components.schemas.Gadget/,
  },
  'an operation without an error status the server sends': {
    rule: 'error-responses', file: PATHS,
    edit: (t) => t.replace("      '401':\n        $ref: ../../openapi.yaml#/components/responses/Unauthorized\n", ''),
    pointer: '/collection/get/responses', line: /^ {4}responses:/, message: /listWidgets does not declare 401, which the server sends because every operation checks the api_key header \(use \$ref: …#\/components\/responses\/Unauthorized\)/,
  },
  'a shared response whose example breaks its schema': {
    rule: 'response-examples', file: 'openapi.yaml',
    edit: (t) => t.replace('            code: not-found', '            code: gone'),
    pointer: '/components/responses/NotFound/content/application~1json/example/code', line: /code: gone/, message: /example of response NotFound is invalid at \/code: must be equal to one of the allowed values/,
  },
  'a YAML syntax error': {
    rule: 'yaml-syntax', file: WIDGET,
    edit: (t) => t.replace('  name:\n', '  name: [\n'),
    pointer: '', line: /^ {4}x-sortable: true$/, message: /./,
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
    const messages = lint(dir).filter((d) => d.code === 'operation-id').map((d) => d.message);
    expect(messages).toContain('operationId listWidgets is used twice: also by GET /accounting/widgets');
  });
});

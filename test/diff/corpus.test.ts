import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareDocuments } from '../../generator/diff/engine.ts';
import type { Bump } from '../../generator/diff/model.ts';
import { SPEC_DIR } from '../helpers/spec.ts';
import { DIFF_BASE, SpecCopy, classification, diffFolders, resolveSpec, reverseKeys } from './helpers.ts';

const W = 'schemas/accounting/widget.yaml';
const P = 'paths/accounting/widgets.yaml';
const R = 'openapi.yaml';
const B = 'breaking';
const PB = 'potentially-breaking';
const NB = 'non-breaking';

interface Case {
  name: string;
  /** Edits to the head copy (and, when given, to the base copy). */
  head: (spec: SpecCopy) => void;
  base?: (spec: SpecCopy) => void;
  /** Every `id level` expected, no more. */
  expect: string[];
  bump: Bump;
}

const push = (value: unknown, ...more: unknown[]) => [...(value as unknown[]), ...more];

const cases: Case[] = [
  // ── No change: the same API, written differently ──
  { name: 'identical copy', head: () => {}, expect: [], bump: 'none' },
  {
    name: 'a schema moved to another file (same title, refs updated)',
    head: (s) =>
      s
        .write('schemas/common/memo.yaml', {
          ...(s.read('schemas/common/note.yaml') as object),
          $id: 'https://schemas.ledgerspec.dev/common/memo.yaml',
        })
        .delete('schemas/common/note.yaml')
        .set(W, '/properties/attachment/oneOf/0/$ref', '../common/memo.yaml')
        .set(R, '/components/schemas/Note/$ref', 'schemas/common/memo.yaml'),
    expect: [],
    bump: 'none',
  },
  {
    name: 'a $ref through the root component instead of the file',
    head: (s) =>
      s.set(
        P,
        '/collection/get/responses/200/content/application~1json/schema/properties/data/items/$ref',
        '../../openapi.yaml#/components/schemas/Widget',
      ),
    expect: [],
    bump: 'none',
  },
  {
    name: 'keys reordered in every object',
    head: (s) => s.transform(W, reverseKeys).transform(P, reverseKeys).transform(R, reverseKeys),
    expect: [],
    bump: 'none',
  },
  {
    name: 'nullable as anyOf with null instead of a type array',
    head: (s) =>
      s.set(W, '/properties/code', {
        anyOf: [{ type: 'string', pattern: '^[A-Z]+$' }, { type: 'null' }],
        description: 'A short code.',
      }),
    expect: [],
    bump: 'none',
  },
  {
    name: 'nullable as oneOf with null',
    head: (s) =>
      s.set(W, '/properties/gadget_id', {
        oneOf: [{ type: 'string' }, { type: 'null' }],
        'x-relation': 'gadgets',
        description: 'The gadget it belongs to.',
      }),
    expect: [],
    bump: 'none',
  },
  {
    name: 'nullable enum as anyOf of the enum and null',
    head: (s) =>
      s.set(W, '/properties/status', {
        anyOf: [{ type: 'string', enum: ['Active', 'Archived'] }, { type: 'null' }],
        default: 'Active',
        description: 'Whether the widget is in use.',
      }),
    expect: [],
    bump: 'none',
  },
  {
    name: 'OpenAPI 3.0 `nullable: true` spelling',
    head: (s) =>
      s.set(R, '/openapi', '3.0.3').set(W, '/properties/code', {
        type: 'string',
        nullable: true,
        pattern: '^[A-Z]+$',
        description: 'A short code.',
      }),
    expect: [],
    bump: 'none',
  },
  {
    name: 'enum values reordered',
    head: (s) => s.set(W, '/properties/status/enum', [null, 'Archived', 'Active']),
    expect: [],
    bump: 'none',
  },
  {
    name: 'required list reordered',
    head: (s) => s.update(W, '/required', (r) => [...(r as string[])].reverse()),
    expect: [],
    bump: 'none',
  },
  {
    name: 'description only',
    head: (s) => s.set(W, '/properties/name/description', 'What the widget is called.'),
    expect: [`documentation-changed ${NB}`],
    bump: 'patch',
  },

  // ── Operations ──
  {
    name: 'operation removed',
    head: (s) => s.remove(P, '/item/patch'),
    expect: [`operation-removed ${B}`],
    bump: 'major',
  },
  {
    name: 'operationId changed',
    head: (s) => s.set(P, '/item/get/operationId', 'fetchWidget'),
    expect: [`operation-id-changed ${B}`],
    bump: 'major',
  },
  {
    name: 'operation added',
    head: (s) =>
      s.set(P, '/item/delete', {
        operationId: 'deleteWidget',
        summary: 'Delete a widget',
        responses: { 204: { description: 'Deleted.' } },
      }),
    expect: [`operation-added ${NB}`],
    bump: 'minor',
  },
  {
    name: 'path renamed, operationIds kept',
    head: (s) =>
      s
        .remove(R, '/paths/~1accounting~1widgets~1{id}')
        .set(R, '/paths/~1accounting~1things~1{id}', { $ref: 'paths/accounting/widgets.yaml#/item' }),
    expect: [`operation-path-changed ${B}`],
    bump: 'major',
  },
  {
    name: 'operation deprecated',
    head: (s) => s.set(P, '/item/get/deprecated', true),
    expect: [`operation-deprecated ${NB}`],
    bump: 'minor',
  },

  // ── Parameters ──
  {
    name: 'new required parameter',
    head: (s) =>
      s.update(P, '/collection/get/parameters', (p) =>
        push(p, { name: 'company_id', in: 'query', required: true, schema: { type: 'string' } }),
      ),
    expect: [`request-parameter-added-required ${B}`],
    bump: 'major',
  },
  {
    name: 'new optional parameter',
    head: (s) =>
      s.update(P, '/collection/get/parameters', (p) => push(p, { name: 'q', in: 'query', schema: { type: 'string' } })),
    expect: [`request-parameter-added ${NB}`],
    bump: 'minor',
  },
  {
    name: 'parameter removed',
    head: (s) =>
      s.update(P, '/collection/get/parameters', (p) => (p as unknown[]).slice(0, 1).concat((p as unknown[]).slice(2))),
    expect: [`request-parameter-removed ${B}`],
    bump: 'major',
  },
  {
    name: 'parameter made required',
    head: (s) => s.set(R, '/components/parameters/Limit/required', true),
    expect: [`request-parameter-became-required ${B}`],
    bump: 'major',
  },
  {
    name: 'parameter maximum lowered',
    head: (s) => s.set(R, '/components/parameters/Limit/schema/maximum', 100),
    expect: [`request-parameter-constraint-tightened ${B}`],
    bump: 'major',
  },
  {
    name: 'parameter maximum raised',
    head: (s) => s.set(R, '/components/parameters/Limit/schema/maximum', 500),
    expect: [`request-parameter-constraint-loosened ${NB}`],
    bump: 'minor',
  },
  {
    name: 'parameter default changed',
    head: (s) => s.set(R, '/components/parameters/Limit/schema/default', 20),
    expect: [`request-parameter-default-changed ${PB}`],
    bump: 'minor',
  },
  {
    name: 'parameter enum value removed (sort)',
    head: (s) => s.set(P, '/collection/get/parameters/2/schema/items/enum', ['name']),
    expect: [`request-parameter-enum-value-removed ${B}`],
    bump: 'major',
  },

  // ── Request and response fields ──
  {
    name: 'optional request field made required',
    head: (s) => s.update(W, '/x-create-required', (r) => push(r, 'quantity')),
    expect: [`request-property-became-required ${B}`],
    bump: 'major',
  },
  {
    name: 'new required request field',
    head: (s) =>
      s
        .set(W, '/properties/sku', { type: 'string', description: 'Stock keeping unit.' })
        .update(W, '/x-create-required', (r) => push(r, 'sku')),
    expect: [`request-property-added ${NB}`, `request-property-added-required ${B}`, `response-property-added ${NB}`],
    bump: 'major',
  },
  {
    name: 'new optional field',
    head: (s) => s.set(W, '/properties/color', { type: ['string', 'null'], description: 'Its colour.' }),
    expect: [`request-property-added ${NB}`, `response-property-added ${NB}`],
    bump: 'minor',
  },
  {
    name: 'new required read-only field (responses only)',
    head: (s) =>
      s
        .set(W, '/properties/created_at', {
          type: 'string',
          format: 'date-time',
          readOnly: true,
          description: 'Created.',
        })
        .update(W, '/required', (r) => push(r, 'created_at')),
    expect: [`response-property-added ${NB}`],
    bump: 'minor',
  },
  {
    name: 'field removed',
    head: (s) => s.remove(W, '/properties/tags').remove(W, '/examples/0/tags'),
    expect: [`documentation-changed ${NB}`, `request-property-removed ${B}`, `response-property-removed ${B}`],
    bump: 'major',
  },
  {
    name: 'field made read-only (gone from requests)',
    head: (s) => s.set(W, '/properties/code/readOnly', true),
    expect: [`request-property-removed ${B}`],
    bump: 'major',
  },
  {
    name: 'response field made optional',
    head: (s) => s.set(W, '/required', ['platform_id', 'updated_at']),
    expect: [`response-property-became-optional ${B}`],
    bump: 'major',
  },
  {
    name: 'field made nullable',
    head: (s) => s.set(W, '/properties/quantity/type', ['integer', 'null']),
    expect: [`request-property-became-nullable ${NB}`, `response-property-became-nullable ${B}`],
    bump: 'major',
  },
  {
    name: 'field made non-nullable',
    head: (s) => s.set(W, '/properties/amount/type', 'number'),
    expect: [`request-property-became-not-nullable ${B}`, `response-property-became-not-nullable ${NB}`],
    bump: 'major',
  },
  {
    name: 'number narrowed to integer',
    head: (s) => s.set(W, '/properties/amount/type', ['integer', 'null']),
    expect: [`request-property-type-narrowed ${B}`, `response-property-type-narrowed ${NB}`],
    bump: 'major',
  },
  {
    name: 'type removed from a type array',
    head: (s) => s.set(W, '/properties/reference/type', 'string'),
    expect: [`request-property-type-narrowed ${B}`, `response-property-type-narrowed ${NB}`],
    bump: 'major',
  },
  {
    name: 'integer widened to number',
    head: (s) => s.set(W, '/properties/quantity/type', 'number'),
    expect: [`request-property-type-widened ${NB}`, `response-property-type-widened ${B}`],
    bump: 'major',
  },
  {
    name: 'type changed (string to number)',
    head: (s) =>
      s.set(W, '/properties/name', {
        type: 'number',
        description: "The widget's name.",
        'x-sortable': true,
        'x-filterable': true,
      }),
    expect: [`request-property-type-changed ${B}`, `response-property-type-changed ${B}`],
    bump: 'major',
  },
  {
    name: 'string narrowed to an enum',
    head: (s) => s.set(W, '/properties/code/enum', ['AB', 'CD', null]),
    expect: [`request-property-became-enum ${B}`, `response-property-became-enum ${NB}`],
    bump: 'major',
  },
  {
    name: 'enum value removed',
    head: (s) => s.set(W, '/properties/status/enum', ['Active', null]),
    expect: [`request-property-enum-value-removed ${B}`, `response-property-enum-value-removed ${PB}`],
    bump: 'major',
  },
  {
    name: 'enum value added',
    head: (s) => s.set(W, '/properties/status/enum', ['Active', 'Archived', 'Retired', null]),
    expect: [`request-property-enum-value-added ${NB}`, `response-property-enum-value-added ${PB}`],
    bump: 'minor',
  },
  {
    name: 'maxLength lowered',
    head: (s) => s.set(W, '/properties/name/maxLength', 50),
    expect: [`request-property-constraint-tightened ${B}`, `response-property-constraint-tightened ${NB}`],
    bump: 'major',
  },
  {
    name: 'minimum removed',
    head: (s) => s.remove(W, '/properties/amount/minimum'),
    expect: [`request-property-constraint-loosened ${NB}`, `response-property-constraint-loosened ${PB}`],
    bump: 'minor',
  },
  {
    name: 'pattern changed',
    head: (s) => s.set(W, '/properties/code/pattern', '^[A-Z0-9]+$'),
    expect: [`request-property-constraint-tightened ${B}`, `response-property-constraint-tightened ${NB}`],
    bump: 'major',
  },
  {
    name: 'format changed (response-only field)',
    head: (s) => s.set(W, '/properties/updated_at/format', 'date'),
    expect: [`response-property-format-changed ${PB}`],
    bump: 'minor',
  },
  {
    name: 'format set on a request field',
    head: (s) => s.set(W, '/properties/code/format', 'uuid'),
    expect: [`request-property-format-added ${B}`, `response-property-format-added ${NB}`],
    bump: 'major',
  },
  {
    name: 'default changed',
    head: (s) => s.set(W, '/properties/status/default', 'Archived'),
    expect: [`request-property-default-changed ${PB}`, `response-property-default-changed ${PB}`],
    bump: 'minor',
  },
  {
    name: 'unknown fields allowed',
    head: (s) => s.remove(W, '/additionalProperties'),
    expect: [`request-property-constraint-loosened ${NB}`, `response-property-constraint-loosened ${PB}`],
    bump: 'minor',
  },
  {
    name: 'oneOf branch added',
    head: (s) =>
      s.update(W, '/properties/attachment/oneOf', (o) =>
        push(o, { type: 'string', description: 'A plain text attachment.' }),
      ),
    expect: [`request-property-variant-added ${NB}`, `response-property-variant-added ${B}`],
    bump: 'major',
  },
  {
    name: 'oneOf branch removed',
    head: (s) =>
      s
        .update(W, '/properties/attachment/oneOf', (o) => (o as unknown[]).slice(0, 1))
        .set(W, '/properties/attachment/oneOf', [{ $ref: '../common/note.yaml' }, { $ref: 'gadget.yaml' }]),
    expect: [
      `request-property-variant-added ${NB}`,
      `request-property-variant-removed ${B}`,
      `response-property-variant-added ${B}`,
      `response-property-variant-removed ${NB}`,
    ],
    bump: 'major',
  },
  {
    name: 'field removed inside a recursive model (cycles end)',
    base: (s) =>
      s.set('schemas/accounting/gadget.yaml', '/properties/parent', {
        anyOf: [{ $ref: 'gadget.yaml' }, { type: 'null' }],
        description: 'The gadget this one is part of.',
      }),
    head: (s) =>
      s
        .set('schemas/accounting/gadget.yaml', '/properties/parent', {
          anyOf: [{ $ref: 'gadget.yaml' }, { type: 'null' }],
          description: 'The gadget this one is part of.',
        })
        .remove('schemas/accounting/gadget.yaml', '/properties/label')
        .remove('schemas/accounting/gadget.yaml', '/examples/0/label'),
    expect: [`documentation-changed ${NB}`, `response-property-removed ${B}`],
    bump: 'major',
  },
  {
    name: 'field inside a shared model removed (reached through a relation)',
    head: (s) =>
      s
        .remove('schemas/accounting/gadget.yaml', '/properties/label')
        .remove('schemas/accounting/gadget.yaml', '/examples/0/label'),
    expect: [`documentation-changed ${NB}`, `response-property-removed ${B}`],
    bump: 'major',
  },

  // ── Bodies and responses ──
  {
    name: 'request body made optional',
    head: (s) => s.set(P, '/collection/post/requestBody/required', false),
    expect: [`request-body-became-optional ${NB}`],
    bump: 'minor',
  },
  {
    name: 'request body removed',
    head: (s) => s.remove(P, '/item/patch/requestBody'),
    expect: [`request-body-removed ${B}`],
    bump: 'major',
  },
  {
    name: 'error response removed',
    head: (s) => s.remove(P, '/item/get/responses/404'),
    expect: [`response-non-success-status-removed ${PB}`],
    bump: 'minor',
  },
  {
    name: 'success status changed',
    head: (s) => s.update(P, '/collection/post/responses', (r) => ({ 200: (r as Record<string, unknown>)['201'] })),
    expect: [`response-success-status-changed ${B}`],
    bump: 'major',
  },
  {
    name: 'success response lost its body',
    head: (s) => s.remove(P, '/item/get/responses/200/content'),
    expect: [`response-body-removed ${B}`],
    bump: 'major',
  },

  // ── Security and models ──
  {
    name: 'security requirement replaced',
    head: (s) =>
      s
        .set(R, '/components/securitySchemes/bearer', { type: 'http', scheme: 'bearer' })
        .set(R, '/security', [{ bearer: [] }]),
    expect: [`security-requirement-added ${NB}`, `security-requirement-removed ${B}`, `security-scheme-added ${NB}`],
    bump: 'major',
  },
  {
    name: 'security alternative added',
    head: (s) =>
      s
        .set(R, '/components/securitySchemes/bearer', { type: 'http', scheme: 'bearer' })
        .set(R, '/security', [{ api_key: [] }, { bearer: [] }]),
    expect: [`security-requirement-added ${NB}`, `security-scheme-added ${NB}`],
    bump: 'minor',
  },
  {
    name: 'security scheme changed',
    head: (s) => s.set(R, '/components/securitySchemes/api_key/name', 'x-api-key'),
    expect: [`security-scheme-changed ${B}`],
    bump: 'major',
  },
  {
    name: 'open operation now secured',
    base: (s) => s.set(P, '/item/get/security', []),
    head: () => {},
    expect: [`security-added ${B}`],
    bump: 'major',
  },
  {
    name: 'model added',
    head: (s) =>
      s.write('schemas/common/tag.yaml', {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: 'https://schemas.ledgerspec.dev/common/tag.yaml',
        title: 'Tag',
        description: 'A tag.',
        type: 'string',
      }),
    expect: [`model-added ${NB}`],
    bump: 'minor',
  },
  {
    name: 'model removed',
    base: (s) => s.write('schemas/common/tag.yaml', { title: 'Tag', description: 'A tag.', type: 'string' }),
    head: () => {},
    expect: [`model-removed ${B}`],
    bump: 'major',
  },
];

const dir = mkdtempSync(join(tmpdir(), 'ledgerspec-diff-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('diff corpus: one mutation of the fixture spec per case', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const head = new SpecCopy(dir);
    c.head(head);
    let base = DIFF_BASE;
    if (c.base) {
      const copy = new SpecCopy(dir);
      c.base(copy);
      base = copy.dir;
    }
    const result = diffFolders(base, head.dir);
    expect(classification(result)).toEqual([...c.expect].sort());
    expect(result.semver.bump).toBe(c.bump);
  });

  // findChanges answers equal documents with no changes without running the rules: what the rules
  // themselves find there (the project's spec, the fixture).
  it.each([
    ['the project spec', SPEC_DIR],
    ['the fixture spec', DIFF_BASE],
  ])('finds no change between %s and a copy of it, rule by rule', (_name, spec) => {
    const { document } = resolveSpec(spec, 'base');
    expect(compareDocuments(document, structuredClone(document))).toEqual([]);
  });

  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });
});

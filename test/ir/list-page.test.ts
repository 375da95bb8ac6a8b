import { describe, expect, it } from 'vitest';
import { buildIR } from '../../generator/ir/build-ir.ts';
import type { SpecIR } from '../../generator/ir/model.ts';
import { compileSpec } from '../../generator/pipeline/front.ts';
import { projectIR } from '../helpers/spec.ts';
import { goldenFixtures, THIRD_PARTY_DIR } from '../helpers/golden.ts';

// A list page is an IR fact: which query parameters take the cursor and the page size, which
// response fields hold the records and the next cursor. Emitters read it, never the schemas.

const HOUSE_PAGE = {
  cursorParam: 'cursor',
  limitParam: 'limit',
  recordsField: 'data',
  nextField: 'next',
  prevField: 'prev',
  totalField: 'total_count',
};

/** A one-operation document: a GET with these query parameters answering with this body. */
function documentWith(query: string[], body: object, schemas: object = {}, method = 'get') {
  const parameters = query.map((name) => ({ name, in: 'query', schema: { type: 'string' } }));
  const content = { 'application/json': { schema: body } };
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/things': {
        [method]: { operationId: 'things', parameters, responses: { '200': { description: 'ok', content } } },
      },
    },
    components: { schemas },
  };
}

function pageOf(ir: SpecIR) {
  return ir.operations[0]?.page;
}

describe('list pages in the IR', () => {
  it("gives every list of the project spec the house's page, read through the envelope's $refs", async () => {
    const ir = await projectIR();
    const lists = ir.operations.filter((op) => op.kind === 'list');
    expect(lists.length).toBeGreaterThan(0);
    for (const op of lists)
      expect({ op: op.operationId, page: op.page }).toEqual({ op: op.operationId, page: HOUSE_PAGE });
    expect(lists.every((op) => op.reply === 'list')).toBe(true);
  });

  it('gives no page to an operation of the project spec that is not a list', async () => {
    const ir = await projectIR();
    expect(ir.operations.filter((op) => op.kind !== 'list' && op.page).map((op) => op.operationId)).toEqual([]);
    expect(ir.operations.filter((op) => op.kind !== 'list' && op.reply === 'list')).toEqual([]);
  });

  it.each(goldenFixtures())('leaves the page of %s undefined: it takes no cursor', (fixture) => {
    const ir = compileSpec({ specDir: THIRD_PARTY_DIR, rootFile: fixture, houseRules: false });
    expect(ir.operations.length).toBeGreaterThan(0);
    expect(ir.operations.filter((op) => op.page).map((op) => op.operationId)).toEqual([]);
    // openapi-3.0.yaml's getInventory sits at a collection URL, but answers with no page.
    expect(ir.operations.filter((op) => op.reply === 'list').map((op) => op.operationId)).toEqual([]);
  });

  it("reads another spec's cursor names and its records field", () => {
    const body = {
      type: 'object',
      properties: {
        items: { type: 'array', items: { type: 'string' } },
        next_page_token: { type: ['string', 'null'] },
      },
    };
    expect(pageOf(buildIR(documentWith(['page_token', 'page_size'], body)))).toEqual({
      cursorParam: 'page_token',
      limitParam: 'page_size',
      recordsField: 'items',
      nextField: 'next_page_token',
    });
  });

  it('follows a $ref to the response body and merges its allOf parts', () => {
    const schemas = {
      Cursors: { type: 'object', properties: { next: { type: 'string' }, previous: { type: 'string' } } },
      Page: { allOf: [{ $ref: '#/components/schemas/Cursors' }, { properties: { results: { type: 'array' } } }] },
    };
    expect(pageOf(buildIR(documentWith(['cursor'], { $ref: '#/components/schemas/Page' }, schemas)))).toEqual({
      cursorParam: 'cursor',
      recordsField: 'results',
      nextField: 'next',
      prevField: 'previous',
    });
  });

  it('gives no page without a cursor parameter, a next field, an array of records, or on a write', () => {
    const body = { properties: { data: { type: 'array' }, next: { type: 'string' } } };
    expect(pageOf(buildIR(documentWith(['limit'], body)))).toBeUndefined();
    expect(pageOf(buildIR(documentWith(['cursor'], { properties: { data: { type: 'array' } } })))).toBeUndefined();
    expect(pageOf(buildIR(documentWith(['cursor'], { properties: { data: {}, next: {} } })))).toBeUndefined();
    expect(pageOf(buildIR(documentWith(['cursor'], body, {}, 'post')))).toBeUndefined();
  });
});

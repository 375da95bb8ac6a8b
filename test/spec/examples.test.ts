import pointer from 'json-pointer';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_ID, documentAjv } from '../../generator/validation/document-ajv.ts';
import type { SpecIR } from '../../generator/ir/model.ts';
import { projectIR } from '../helpers/spec.ts';

// Every JSON request body and response in the bundled spec has an example (hand-written, or
// derived by generator/pipeline/derive-examples.ts) and the example is valid against its own
// schema: mock servers and the docs answer with them.
type Site = { where: string; schemaPointer: string; example: unknown };

let ir: SpecIR;
let sites: Site[];
beforeAll(async () => {
  ir = await projectIR();
  sites = contentSites(ir.document as Record<string, unknown>);
});

function contentSites(document: Record<string, unknown>): Site[] {
  const found: Site[] = [];
  const visit = (holder: unknown, at: string[], where: string) => {
    const json = (holder as { content?: Record<string, { schema?: unknown; example?: unknown }> } | undefined)?.content?.['application/json'];
    if (json?.schema) found.push({ where, schemaPointer: pointer.compile([...at, 'content', 'application/json', 'schema']), example: json.example });
  };
  for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, Record<string, unknown>>>)) {
    for (const [method, operation] of Object.entries(item)) {
      if (typeof operation !== 'object' || !operation || !('responses' in operation)) continue;
      visit(operation.requestBody, ['paths', path, method, 'requestBody'], `${method.toUpperCase()} ${path} request body`);
      for (const [status, response] of Object.entries(operation.responses as Record<string, unknown>)) visit(response, ['paths', path, method, 'responses', status], `${method.toUpperCase()} ${path} ${status}`);
    }
  }
  const components = (document.components as { responses?: Record<string, unknown> }).responses ?? {};
  for (const [name, response] of Object.entries(components)) visit(response, ['components', 'responses', name], `components.responses.${name}`);
  return found;
}

describe('examples in the bundled spec', () => {
  it('every JSON request body and response has one', () => {
    expect(sites.length).toBeGreaterThan(150);
    expect(sites.filter((s) => s.example === undefined).map((s) => s.where)).toEqual([]);
  });

  it('every example is valid against its schema', () => {
    const ajv = documentAjv(ir.document);
    const invalid = sites.flatMap((site) => {
      const validate = ajv.compile({ $ref: `${DOCUMENT_ID}#${site.schemaPointer.split('/').map(encodeURIComponent).join('/')}` });
      return validate(site.example) ? [] : [`${site.where}: ${ajv.errorsText(validate.errors)}`];
    });
    expect(invalid).toEqual([]);
  });

  it('a write job answers for its own entity: 200 finished, 202 accepted', () => {
    const post = (path: string, status: string) => sites.find((s) => s.where === `POST ${path} ${status}`)?.example as { data: { status: string; records: { response: Record<string, unknown> }[] } };
    const bills = post('/accounting/bills', '200');
    expect(bills.data.status).toBe('SUCCESS');
    expect(bills.data.records[0]?.response).toHaveProperty('line_items');
    expect(bills.data.records[0]?.response).not.toHaveProperty('payment_method_id');
    expect(post('/accounting/contacts', '202').data).toMatchObject({ status: 'CREATED', records: [] });
  });
});

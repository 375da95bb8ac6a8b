import { describe, expect, it } from 'vitest';
import { emitOpenapiDts } from '../../generator/emit/types/openapi-dts.ts';
import { openapiDtsInput } from '../../generator/emit/types/openapi-dts-key.ts';
import { modelNames } from '../../generator/emit/types/naming.ts';
import { planNames } from '../../generator/plan/plan-names.ts';
import type { SpecIR } from '../../generator/ir/model.ts';
import { compileSpec } from '../../generator/pipeline/front.ts';
import { isObject, type JsonObject } from '../../generator/source/schema-walk.ts';
import { schemaChildren } from '../../generator/source/sub-schemas.ts';
import { projectIR } from '../helpers/spec.ts';

// openapi.d.ts is cached under the document with each model's schema reduced, below its own
// keywords, to where its sub-schemas and refs are (emit/types/openapi-dts-key.ts): openapi-typescript
// prints a model entry as `Models.X` and never what is inside it. Checked against openapi-typescript
// itself: every other keyword inside rewritten, the same key and the same bytes.

const FIXTURES = 'test/fixtures/third-party';

function openapiDts(ir: SpecIR, document: JsonObject): Promise<string> {
  return emitOpenapiDts({ ...ir, document }, modelNames(ir.models, planNames(ir).plan));
}

/** The document with every keyword below each component schema's top that is not where a
 * sub-schema or a ref is rewritten (descriptions, examples, bounds, patterns, formats, types,
 * enums, required lists…); how many were. */
function innerKeywordsRewritten(document: JsonObject): { document: JsonObject; count: number } {
  const copy = structuredClone(document);
  let count = 0;
  const rewrite = (node: unknown) => {
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const rewritten = rewrittenValue(key, value);
      if (rewritten === undefined) continue;
      node[key] = rewritten;
      count++;
    }
    for (const [, child] of schemaChildren(node, { everywhere: true })) rewrite(child);
  };
  const schemas = ((copy.components ?? {}) as JsonObject).schemas as JsonObject | undefined;
  for (const schema of Object.values(schemas ?? {}))
    if (isObject(schema)) for (const [, child] of schemaChildren(schema, { everywhere: true })) rewrite(child);
  return { document: copy, count };
}

function rewrittenValue(key: string, value: unknown): unknown {
  if (['description', 'title', '$comment', 'pattern'].includes(key)) return `rewritten ${String(value)}`;
  if (key === 'example' || key === 'examples' || key === 'enum') return ['rewritten'];
  if (typeof value === 'number') return value + 1;
  if (key === 'type') return value === 'string' ? 'integer' : 'string';
  if (key === 'format') return 'uuid';
  if (key === 'required') return [];
  if (key === 'default' || key === 'const') return 'rewritten';
  if (typeof value === 'boolean') return !value;
  return undefined;
}

describe("openapi.d.ts's cache key", () => {
  it.each([
    ['the project spec', async () => projectIR()],
    [
      'xero-assets.yaml',
      async () => compileSpec({ specDir: FIXTURES, rootFile: 'xero-assets.yaml', houseRules: false }),
    ],
    [
      'openapi-3.0.yaml',
      async () => compileSpec({ specDir: FIXTURES, rootFile: 'openapi-3.0.yaml', houseRules: false }),
    ],
    [
      'DigitalOcean 2020',
      async () =>
        compileSpec({
          specDir: `${FIXTURES}/digitalocean-2020`,
          rootFile: 'DigitalOcean-public.v2.yaml',
          houseRules: false,
        }),
    ],
  ])('leaves out only what openapi-typescript does not print (%s)', async (_name, load) => {
    const ir = await load();
    const printed = await openapiDts(ir, ir.document);
    const { document, count } = innerKeywordsRewritten(ir.document);
    expect(count).toBeGreaterThan(0);
    const models = new Set(ir.models.map((m) => m.name));
    expect(openapiDtsInput(document, models)).toEqual(openapiDtsInput(ir.document, models));
    expect(await openapiDts(ir, document)).toBe(printed);
  });
});

import openapiTS, { astToString, transformSchema, type OpenAPI3, type TransformObject } from 'openapi-typescript';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { openapiTsContext } from '../../generator/emit/types/openapi-ts-context.ts';
import { compileSpec } from '../../generator/pipeline/front.ts';
import { projectIR } from '../helpers/spec.ts';

// emit/types/openapi-dts.ts calls openapi-typescript's `transformSchema` with the context that
// `openapiTS()` would build, skipping the Redocly lint and bundle `openapiTS()` runs first. Checked
// here against `openapiTS()` itself, on our spec and three third-party ones: the same bytes, with
// a transform as ours (every component schema answered with a type reference) and without one.

const FIXTURES = 'test/fixtures/third-party';

/** Every `#/components/schemas/<name>` answered with `Models.<name>`-like reference, as ours does. */
const modelReferences = (_schema: unknown, options: { path?: string }): ts.TypeNode | TransformObject | undefined => {
  const name = /^#\/components\/schemas\/([^/]+)$/.exec(options.path ?? '')?.[1];
  return name === undefined
    ? undefined
    : ts.factory.createTypeReferenceNode(ts.factory.createIdentifier(`Models_${name.replace(/\W/g, '_')}`));
};

async function bothWays(document: OpenAPI3, transform?: typeof modelReferences): Promise<[string, string]> {
  const direct = structuredClone(document);
  const viaOpenapiTS = astToString(await openapiTS(structuredClone(document), { silent: true, transform }));
  return [astToString(transformSchema(direct, openapiTsContext(direct, transform))), viaOpenapiTS];
}

describe('openapiTsContext', () => {
  it.each([
    ['the project spec', async () => projectIR()],
    ['xero-assets.yaml', () => compileSpec({ specDir: FIXTURES, rootFile: 'xero-assets.yaml', houseRules: false })],
    ['openapi-3.0.yaml', () => compileSpec({ specDir: FIXTURES, rootFile: 'openapi-3.0.yaml', houseRules: false })],
    [
      'DigitalOcean 2020',
      () =>
        compileSpec({
          specDir: `${FIXTURES}/digitalocean-2020`,
          rootFile: 'DigitalOcean-public.v2.yaml',
          houseRules: false,
        }),
    ],
  ])('prints what openapiTS() prints (%s)', async (_name, load) => {
    const document = (await load()).document as unknown as OpenAPI3;
    const [withTransform, expectedWithTransform] = await bothWays(document, modelReferences);
    expect(withTransform).toContain('Models_');
    expect(withTransform).toBe(expectedWithTransform);
    const [plain, expectedPlain] = await bothWays(document);
    expect(plain).toBe(expectedPlain);
  });
});

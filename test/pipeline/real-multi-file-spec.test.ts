/** A real multi-file spec, generated as it is: DigitalOcean's public spec as it stood on
 * 2020-08-25 (test/fixtures/third-party/digitalocean-2020/, the repository's `specification/`
 * folder verbatim: 169 files, operations, parameters, responses, models and examples each in a
 * file of their own, reached only by relative `$ref`s; source, commit and sha256 in that folder's
 * README row). The whole tree is generated in-process with --no-house-rules and type-checked
 * as `tsc -p generated` would (its own tsconfig: strict, `.d.ts` files included). */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EMITTER_NAMES } from '../../generator/config.ts';
import { generate, type GenerateResult } from '../../generator/generate.ts';
import { typeCheckProject } from '../helpers/compile.ts';
import { PROJECT_DIR } from '../helpers/spec.ts';

const SPEC_DIR = join(PROJECT_DIR, 'test/fixtures/third-party/digitalocean-2020');
// Inside the project (git-ignored), so the tree's imports (ajv, re2js, deepmerge-ts) resolve from
// its node_modules as they would from a user's generated/.
const ARTIFACTS = join(PROJECT_DIR, 'test/.artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
const OUT_DIR = mkdtempSync(join(ARTIFACTS, 'digitalocean-2020-'));
afterAll(() => rmSync(OUT_DIR, { recursive: true, force: true }));

let generated: Promise<GenerateResult> | undefined;
const tree = () =>
  (generated ??= generate({
    specDir: SPEC_DIR,
    rootFile: 'DigitalOcean-public.v2.yaml',
    outDir: OUT_DIR,
    connectorsDir: join(OUT_DIR, '.no-connectors'),
    houseRules: false,
    emitters: [...EMITTER_NAMES],
  }));

/** What the spec's own files say, read with a plain YAML parser: for each path and method of the
 * root, the operation file its `$ref` names, with that file's operationId and first tag. */
function operationsOnDisk(): { key: string; tag: string }[] {
  const read = (file: string) => parse(readFileSync(join(SPEC_DIR, file), 'utf8')) as Record<string, any>;
  const root = read('DigitalOcean-public.v2.yaml');
  return Object.entries(root.paths as Record<string, Record<string, { $ref: string }>>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, { $ref }]) => {
      const op = read($ref);
      return { key: `${method} ${path} ${op.operationId}`, tag: op.tags[0] as string };
    }),
  );
}

describe("DigitalOcean's multi-file spec (2020-08-25), verbatim", () => {
  it('generates every operation the files hold, a client group per tag, a type per schema', async () => {
    const { files, warnings } = await tree();
    const contents = (path: string) => files.find((f) => f.path === path)!.contents;
    const document = JSON.parse(contents('openapi.json')) as {
      paths: Record<string, Record<string, { operationId: string }>>;
      components: { schemas: Record<string, unknown> };
    };
    const generated = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => `${method} ${path} ${op.operationId}`),
    );
    const expected = operationsOnDisk();
    expect(generated.sort()).toEqual(expected.map((op) => op.key).sort());
    expect(expected.length).toBeGreaterThan(50);
    const groups = files.filter((f) => f.path.startsWith('client/operations/'));
    expect(groups).toHaveLength(new Set(expected.map((op) => op.tag)).size);
    // Schemas from files only $refs reach are hoisted into components, named by their file.
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['droplet', 'ssh_key', 'tag']));
    const types = contents('types/index.ts').match(/^export (?:interface|type) /gm) ?? [];
    expect(types.length).toBeGreaterThanOrEqual(Object.keys(document.components.schemas).length);
    // The two patterns with escapes only unicode mode forbids are warnings, as with any spec.
    expect(warnings.map((w) => `${w.code} ${w.file.split('digitalocean-2020/')[1]}`)).toEqual([
      'schema-pattern resources/tags/models/tag.yml',
      'schema-pattern resources/tags/parameters.yml',
    ]);
  });

  it('type-checks as a whole, as `tsc -p generated` does', async () => {
    await tree();
    expect(typeCheckProject(OUT_DIR)).toBe('');
  });
});

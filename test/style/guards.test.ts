import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run lint` (prettier --check, then ESLint with eslint.config.js) fails on what it is there
 * to stop. Seeded files are linted as text under paths inside the project, so the project's own
 * config and import resolution apply and nothing is written.
 */
const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: PROJECT_DIR });
});

async function problems(file: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: join(PROJECT_DIR, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layer rule', () => {
  it('fails an import against the direction of the layers', async () => {
    const found = await problems(
      'generator/source/seeded.ts',
      "import { EMITTERS } from '../emit/index.ts';\n\nexport const count = EMITTERS.length;\n",
    );
    expect(found).toEqual([
      'boundaries/dependencies: There is no policy allowing dependencies from file of category "source" to file of category "emit"',
    ]);
  });

  it('fails it just the same when the specifier names the .ts file as .js', async () => {
    const found = await problems(
      'generator/source/seeded.ts',
      "import { EMITTERS } from '../emit/index.js';\n\nexport const count = EMITTERS.length;\n",
    );
    expect(found).toEqual([
      'boundaries/dependencies: There is no policy allowing dependencies from file of category "source" to file of category "emit"',
    ]);
  });

  it('fails the generator taking types from generated/ instead of templates/', async () => {
    const found = await problems(
      'generator/connectors/seeded.ts',
      "import type { ConnectorDefinition } from '../../generated/connectors/index.ts';\n\nexport type Loaded = ConnectorDefinition;\n",
    );
    expect(found).toEqual([
      'boundaries/dependencies: There is no policy allowing dependencies from file of category "connector-tools" to file of category "generated"',
    ]);
  });

  it('fails one consumer of the IR importing another (emit → connector tools)', async () => {
    const found = await problems(
      'generator/emit/seeded.ts',
      "import { coverageOf } from '../connectors/coverage.ts';\n\nexport const of = coverageOf;\n",
    );
    expect(found).toEqual([
      'boundaries/dependencies: There is no policy allowing dependencies from file of category "emit" to file of category "connector-tools"',
    ]);
  });

  it('passes the same kind of file importing down the layers and from shared/', async () => {
    const found = await problems(
      'generator/emit/seeded.ts',
      [
        "import type { SpecIR } from '../ir/model.ts';",
        "import { resourceLabels } from '../shared/labels.ts';",
        '',
        'export const labelsOf = (ir: SpecIR) => ir.entities.map((e) => resourceLabels(e.entity));',
        '',
      ].join('\n'),
    );
    expect(found).toEqual([]);
  });

  it('fails a file no layer claims, so a new file cannot slip past the rule', async () => {
    const found = await problems('generator/pipeline/seeded.ts', 'export const stage = 1;\n');
    expect(found).toEqual([
      'boundaries/no-unknown-files: File does not match any file pattern and does not belong to any known element',
    ]);
  });
});

describe('the caps', () => {
  it('fails a function past the complexity cap', async () => {
    const cases = Array.from({ length: 21 }, (_, i) => `  if (n === ${i}) return ${i};`).join('\n');
    const found = await problems(
      'generator/source/seeded.ts',
      `export function pick(n: number): number {\n${cases}\n  return -1;\n}\n`,
    );
    expect(found).toEqual(["complexity: Function 'pick' has a complexity of 22. Maximum allowed is 20."]);
  });
});

describe('the formatter check', () => {
  const file = join(PROJECT_DIR, 'generator/source/seeded.ts');

  it('fails a mis-formatted file that prettier --check would look at', async () => {
    const info = await prettier.getFileInfo(file, { ignorePath: join(PROJECT_DIR, '.prettierignore') });
    expect(info.ignored).toBe(false);
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    expect(await prettier.check('export const  value = {a:1}\n', options)).toBe(false);
    expect(await prettier.check('export const value = { a: 1 };\n', options)).toBe(true);
  });
});

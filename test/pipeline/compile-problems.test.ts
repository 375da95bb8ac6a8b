/** A schema Ajv refuses when the validators are compiled (strict mode, a keyword value of the wrong
 * type) is the input's fault: generate reports it at its file, line and pointer with Ajv's
 * message, never as an internal error with a stack trace, and writes nothing. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../generator/diagnostics.ts';
import { generate } from '../../generator/generate.ts';
import { frontStages } from '../../generator/pipeline/front.ts';
import { asCompileProblems } from '../../generator/validation/compile-problems.ts';
import { tempDirs } from '../helpers/temp.ts';

const tempDir = tempDirs('ledgerspec-compile-problems-');

// Three mistakes the --no-house-rules checks let through: typos of keywords (in a component and in
// an operation's parameter) and 3.0's boolean exclusiveMinimum in a 3.1 document.
const SPEC = `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - name: q
          in: query
          schema: { type: string, maxlength: 3 }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Thing' }
components:
  schemas:
    Thing:
      type: object
      properties:
        name:
          type: string
          minlength: 2
        other: { $ref: '#/components/schemas/Other' }
    Other:
      type: object
      properties:
        size: { type: integer, exclusiveMinimum: true, minimum: 0 }
`;

async function generateFrom(spec: string): Promise<{ error: unknown; outDir: string }> {
  const dir = tempDir();
  mkdirSync(join(dir, 'spec'));
  writeFileSync(join(dir, 'spec/openapi.yaml'), spec);
  const outDir = join(dir, 'generated');
  const config = {
    specDir: join(dir, 'spec'),
    rootFile: 'openapi.yaml',
    outDir,
    connectorsDir: join(dir, 'connectors'),
    houseRules: false,
    // The validators are where Ajv compiles.
    emitters: ['validators'] as const,
  };
  const error = await generate(config).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, outDir };
}

describe('schemas Ajv refuses to compile', () => {
  it('are diagnostics at the keyword or the subschema, with Ajv’s message; nothing is written', async () => {
    const { error, outDir } = await generateFrom(SPEC);
    expect(error).toBeInstanceOf(DiagnosticError);
    const found = (error as DiagnosticError).diagnostics.map(({ code, severity, pointer, line, message }) => ({
      code,
      severity,
      pointer,
      line,
      message,
    }));
    expect(found).toEqual(
      expect.arrayContaining([
        {
          code: 'schema-compile',
          severity: 'error',
          pointer: '/components/schemas/Thing/properties/name',
          line: 22,
          message: expect.stringContaining('unknown keyword: "minlength"'),
        },
        {
          code: 'schema-compile',
          severity: 'error',
          pointer: '/components/schemas/Other/properties/size/exclusiveMinimum',
          line: 29,
          message: expect.stringContaining('exclusiveMinimum must be number, found true'),
        },
        {
          code: 'schema-compile',
          severity: 'error',
          pointer: '/paths/~1things/get/parameters/0/schema',
          line: 10,
          message: expect.stringContaining('unknown keyword: "maxlength"'),
        },
      ]),
    );
    expect(found).toHaveLength(3);
    expect(existsSync(outDir)).toBe(false);
  });

  it('leave an error that is not the input’s fault as it is (an internal error, reported as a bug)', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'openapi.yaml'),
      SPEC.replace('maxlength', 'maxLength')
        .replace('minlength', 'minLength')
        .replace('exclusiveMinimum: true, minimum: 0', 'exclusiveMinimum: 0'),
    );
    const sources = frontStages.load({ specDir: dir, rootFile: 'openapi.yaml' });
    const document = frontStages.normalize(frontStages.bundle(sources));
    const bug = new TypeError('an emitter bug');
    expect(asCompileProblems(bug, document, sources)).toBe(bug);
  });
});

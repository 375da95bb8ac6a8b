import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { standaloneModule } from '../../generator/emit/validators/standalone-code.ts';
import type { JsonObject } from '../../generator/source/schema-walk.ts';
import { countingMemo } from '../helpers/counting-memo.ts';

// standalone.js compiles each model on an Ajv of its own and keeps each model's code in the memo
// (model-chunks.ts): an edit to one model compiles that model only, and a module put together from
// the memo is the one a cold run prints.

const document = (limit: number): JsonObject => ({
  components: {
    schemas: {
      Invoice: {
        type: 'object',
        required: ['lines'],
        properties: {
          lines: { type: 'array', items: { $ref: '#/components/schemas/Line' } },
          contact: { $ref: '#/components/schemas/Contact' },
          status: { $ref: '#/components/schemas/Contact/properties/status' },
        },
      },
      Line: { type: 'object', properties: { amount: { type: 'number', maximum: limit } } },
      Contact: {
        type: 'object',
        properties: {
          status: { enum: ['ACTIVE', 'ARCHIVED'] },
          parent: { $ref: '#/components/schemas/Contact' },
        },
      },
    },
  },
});
const exports = new Map([
  ['Invoice', 'Invoice'],
  ['Line', 'Line'],
  ['Contact', 'Contact'],
]);

async function load(code: string): Promise<Record<string, (data: unknown) => boolean>> {
  return import(`data:text/javascript,${encodeURIComponent(code)}`);
}

describe('standalone.js in chunks', () => {
  it('compiles only the edited model again, into what a cold run prints', () => {
    const { memo, computed } = countingMemo();
    standaloneModule(document(100), exports, memo);
    expect(computed('validator-chunks')).toBe(3);
    const warm = standaloneModule(document(200), exports, memo);
    expect(computed('validator-chunks')).toBe(4);
    expect(warm).toBe(standaloneModule(document(200), exports));
  });

  it('validates across models, recursion and a pointer into another model as one compile does', async () => {
    const { Invoice } = await load(standaloneModule(document(100), exports));
    const valid = {
      lines: [{ amount: 5 }],
      contact: { status: 'ACTIVE', parent: { status: 'ARCHIVED' } },
      status: 'ACTIVE',
    };
    expect(Invoice?.(valid)).toBe(true);
    const invalid = { lines: [{ amount: 500 }], contact: { parent: { status: 'GONE' } }, status: 'NEW' };
    expect(Invoice?.(invalid)).toBe(false);
    const errors = (Invoice as unknown as { errors: { instancePath: string; keyword: string }[] }).errors;
    expect(errors.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual([
      '/lines/0/amount maximum',
      '/contact/parent/status enum',
      '/status enum',
    ]);
  });

  it('compiles a document with unevaluatedProperties whole, its models not called', () => {
    const closed = structuredClone(document(100));
    ((closed.components as JsonObject).schemas as JsonObject).Line = {
      type: 'object',
      properties: { amount: { type: 'number' } },
      unevaluatedProperties: false,
    };
    const { memo, computed } = countingMemo();
    const code = standaloneModule(closed, exports, memo);
    expect(computed('validator-chunks')).toBe(0);
    expect(code).not.toContain('__models');
  });

  it('lets a bundler keep only the validators an app reaches', async () => {
    const module = new URL('../../generated/validators/standalone.js', import.meta.url).pathname;
    const bundled = async (name: string) => {
      const result = await build({
        stdin: {
          contents: `import { ${name} } from ${JSON.stringify(module)}; console.log(${name}({}));`,
          resolveDir: '.',
        },
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'node',
        packages: 'external',
        logLevel: 'silent',
      });
      return result.outputFiles[0]?.text ?? '';
    };
    const whole = readFileSync(module, 'utf8').length;
    const currency = await bundled('Currency');
    expect(currency).toContain('__model_Currency');
    expect(currency).not.toContain('amount_due');
    expect(currency.length).toBeLessThan(whole / 20);
    const invoice = await bundled('Invoice');
    expect(invoice).toContain('__model_LineItem');
    expect(invoice).not.toContain('__model_TrackingCategory =');
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitGeneratedProject } from '../../generator/emit/generated-project.ts';
import { emitTypes } from '../../generator/emit/types.ts';
import { emitValidators } from '../../generator/emit/validators.ts';
import { compileSpec } from '../../generator/pipeline/front.ts';
import { typeCheckProject } from '../helpers/compile.ts';
import { SPEC_DIR, projectIR } from '../helpers/spec.ts';
import { emitToTemp, thirdPartyIR } from './generated.ts';

const ir = await projectIR();
const files = emitValidators(ir);
const contents = (path: string) => files.find((f) => f.path === path)?.contents ?? '';

/** `tsc -p <dir>` in-process: the diagnostics tsc would print, empty when it type-checks. */
function tsc(dir: string): string {
  for (const file of emitGeneratedProject()) writeFileSync(join(dir, file.path), file.contents);
  return typeCheckProject(dir);
}

describe('emitValidators', () => {
  it('writes standalone.js, its declarations, the issue mapping and index.ts under validators/', () => {
    expect(files.map((f) => f.path)).toEqual([
      'validators/index.ts',
      'validators/issues.ts',
      'validators/linear-regexp.d.ts',
      'validators/linear-regexp.js',
      'validators/standalone.d.ts',
      'validators/standalone.js',
    ]);
  });

  it('is byte-identical across runs', () => {
    expect(emitValidators(compileSpec({ specDir: SPEC_DIR, rootFile: 'openapi.yaml' }))).toEqual(files);
  });

  it('emits pure ESM: imports on top, no require() left, one export per model', () => {
    const js = contents('validators/standalone.js');
    // Booleans, not the 1 MB string, in any failure message.
    expect(/\brequire\s*\(/.test(js)).toBe(false);
    expect(js.includes('module.exports')).toBe(false);
    // The linear-time pattern engine (../validators/ resolves from validators/ and server/ alike).
    // First the stamp of the schemas it was compiled from (validate uses the file when it matches).
    expect(js.split('\n')[0]).toMatch(/^\/\/ ledgerspec:schemas [0-9a-f]{64}$/);
    expect(js.split('\n')[1]).toBe('import * as ___validators_linear_regexp_js from "../validators/linear-regexp.js";');
    expect(js.split('\n')[2]).toMatch(/^import \* as __\w+ from "(ajv|ajv-formats)\/dist\/[\w/]+\.js";$/);
    const exported = [...js.matchAll(/export \{ __model_\w+ as (\w+) \};/g)].map((m) => m[1]);
    expect(exported.sort()).toEqual(ir.models.map((m) => m.name).sort());
    // Only validators called through a recursive $ref's wrapper keep the property, set where
    // their record is declared (a plain top-level assignment would keep every validator).
    for (const [, before, n] of js.matchAll(/(.{0,40})\bvalidate(\d+)\.evaluated = /g))
      expect(before?.endsWith(`const __evaluated_validate${n} = `)).toBe(true);
    // Annotations are not embedded: validity does not depend on them.
    const accountDescription = String(ir.models.find((m) => m.name === 'Account')?.schema.description);
    expect(js.includes(accountDescription.slice(0, 40))).toBe(false);
    expect(js.includes('x-entity')).toBe(false);
    expect(contents('validators/standalone.d.ts')).toContain('export declare const InvoicePayment: Validator;');
  });

  it('keeps generated code self-contained and tree-shakable: no generator imports, only functions at the top level', () => {
    for (const file of files) expect(file.contents, file.path).not.toMatch(/from ['"][./]*generator\//);
    const index = contents('validators/index.ts');
    const topLevel = index
      .split('\n')
      .filter((l) => /^\S/.test(l) && !/^(import|export (function|type|\{)|function|\}|\/\*\*| \*)/.test(l));
    expect(topLevel).toEqual([]);
    expect(index).toContain('export function isInvoicePayment(value: unknown): value is T.InvoicePayment {');
    expect(index).toContain(
      'export function assertInvoicePaymentCreate(value: unknown): asserts value is T.InvoicePaymentCreate {',
    );
    expect(index).toContain('export function validateAddress(value: unknown): R.ValidationResult<T.Address> {');
  });

  it('passes tsc --strict for a third-party spec, beside a types stub', () => {
    const emitted = emitToTemp(thirdPartyIR());
    try {
      expect(tsc(emitted.dir)).toBe('');
    } finally {
      emitted.cleanup();
    }
  }, 60_000);

  it('passes tsc --strict for the project, against the generated types', async () => {
    const emitted = emitToTemp(ir, await emitTypes(ir));
    try {
      expect(tsc(emitted.dir)).toBe('');
    } finally {
      emitted.cleanup();
    }
  }, 60_000);
});

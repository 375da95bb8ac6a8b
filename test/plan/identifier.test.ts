import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { identifier, isSafeIdentifier, type Casing } from '../../generator/plan/identifier.ts';

const HOSTILE = [
  'api_error',
  '200',
  'class',
  'a-b.c',
  '名前',
  '__proto__',
  'constructor',
  '',
  'café',
  ' ',
  '2fa',
  '$ref',
];

/** True when `name` can be declared as `casing` says: a type, a const, or an object member. */
function declares(name: string, casing: Casing): boolean {
  const code =
    casing === 'pascal'
      ? `export type ${name} = string;`
      : casing === 'camel'
        ? `export const ${name} = 1;`
        : `export const o = { ${name}: 1 };`;
  const out = ts.transpileModule(code, {
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022 },
  });
  return (out.diagnostics ?? []).length === 0;
}

describe('identifier()', () => {
  it.each([
    ['api_error', 'ApiError', 'api_error', 'api_error'],
    ['200', '_200', '_200', '_200'],
    ['class', 'Class', 'class_', 'class'],
    ['a-b.c', 'ABC', 'aBC', 'aBC'],
    ['名前', 'U540DU524D', 'u540DU524D', 'u540DU524D'],
    ['__proto__', '_Proto__', '__proto___', '__proto___'],
    ['constructor', 'Constructor', 'constructor_', 'constructor_'],
    ['', 'Schema', 'name', 'name'],
    ['café', 'Cafe', 'cafe', 'cafe'],
    ['InvoicePayment', 'InvoicePayment', 'InvoicePayment', 'InvoicePayment'],
    ['listInvoices', 'ListInvoices', 'listInvoices', 'listInvoices'],
  ])('%j → pascal %s, camel %s, member %s', (raw, pascal, camel, member) => {
    expect(identifier(raw, 'pascal')).toBe(pascal);
    expect(identifier(raw, 'camel')).toBe(camel);
    expect(identifier(raw, 'member')).toBe(member);
  });

  it('gives a name every hostile string can be declared as, of safe ASCII only', () => {
    for (const raw of HOSTILE)
      for (const casing of ['pascal', 'camel', 'member'] as const) {
        const name = identifier(raw, casing);
        expect(name, `${JSON.stringify(raw)} as ${casing}`).toMatch(/^[A-Za-z_$][A-Za-z0-9_$]*$/);
        expect(declares(name, casing), `${name} as ${casing}`).toBe(true);
        expect(isSafeIdentifier(name, casing)).toBe(true);
      }
  });

  it('makes type names json-schema-to-typescript keeps as they are (its toSafeString fixed point)', () => {
    for (const raw of [...HOSTILE, 'FOO_BAR', 'v2beta', 'x-entity', 'line_items'])
      expect(identifier(identifier(raw, 'pascal'), 'pascal')).toBe(identifier(raw, 'pascal'));
  });

  it('uses the fallback only for a string with nothing to make a name of', () => {
    expect(identifier('---', 'pascal', 'Model')).toBe('Model');
    expect(identifier('-x-', 'pascal', 'Model')).toBe('X');
  });
});

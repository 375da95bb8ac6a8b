import { describe, expect, it } from 'vitest';
import { printLiteral, printProperty } from '../../generator/shared/literal.ts';

describe('printLiteral: data in its final layout', () => {
  it('keeps a value that fits on one line, with bare identifier keys and single quotes', () => {
    expect(printLiteral({ a: 1, 'b-c': [true, null], d: "it's", e: 'x' }, 2)).toBe(
      `{ a: 1, 'b-c': [true, null], d: "it's", e: 'x' }`,
    );
    expect(printLiteral({ empty: {}, none: [] }, 0)).toBe('{ empty: {}, none: [] }');
  });

  it('breaks a value too wide for the line, one entry a line with trailing commas', () => {
    const wide = { names: Array.from({ length: 12 }, (_, i) => `name_number_${i}`) };
    expect(printLiteral(wide, 2)).toBe(
      `{\n    names: [\n${wide.names.map((n) => `      '${n}',\n`).join('')}    ],\n  }`,
    );
  });

  it('puts a string too long for its key on the next line', () => {
    const text = 'x'.repeat(115);
    expect(printProperty('description', text, 4)).toBe(`description:\n      '${text}'`);
  });

  it('writes __proto__ as a computed key, so it stays an own property', () => {
    const value = JSON.parse('{"__proto__": 1}') as unknown;
    const printed = printLiteral(value, 0);
    expect(printed).toBe("{ ['__proto__']: 1 }");
    expect(Object.keys(new Function(`return ${printed};`)() as object)).toEqual(['__proto__']);
  });

  it('escapes quotes and control characters so the literal reads back as the same value', () => {
    const value = { s: 'a\'b"c\\d\n\u2028', t: "''\"" };
    expect(new Function(`return ${printLiteral(value, 0)};`)()).toEqual(value);
  });
});

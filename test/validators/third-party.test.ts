import { describe, expect, it } from 'vitest';
import { thirdPartyIR, useGeneratedValidators, type Result } from './generated.ts';

const ir = thirdPartyIR();
const validators = useGeneratedValidators(ir);

const dog = { id: 2, petType: 'dog', name: 'Rex', barks: true, nickname: null, tags: ['good'] };
const cat = { id: 3, petType: 'cat', name: 'Tom', lives: 7 };
const order = {
  id: 1,
  pet: dog,
  status: 'placed',
  placedAt: '2024-05-01T10:00:00Z',
  note: null,
  labels: { colour: 'brown', size: 'large' },
  category: {
    name: 'dogs',
    parent: { name: 'pets' },
    children: [{ name: 'terriers', children: [{ name: 'jack russells' }] }],
  },
};

const issues = (model: string, value: unknown) => {
  const result = validators()[`validate${model}`]?.(value) as Result;
  return result.ok ? [] : result.issues;
};

describe('validators for a third-party OpenAPI 3.1 spec', () => {
  it('has a validator per inline component', () => {
    expect(ir.models.map((m) => m.name)).toEqual([
      'Cat',
      'Category',
      'Dog',
      'Labels',
      'Order',
      'OrderStatus',
      'Pet',
      'PetBase',
    ]);
    for (const model of ir.models) expect(typeof validators()[`is${model.name}`]).toBe('function');
  });

  it('accepts valid values: both union variants, a map, a recursive tree, nullable strings', () => {
    expect(validators().isOrder?.(order)).toBe(true);
    expect(validators().isOrder?.({ ...order, pet: cat, category: null, note: 'ring twice' })).toBe(true);
    expect(validators().isPet?.(dog)).toBe(true);
    expect(validators().isPet?.(cat)).toBe(true);
    expect(validators().isLabels?.({})).toBe(true);
    expect(validators().isOrderStatus?.('delivered')).toBe(true);
  });

  it('oneOf with discriminator + mapping: reports the problems of the variant the tag names, not every variant', () => {
    expect(issues('Pet', { ...dog, barks: 'loudly' })).toEqual([
      { pointer: '/barks', message: 'wrong type', keyword: 'type', expected: 'boolean', found: '"loudly"' },
    ]);
    expect(issues('Pet', { ...cat, lives: 12 })).toMatchObject([
      { pointer: '/lives', keyword: 'maximum', expected: 'a number <= 9' },
    ]);
    expect(issues('Order', { ...order, pet: { ...dog, barks: undefined } })).toMatchObject([
      { pointer: '/pet/barks', keyword: 'required', found: 'nothing' },
    ]);
    expect(issues('Pet', { ...dog, petType: 'cow' })).toMatchObject([
      { pointer: '/petType', keyword: 'discriminator', expected: 'one of cat, dog', found: '"cow"' },
    ]);
    const { petType: _t, ...untagged } = cat;
    expect(issues('Pet', untagged)).toMatchObject([
      { pointer: '/petType', message: 'variant tag is missing', found: 'nothing' },
    ]);
  });

  it('allOf: the base schema and the extension both apply', () => {
    expect(issues('Dog', { ...dog, id: 0 })).toMatchObject([{ pointer: '/id', keyword: 'minimum' }]);
    expect(issues('Dog', { ...dog, petType: 'cat' })).toMatchObject([
      { pointer: '/petType', keyword: 'const', expected: 'dog' },
    ]);
  });

  it('enum, additionalProperties map, recursion, nullable type arrays, formats', () => {
    expect(issues('Order', { ...order, status: 'lost' })).toMatchObject([
      { pointer: '/status', keyword: 'enum', expected: 'one of placed, approved, delivered' },
    ]);
    expect(issues('Order', { ...order, labels: { colour: 5 } })).toMatchObject([
      { pointer: '/labels/colour', keyword: 'type', expected: 'string' },
    ]);
    const deep = structuredClone(order);
    (deep.category.children[0]?.children?.[0] as Record<string, unknown>).colour = 'red';
    expect(issues('Order', deep)).toMatchObject([
      { pointer: '/category/children/0/children/0/colour', keyword: 'additionalProperties' },
    ]);
    expect(issues('Order', { ...order, note: 7 })).toMatchObject([
      { pointer: '/note', expected: 'string or null', found: '7' },
    ]);
    expect(issues('Order', { ...order, category: 'dogs' })).toMatchObject([
      { pointer: '/category', expected: 'object or null' },
    ]);
    expect(issues('Order', { ...order, placedAt: 'May 1st' })).toMatchObject([
      { pointer: '/placedAt', keyword: 'format', expected: 'format date-time' },
    ]);
    expect(issues('Order', { ...order, extra: 1 })).toMatchObject([
      { pointer: '/extra', keyword: 'additionalProperties' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { buildIR } from '../../generator/ir/build-ir.ts';
import { planNames } from '../../generator/plan/plan-names.ts';
import type { JsonObject } from '../../generator/source/schema-walk.ts';

const ref = (at: string) => ({ $ref: `#/components/schemas/${at}` });

/** The planned nested types of a document with these components: pointer → `<type> (<by> of <owner>)`. */
function nested(schemas: Record<string, JsonObject>): Record<string, string> {
  const { plan } = planNames(buildIR({ openapi: '3.1.0', paths: {}, components: { schemas } }));
  return Object.fromEntries([...plan.nested].map(([at, n]) => [at, `${n.type} (${n.by} of ${n.owner})`]));
}

const account: JsonObject = {
  type: 'object',
  properties: {
    category: { type: 'string', enum: ['asset', 'liability'] },
    address: { title: 'Address', type: 'object', properties: { city: { type: 'string' } } },
    shipping: { title: 'Address', type: 'object', properties: { city: { type: 'string' } } },
    entries: { type: 'array', items: { title: 'Entry', type: 'object' } },
    line: { type: 'array', items: { type: 'object' } },
    code: { title: 'Code', type: 'string' },
  },
};

const ledger: JsonObject = {
  properties: { category: ref('Account/properties/category'), line: ref('Account/properties/line/items') },
};

describe('nested type names (NamePlan.nested)', () => {
  it('names ref targets by their path and titled sub-schemas by their title, prefixed with the type', () => {
    expect(nested({ Account: account, Ledger: ledger })).toEqual({
      '/components/schemas/Account/properties/category': 'AccountCategory (ref of Account)',
      '/components/schemas/Account/properties/line/items': 'AccountLineItem (ref of Account)',
      '/components/schemas/Account/properties/address': 'AccountAddress (title of Account)',
      // The same titled schema twice in one component is one type; a titled string stays inline.
      '/components/schemas/Account/properties/shipping': 'AccountAddress (title of Account)',
      '/components/schemas/Account/properties/entries/items': 'AccountEntry (title of Account)',
    });
  });

  it('is stable: adding schemas, one wanting an existing nested name, leaves the existing names as they were', () => {
    const before = { Account: account, Ledger: ledger };
    const after = {
      ...before,
      // Its ref target and its titled `Item` both want Account's `AccountLineItem`; their pointers
      // sort after Account's, so they take the name their path gives, or the next number.
      AccountLine: {
        type: 'object',
        properties: { item: { type: 'object' }, thing: { title: 'Item', type: 'object', required: ['n'] } },
      },
      Zeta: { properties: { line: ref('AccountLine/properties/item'), other: { title: 'Entry', enum: [1] } } },
    };
    const old = nested(before);
    const grown = nested(after);
    for (const [at, name] of Object.entries(old)) expect(grown[at], at).toBe(name);
    expect(grown).toMatchObject({
      '/components/schemas/AccountLine/properties/item': 'AccountLineItem2 (ref of AccountLine)',
      '/components/schemas/AccountLine/properties/thing': 'AccountLineThing (title of AccountLine)',
      '/components/schemas/Zeta/properties/other': 'ZetaEntry (title of Zeta)',
    });
  });

  it('never lets a nested name take a model type, and falls back on the path, then a number', () => {
    const names = nested({
      Pet: {
        properties: {
          owner: { title: 'Owner', type: 'object' },
          keeper: { title: 'Owner', type: 'object', properties: { id: { type: 'string' } } },
          vet: { title: 'Owner', type: 'object', required: ['id'] },
        },
      },
      PetOwner: { type: 'object' },
    });
    expect(Object.values(names).sort()).toEqual([
      'PetKeeper (title of Pet)',
      'PetOwner2 (title of Pet)',
      'PetVet (title of Pet)',
    ]);
  });

  it('makes identifiers of hostile titles and property names', () => {
    const names = nested({
      'line-item': {
        properties: {
          a: { title: 'class', type: 'object' },
          b: { title: '200 ok', enum: ['x'] },
          c: { title: '名前/v2', type: 'object' },
          d: { title: '__proto__', allOf: [{ type: 'object' }] },
          'e-f': { items: { title: '', type: 'object' } },
        },
      },
      Other: { properties: { x: ref('line-item/properties/e-f/items') } },
    });
    expect(Object.values(names).sort()).toEqual(
      [
        'LineItemEFItem (ref of line-item)',
        'LineItem_Proto__ (title of line-item)',
        'LineItemU540DU524DV2 (title of line-item)',
        'LineItem_200Ok (title of line-item)',
        'LineItemClass (title of line-item)',
      ].sort(),
    );
    for (const name of Object.values(names)) expect(name.split(' ')[0]).toMatch(/^[A-Za-z_$][A-Za-z0-9_$]*$/);
  });
});

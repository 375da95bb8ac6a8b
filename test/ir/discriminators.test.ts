import { describe, expect, it } from 'vitest';
import { discriminatorSites, reachableModels } from '../../generator/ir/discriminators.ts';

// Discriminated unions and the models a validator reaches are found by walking schema positions
// only: a property may be named like a keyword whose value is data (`default`, `example`, `enum`),
// and is a schema all the same; an `example` keyword's value is data even when it looks like one.

const PET = {
  oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
  discriminator: { propertyName: 'kind' },
};

const document = {
  components: {
    schemas: {
      Cat: { type: 'object', properties: { kind: { const: 'Cat' } } },
      Dog: { type: 'object', properties: { kind: { const: 'Dog' } } },
      Owner: { type: 'object', properties: { name: { type: 'string' } } },
      Settings: {
        type: 'object',
        properties: {
          default: PET,
          example: { $ref: '#/components/schemas/Owner' },
          enum: { type: 'array', items: PET },
        },
        example: { default: PET, owner: { $ref: '#/components/schemas/Owner' } },
        $defs: { saved: PET },
      },
    },
  },
};

describe('discriminated unions and reachable models', () => {
  it('finds a union under a property named like a data keyword, in items and in $defs; none in an example', () => {
    const sites = discriminatorSites(document).filter((s) => s.model === 'Settings');
    expect(sites.map((s) => s.at)).toEqual([
      '#/properties/default/oneOf',
      '#/properties/enum/items/oneOf',
      '#/%24defs/saved/oneOf',
    ]);
    for (const site of sites) expect(site).toMatchObject({ property: 'kind', mapping: { Cat: 'Cat', Dog: 'Dog' } });
  });

  it('reaches the models a property named `example` refers to', () => {
    expect(reachableModels(document, 'Settings')).toEqual(['Cat', 'Dog', 'Owner', 'Settings']);
  });
});

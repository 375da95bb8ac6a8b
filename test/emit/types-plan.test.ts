import { describe, expect, it } from 'vitest';
import { emitTypes } from '../../generator/emit/types.ts';
import { buildIR } from '../../generator/ir/build-ir.ts';
import type { SpecIR } from '../../generator/ir/model.ts';
import { planNames } from '../../generator/plan/plan-names.ts';

// The types emitter decides nothing of its own: nested type names come from the NamePlan and
// discriminated unions from the IR. Each case hands it a plan or an IR edited away from what the
// schemas alone would say, and finds the edit in the output.

const document = {
  openapi: '3.1.0',
  paths: {},
  components: {
    schemas: {
      Cat: { type: 'object', properties: { kind: { type: 'string' } } },
      Dog: { type: 'object', properties: { kind: { type: 'string' } } },
      Pet: {
        oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
        discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } },
      },
      Owner: {
        type: 'object',
        properties: {
          address: { title: 'Address', type: 'object', properties: { city: { type: 'string' } } },
          favourite: { $ref: '#/components/schemas/Pet/oneOf/0' },
        },
      },
    },
  },
};

async function file(ir: SpecIR, path: string, plan = planNames(ir).plan): Promise<string> {
  const files = await emitTypes(ir, { names: plan });
  return files.find((f) => f.path === path)!.contents;
}

describe('the types emitter reads names from the plan and unions from the IR', () => {
  it('declares nested types under the names the plan gives them', async () => {
    const ir = buildIR(document);
    expect(await file(ir, 'types/owner.ts')).toContain('export interface OwnerAddress {');
    const plan = planNames(ir).plan;
    const nested = new Map(plan.nested);
    nested.set('/components/schemas/Owner/properties/address', { type: 'HomeAddress', owner: 'Owner', by: 'title' });
    nested.set('/components/schemas/Pet/oneOf/0', { type: 'FirstPet', owner: 'Pet', by: 'ref' });
    const owner = await file(ir, 'types/owner.ts', { ...plan, nested });
    expect(owner).toContain('export interface HomeAddress {');
    expect(owner).toContain("import type { FirstPet } from './pet.js';");
    expect(owner).not.toContain('OwnerAddress');
    expect(await file(ir, 'types/pet.ts', { ...plan, nested })).toContain('export type FirstPet = Cat\n');
  });

  it("tags a union's branches with the IR's discriminator tags", async () => {
    const ir = buildIR(document);
    const pet = await file(ir, 'types/pet.ts');
    // `cat` by the explicit mapping, `Dog` by the implicit one (its component name).
    expect(pet).toMatch(/kind: "cat"/);
    expect(pet).toMatch(/kind: "Dog"/);
    const edited: SpecIR = {
      ...ir,
      discriminators: ir.discriminators.map((site) => ({ ...site, mapping: { feline: 'Cat', canine: 'Dog' } })),
    };
    const tagged = await file(edited, 'types/pet.ts');
    expect(tagged).toMatch(/kind: "feline"/);
    expect(tagged).toMatch(/kind: "canine"/);
    expect(await file({ ...ir, discriminators: [] }, 'types/pet.ts')).not.toContain('kind');
  });
});

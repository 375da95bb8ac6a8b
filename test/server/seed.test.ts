import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../../generated/server/entities.ts';
import { fromConnectorFixtures } from '../../sandbox/connector-fixtures.ts';
import { CONNECTORS, seedSources, seedStore } from '../../sandbox/seed.ts';
import { idOf } from '../../sandbox/spec-data.ts';

const companies = CONNECTORS.map((c) => `com_${c.slug.replace(/-/g, '_')}`);
const selfRelations = Object.values(ENTITIES).flatMap((meta) =>
  meta.relations.filter((r) => r.entity === meta.name).map((relation) => ({ meta, relation })),
);

describe.each([
  ['spec examples', seedSources],
  ['connector fixtures', [fromConnectorFixtures, ...seedSources]],
] as const)('the seed from %s', (_name, sources) => {
  const store = seedStore(sources);

  it('has self-relations to check', () => {
    expect(selfRelations.map(({ meta, relation }) => `${meta.name}.${relation.field}`)).toContain(
      'tracking_categories.parent_id',
    );
  });

  it('never points a record at itself through a relation to its own entity', () => {
    const offenders: string[] = [];
    for (const { meta, relation } of selfRelations) {
      for (const company of meta.area === 'accounting' ? companies : [null]) {
        for (const record of store.all(meta, company)) {
          const value = record[relation.field];
          const ids = Array.isArray(value) ? value : [value];
          if (ids.includes(idOf(meta, record)))
            offenders.push(`${company} ${meta.name} ${idOf(meta, record)}.${relation.field}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  // Connector fixtures are separate cases of real payloads, whose IDs need not meet; the seed
  // made from the spec examples wires every relation into the company.
  if (sources === seedSources)
    it('points self-relations at records of the same company that exist', () => {
      for (const { meta, relation } of selfRelations) {
        for (const company of meta.area === 'accounting' ? companies : [null]) {
          for (const record of store.all(meta, company)) {
            const value = record[relation.field];
            for (const id of (Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== undefined)) {
              expect(
                store.find(meta, company, String(id)),
                `${meta.name} ${idOf(meta, record)}.${relation.field} → ${String(id)}`,
              ).toBeDefined();
            }
          }
        }
      }
    });
});

describe('seeded tracking categories', () => {
  it('form a tree: one root per company, the others its children', () => {
    const store = seedStore();
    const meta = ENTITIES.tracking_categories;
    if (!meta) throw new Error('no tracking_categories');
    for (const company of companies) {
      const records = store.all(meta, company);
      const roots = records.filter((r) => r.parent_id === null);
      expect(roots, company).toHaveLength(1);
      for (const child of records.filter((r) => r !== roots[0])) expect(child.parent_id).toBe(roots[0]?.platform_id);
    }
  });
});

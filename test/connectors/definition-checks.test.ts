import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { definitionProblems } from '../../generator/connectors/definition-checks.ts';
import type { LoadedConnector } from '../../generator/connectors/load.ts';
import { mappingFacts, type EntityMappingFacts } from '../../generator/shared/mapped-fields.ts';
import { PROJECT_DIR, projectIR } from '../helpers/spec.ts';

let facts: Map<string, EntityMappingFacts>;
beforeAll(async () => {
  facts = new Map(mappingFacts(await projectIR()).map((f) => [f.entity, f]));
});

const write = { rules: {}, map: () => ({}) } as never;
function connector(
  definition: Partial<LoadedConnector['definition']>,
  mappings: LoadedConnector['mappings'] = [],
): LoadedConnector {
  return {
    folder: { platform: 'demo', dir: join(PROJECT_DIR, 'connectors', 'demo'), mappings: [] },
    definition: { name: 'Demo', ...definition },
    mappings,
  };
}
const problems = (c: LoadedConnector) =>
  definitionProblems(c, facts).map(
    (p) => `${p.entity} ${p.pointer}: ${p.message} (expected ${p.expected}, found ${p.found})`,
  );

describe('what connector.ts declares about entities', () => {
  it('accepts a reason with an https documentation page', () => {
    expect(
      problems(
        connector({
          unsupportedEntities: { projects: { reason: 'Demo has no projects.', docs: 'https://demo.example/api' } },
          readOnlyEntities: { items: { reason: 'Items are read only.', docs: 'https://demo.example/items' } },
        }),
      ),
    ).toEqual([]);
  });

  it('refuses a declaration without a reason or a checkable page', () => {
    expect(
      problems(
        connector({
          unsupportedEntities: {
            projects: { reason: ' ', docs: 'https://demo.example' },
            documents: { reason: 'No files.', docs: 'demo.example/files' },
          },
        }),
      ),
    ).toEqual([
      'projects /unsupportedEntities/projects/reason: say why, in a sentence a reader can check (expected a reason, found " ")',
      'documents /unsupportedEntities/documents/docs: name the platform\'s documentation page that shows it (expected an https URL, found "demo.example/files")',
    ]);
  });

  it('refuses declarations that contradict the mappings or the spec', () => {
    const mappings = [
      { entity: 'projects', file: 'projects.ts' },
      { entity: 'items', file: 'items.ts', write },
    ];
    const declared = { reason: 'Because.', docs: 'https://demo.example' };
    expect(
      problems(
        connector(
          {
            unsupportedEntities: { projects: declared, widgets: declared } as never,
            readOnlyEntities: { items: declared, tax_rates: declared } as never,
          },
          mappings,
        ),
      ),
    ).toEqual([
      'projects /unsupportedEntities/projects: declared not supported, but mappings/projects.ts maps it (expected one or the other, found both)',
      'widgets /unsupportedEntities/widgets: no accounting entity "widgets" in the spec (expected an x-entity name, found "widgets")',
      'items /readOnlyEntities/items: declared read only, but mappings/items.ts exports a write mapping (expected one or the other, found both)',
      'tax_rates /readOnlyEntities/tax_rates: the spec takes no writes of "tax_rates": nothing to declare (expected an entity with a Create model, found "tax_rates")',
    ]);
  });
});

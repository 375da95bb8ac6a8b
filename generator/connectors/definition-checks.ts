import { relative } from 'node:path';
import type { UnsupportedEntity } from '../../templates/connectors/runtime/mapping.ts';
import type { ConformanceFailure } from './conformance.ts';
import { connectorFile } from '../shared/connector-layout.ts';
import type { LoadedConnector } from './load.ts';
import type { EntityMappingFacts } from '../shared/mapped-fields.ts';

type Declarations = Readonly<Record<string, UnsupportedEntity | undefined>>;

/**
 * What connector.ts declares about entities, checked against its mappings and the spec: a "not
 * supported" or "read only" entity carries a reason and an https documentation page (the coverage
 * report prints both, and a reader must be able to check them), and a declaration never
 * contradicts a mapping that exists.
 */
export function definitionProblems(
  connector: LoadedConnector,
  facts: ReadonlyMap<string, EntityMappingFacts>,
): ConformanceFailure[] {
  if (connector.error) return [];
  const unsupported = (connector.definition.unsupportedEntities ?? {}) as Declarations;
  const readOnly = (connector.definition.readOnlyEntities ?? {}) as Declarations;
  const problems: Problem[] = [
    ...declarationProblems('unsupportedEntities', unsupported),
    ...declarationProblems('readOnlyEntities', readOnly),
    ...Object.keys(unsupported).flatMap((entity) => unsupportedProblems(connector, facts, entity)),
    ...Object.keys(readOnly).flatMap((entity) => readOnlyProblems(connector, facts, entity)),
  ];
  const file = relative(process.cwd(), connectorFile(connector.folder.dir));
  return problems.map((p) => ({ connector: connector.folder.platform, check: 'load', file, ...p }));
}

type Problem = Pick<ConformanceFailure, 'entity' | 'pointer' | 'message' | 'expected' | 'found'>;

function declarationProblems(key: string, declarations: Declarations): Problem[] {
  return Object.entries(declarations).flatMap(([entity, declared]): Problem[] => {
    const at = `/${key}/${entity}`;
    if (typeof declared?.reason !== 'string' || declared.reason.trim() === '')
      return [
        {
          entity,
          pointer: `${at}/reason`,
          message: 'say why, in a sentence a reader can check',
          expected: 'a reason',
          found: JSON.stringify(declared?.reason) ?? 'nothing',
        },
      ];
    if (typeof declared.docs !== 'string' || !/^https:\/\/[^\s]+$/.test(declared.docs))
      return [
        {
          entity,
          pointer: `${at}/docs`,
          message: "name the platform's documentation page that shows it",
          expected: 'an https URL',
          found: JSON.stringify(declared.docs) ?? 'nothing',
        },
      ];
    return [];
  });
}

function unsupportedProblems(
  connector: LoadedConnector,
  facts: ReadonlyMap<string, EntityMappingFacts>,
  entity: string,
): Problem[] {
  const at = `/unsupportedEntities/${entity}`;
  if (!facts.has(entity))
    return [
      {
        entity,
        pointer: at,
        message: `no accounting entity ${JSON.stringify(entity)} in the spec`,
        expected: 'an x-entity name',
        found: JSON.stringify(entity),
      },
    ];
  if (connector.mappings.some((m) => m.entity === entity))
    return [
      {
        entity,
        pointer: at,
        message: `declared not supported, but mappings/${entity}.ts maps it`,
        expected: 'one or the other',
        found: 'both',
      },
    ];
  return [];
}

function readOnlyProblems(
  connector: LoadedConnector,
  facts: ReadonlyMap<string, EntityMappingFacts>,
  entity: string,
): Problem[] {
  const at = `/readOnlyEntities/${entity}`;
  if (!facts.get(entity)?.write)
    return [
      {
        entity,
        pointer: at,
        message: `the spec takes no writes of ${JSON.stringify(entity)}: nothing to declare`,
        expected: 'an entity with a Create model',
        found: JSON.stringify(entity),
      },
    ];
  if (connector.mappings.find((m) => m.entity === entity)?.write)
    return [
      {
        entity,
        pointer: at,
        message: `declared read only, but mappings/${entity}.ts exports a write mapping`,
        expected: 'one or the other',
        found: 'both',
      },
    ];
  return [];
}

import { existsSync } from 'node:fs';
import type { SpecIR } from '../ir/model.ts';
import type { UnsupportedEntity } from '../../templates/connectors/runtime/mapping.ts';
import type {
  ConformanceTally,
  ConnectorCoverage,
  EntityCoverage,
  FieldCoverage,
  FieldStatus,
} from '../shared/coverage-model.ts';
import type { EntityRun } from './conformance.ts';
import { fixturesDir, mappingFile } from '../shared/connector-layout.ts';
import type { LoadedConnector } from './load.ts';
import { mappingFacts, type EntityMappingFacts, type MappedField } from '../shared/mapped-fields.ts';

export interface Tally {
  mapped: number;
  todo: number;
  notSupported: number;
  noMapping: number;
  total: number;
}

/** Connector × entity × field coverage of the read mappings (and of the write mappings that
 * exist), from the rules themselves: a function is mapped, todo(...) is not, notSupported(...)
 * is what the connector declares the platform lacks. */
export function coverageOf(
  ir: SpecIR,
  connectors: LoadedConnector[],
  runs: readonly EntityRun[] = [],
): ConnectorCoverage[] {
  const facts = mappingFacts(ir);
  return connectors.map((connector) => ({
    platform: connector.folder.platform,
    name: connector.definition.name,
    entities: facts.map((entity) =>
      entityCoverage(
        connector,
        entity,
        runs.find((r) => r.connector === connector.folder.platform && r.entity === entity.entity),
      ),
    ),
  }));
}

function entityCoverage(
  connector: LoadedConnector,
  entity: EntityMappingFacts,
  run: EntityRun | undefined,
): EntityCoverage {
  const mapping = connector.mappings.find((m) => m.entity === entity.entity);
  const writable = entity.write !== undefined;
  if (!mapping?.read) {
    const unsupported = connector.definition.unsupportedEntities?.[entity.entity as never] as
      UnsupportedEntity | undefined;
    const status = unsupported === undefined ? 'no-mapping' : 'not-supported';
    const why = unsupported ? { reason: unsupported.reason, docs: unsupported.docs } : {};
    return {
      entity: entity.entity,
      status,
      ...why,
      writable,
      read: entity.readFields.map((f) => ({
        field: f.name,
        status,
        ...(unsupported ? { note: unsupported.reason } : {}),
      })),
    };
  }
  const readOnly = connector.definition.readOnlyEntities?.[entity.entity as never] as UnsupportedEntity | undefined;
  const fixtures = fixturesDir(connector.folder.dir, entity.entity);
  return {
    entity: entity.entity,
    status: 'mapped',
    writable,
    read: fieldsOf(entity.readFields, mapping.read.rules),
    ...(mapping.write && entity.write ? { write: fieldsOf(entity.write.fields, mapping.write.rules) } : {}),
    ...(readOnly && !mapping.write ? { readOnly } : {}),
    mappingFile: mappingFile(connector.folder.dir, entity.entity),
    ...(existsSync(fixtures) ? { fixturesDir: fixtures } : {}),
    ...(run ? { conformance: tallyRun(run) } : {}),
  };
}

function tallyRun(run: EntityRun): ConformanceTally {
  const { cases, verbatim, constructed, writes, roundTrips } = run;
  return {
    cases,
    verbatim,
    constructed,
    writes,
    roundTrips,
    failures: run.failures.length,
    warnings: run.warnings.length,
  };
}

function fieldsOf(fields: MappedField[], rules: object): FieldCoverage[] {
  const byField = rules as Record<string, unknown>;
  return fields.map((f) => ({ field: f.name, ...classify(byField[f.name]) }));
}

function classify(rule: unknown): Omit<FieldCoverage, 'field'> {
  if (typeof rule === 'function') return { status: 'mapped' };
  const tagged = (rule ?? {}) as { rule?: string; reason?: string; description?: string };
  if (tagged.rule === 'not-supported')
    return { status: 'not-supported', ...(tagged.reason ? { note: tagged.reason } : {}) };
  return { status: 'todo', ...(tagged.description ? { note: tagged.description } : {}) };
}

export function tally(fields: FieldCoverage[]): Tally {
  const count = (status: FieldStatus) => fields.filter((f) => f.status === status).length;
  return {
    mapped: count('mapped'),
    todo: count('todo'),
    notSupported: count('not-supported'),
    noMapping: count('no-mapping'),
    total: fields.length,
  };
}

/** Mapped share of the fields the platform supports (not-supported fields don't count against it). */
export function percentMapped(t: Tally): number {
  const supported = t.total - t.notSupported;
  return supported === 0 ? 100 : Math.round((100 * t.mapped) / supported);
}

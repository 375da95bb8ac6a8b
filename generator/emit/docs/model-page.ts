import type { EntityIR, FieldIR, GeneratedFile, SpecIR } from '../../ir/model.ts';
import type { ConnectorCoverage } from '../../shared/coverage-model.ts';
import { resourceLabels } from '../../shared/labels.ts';
import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import { exampleOf } from './examples.ts';
import { modelPage, operationPage, renderDocsPage } from './html.ts';
import type { NavArea } from './navigation.ts';
import { typeLabel } from './schema-view.ts';

/** Which connectors map one field of one entity, from the mapping rules (no conformance run). */
export interface FieldConnectors {
  mapped: string[];
  notSupported: string[];
}

/** A data-model page per entity: what it is for, its fields with their markers, a full sample
 * record with its relations embedded as `{ "data": … }`, and which connectors fill each field. */
export function emitModelPages(ir: SpecIR, nav: NavArea[], coverage: ConnectorCoverage[] | undefined): GeneratedFile[] {
  return ir.entities.map((entity) => {
    const current = modelPage(ir, entity.name);
    return {
      path: current,
      contents: renderDocsPage('model', {
        ...modelView(ir, entity, coverage),
        nav,
        current,
        title: `${resourceLabels(entity.name, entity.title).pluralHeading} data model`,
      }),
    };
  });
}

export function modelView(ir: SpecIR, entity: EntityIR, coverage: ConnectorCoverage[] | undefined) {
  const labels = resourceLabels(entity.name, entity.title);
  return {
    entity,
    heading: `The ${labels.singular} object`,
    fields: entity.fields.map((field) => fieldView(ir, entity, field, coverage)),
    sample: sampleRecord(ir, entity),
    withCoverage: coverage !== undefined,
    connectors: (coverage ?? []).map((c) => c.name),
    operations: ir.operations
      .filter((op) => op.entity === entity.name)
      .map((op) => ({
        href: operationPage(ir, op),
        method: op.method.toUpperCase(),
        path: op.path,
        summary: op.summary,
      })),
  };
}

function fieldView(ir: SpecIR, entity: EntityIR, field: FieldIR, coverage: ConnectorCoverage[] | undefined) {
  const relation = field.relation ?? entity.fields.find((f) => f.name === field.expands)?.relation;
  return {
    ...field,
    type: typeLabel(ir.schemas, field.schema),
    values: (field.enumValues ?? []).filter((v) => v !== null).map(String),
    relationHref: relation && ir.entities.some((e) => e.name === relation) ? modelPage(ir, relation) : undefined,
    relation,
    ...(coverage ? { connectors: connectorsOf(coverage, entity.name, field.name) } : {}),
  };
}

function connectorsOf(coverage: ConnectorCoverage[], entity: string, field: string): FieldConnectors {
  const result: FieldConnectors = { mapped: [], notSupported: [] };
  for (const connector of coverage) {
    const status = connector.entities.find((e) => e.entity === entity)?.read.find((f) => f.field === field)?.status;
    if (status === 'mapped') result.mapped.push(connector.name);
    if (status === 'not-supported') result.notSupported.push(connector.name);
  }
  return result;
}

/** The entity's example with each relation the example points at embedded as `{ "data": … }`
 * (the related entity's own example), as a response with `expand=` shows it. */
export function sampleRecord(ir: SpecIR, entity: EntityIR): unknown {
  const model = ir.models.find((m) => m.kind === 'entity' && m.entity === entity.name);
  const base = model ? exampleOf(ir.schemas, model.schema) : undefined;
  if (!isObject(base)) return base;
  const record: JsonObject = { ...base };
  for (const field of entity.fields.filter((f) => f.expands && base[f.expands as string] != null)) {
    const embedded = exampleOf(ir.schemas, field.schema);
    if (embedded !== undefined) record[field.name] = embedded;
  }
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]]),
  );
}

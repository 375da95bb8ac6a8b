import type { EntityIR, OperationIR, SpecIR } from '../../ir/model.ts';
import { resourceLabels } from '../../shared/labels.ts';
import { byCodeUnit } from '../../source/compare.ts';
import { modelPage, operationPage } from './html.ts';

export interface NavOperation {
  href: string;
  method: string;
  summary: string;
  operationId: string;
}

export interface NavResource {
  entity: string;
  label: string;
  modelHref: string;
  operations: NavOperation[];
}

export interface NavArea {
  name: string;
  resources: NavResource[];
}

/** Area headings as the reference shows them: the core API, then the accounting resources. */
const AREA_HEADINGS: Record<EntityIR['area'], string> = { core: 'Core', accounting: 'Accounting' };
const METHOD_ORDER = ['get', 'post', 'patch', 'put', 'delete'];

/** The sidebar of every page: Core / Accounting, a resource per entity (its data model and its
 * operations), and operations that belong to no entity under "Other". */
export function navigation(ir: SpecIR): NavArea[] {
  const areas = (['core', 'accounting'] as const).map((area) => ({
    name: AREA_HEADINGS[area],
    resources: ir.entities
      .filter((e) => e.area === area)
      .map((entity) =>
        resourceNav(
          ir,
          entity,
          ir.operations.filter((op) => op.entity === entity.name),
        ),
      )
      .sort((a, b) => byCodeUnit(a.label, b.label)),
  }));
  const orphans = ir.operations.filter((op) => !ir.entities.some((e) => e.name === op.entity));
  const other = orphans.length
    ? [
        {
          name: 'Other',
          resources: [
            { entity: '', label: 'Operations', modelHref: '', operations: orphans.map((op) => operationNav(ir, op)) },
          ],
        },
      ]
    : [];
  return [...areas.filter((a) => a.resources.length), ...other];
}

function resourceNav(ir: SpecIR, entity: EntityIR, operations: OperationIR[]): NavResource {
  return {
    entity: entity.name,
    label: resourceLabels(entity.name, entity.title).pluralHeading,
    modelHref: modelPage(ir, entity.name),
    operations: [...operations].sort(byPathThenMethod).map((op) => operationNav(ir, op)),
  };
}

function operationNav(ir: SpecIR, op: OperationIR): NavOperation {
  return {
    href: operationPage(ir, op),
    method: op.method.toUpperCase(),
    summary: op.summary || op.operationId,
    operationId: op.operationId,
  };
}

function byPathThenMethod(a: OperationIR, b: OperationIR): number {
  return (
    a.path.length - b.path.length ||
    byCodeUnit(a.path, b.path) ||
    METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method)
  );
}

import { relative, sep } from 'node:path';
import type {
  ConformanceTally,
  ConnectorCoverage,
  EntityCoverage,
  FieldCoverage,
  FieldStatus,
} from '../shared/coverage-model.ts';
import { percentMapped, tally } from './coverage.ts';

/**
 * The coverage report as both renderers (Markdown, HTML) show it: per connector a summary, per
 * connector × entity a cell (state, read and write coverage, conformance, fixtures, links), per
 * field a status. Decided once here so the two formats never disagree.
 */
export interface CoverageView {
  connectors: ConnectorSummary[];
  entities: EntityRow[];
}

export type CellState = 'mapped' | 'partial' | 'no-mapping' | 'not-supported';

export const STATE_LABEL: Record<CellState, string> = {
  mapped: 'mapped',
  partial: 'partly mapped',
  'no-mapping': 'not mapped yet',
  'not-supported': 'not supported by the platform',
};

export const FIELD_LABEL: Record<FieldStatus, string> = {
  mapped: 'mapped',
  todo: 'not mapped yet',
  'not-supported': 'not supported by the platform',
  'no-mapping': 'no mapping for this entity',
};

/** `12/13 (92%)`: mapped fields out of those the platform supports. */
export interface Ratio {
  mapped: number;
  supported: number;
  percent: number;
  text: string;
}

export interface ConnectorSummary {
  platform: string;
  name: string;
  read: Ratio;
  /** Over the entities with a write mapping. */
  write: Ratio;
  mapped: number;
  notSupported: number;
  notMappedYet: number;
  readOnly: number;
  /** Writable entities whose writes are not mapped (and not declared read only). */
  writesNotMappedYet: number;
  cases: number;
  verbatim: number;
  constructed: number;
  failingEntities: number;
  warnings: number;
}

export interface Cell {
  platform: string;
  name: string;
  entity: string;
  state: CellState;
  stateLabel: string;
  read?: Ratio;
  write?: Ratio;
  /** Why there is no write coverage, when there is none. */
  writeNote?: 'the spec takes no writes' | 'read only on the platform' | 'writes not mapped yet';
  /** A writable entity the platform takes no writes of: why, and its documentation. */
  readOnly?: { reason: string; docs: string };
  reason?: string;
  docs?: string;
  conformance?: ConformanceTally & { pass: boolean };
  mappingLink?: string;
  fixturesLink?: string;
  fields: FieldCell[];
}

export interface FieldCell {
  field: string;
  status: FieldStatus;
  label: string;
  note?: string;
}

export interface EntityRow {
  entity: string;
  writable: boolean;
  cells: Cell[];
  fields: string[];
}

export function ratio(fields: FieldCoverage[]): Ratio {
  const t = tally(fields);
  const supported = t.total - t.notSupported;
  const percent = percentMapped(t);
  return { mapped: t.mapped, supported, percent, text: `${t.mapped}/${supported} (${percent}%)` };
}

/** `reportDir`: where the report is written; its links are relative to it. */
export function coverageView(report: ConnectorCoverage[], reportDir: string): CoverageView {
  const entities = report[0]?.entities ?? [];
  return {
    connectors: report.map(summaryOf),
    entities: entities.map(({ entity, writable, read }) => ({
      entity,
      writable,
      fields: read.map((f) => f.field),
      cells: report.map((c) =>
        cellOf(
          c,
          c.entities.find((e) => e.entity === entity),
          entity,
          reportDir,
        ),
      ),
    })),
  };
}

function summaryOf(c: ConnectorCoverage): ConnectorSummary {
  const mapped = c.entities.filter((e) => e.status === 'mapped');
  const runs = mapped.flatMap((e) => (e.conformance ? [e.conformance] : []));
  const sum = (pick: (r: (typeof runs)[number]) => number) => runs.reduce((n, r) => n + pick(r), 0);
  return {
    platform: c.platform,
    name: c.name,
    read: ratio(c.entities.flatMap((e) => e.read)),
    write: ratio(mapped.flatMap((e) => e.write ?? [])),
    mapped: mapped.length,
    notSupported: c.entities.filter((e) => e.status === 'not-supported').length,
    notMappedYet: c.entities.filter((e) => e.status === 'no-mapping').length,
    readOnly: mapped.filter((e) => e.readOnly).length,
    writesNotMappedYet: mapped.filter((e) => e.writable && !e.write && !e.readOnly).length,
    cases: sum((r) => r.cases),
    verbatim: sum((r) => r.verbatim),
    constructed: sum((r) => r.constructed),
    failingEntities: runs.filter((r) => r.failures > 0).length,
    warnings: sum((r) => r.warnings),
  };
}

function cellOf(c: ConnectorCoverage, coverage: EntityCoverage | undefined, entity: string, reportDir: string): Cell {
  const base = { platform: c.platform, name: c.name, entity, fields: (coverage?.read ?? []).map(fieldCell) };
  if (!coverage || coverage.status === 'no-mapping')
    return { ...base, state: 'no-mapping', stateLabel: STATE_LABEL['no-mapping'] };
  if (coverage.status === 'not-supported') {
    return {
      ...base,
      state: 'not-supported',
      stateLabel: STATE_LABEL['not-supported'],
      ...(coverage.reason ? { reason: coverage.reason } : {}),
      ...(coverage.docs ? { docs: coverage.docs } : {}),
    };
  }
  const read = ratio(coverage.read);
  const state: CellState = coverage.read.some((f) => f.status === 'todo') ? 'partial' : 'mapped';
  const run = coverage.conformance;
  return {
    ...base,
    state,
    stateLabel: STATE_LABEL[state],
    read,
    ...writeOf(coverage),
    ...(run ? { conformance: { pass: run.failures === 0, ...run } } : {}),
    ...(coverage.mappingFile ? { mappingLink: link(reportDir, coverage.mappingFile) } : {}),
    ...(coverage.fixturesDir ? { fixturesLink: `${link(reportDir, coverage.fixturesDir)}/` } : {}),
  };
}

function writeOf(coverage: EntityCoverage): Pick<Cell, 'write' | 'writeNote' | 'readOnly'> {
  if (coverage.write) return { write: ratio(coverage.write) };
  if (!coverage.writable) return { writeNote: 'the spec takes no writes' };
  if (coverage.readOnly)
    return {
      writeNote: 'read only on the platform',
      readOnly: { reason: coverage.readOnly.reason, docs: coverage.readOnly.docs },
    };
  return { writeNote: 'writes not mapped yet' };
}

function fieldCell(f: FieldCoverage): FieldCell {
  return { field: f.field, status: f.status, label: FIELD_LABEL[f.status], ...(f.note ? { note: f.note } : {}) };
}

/** A link from the report to a file of the project, with forward slashes on any machine. */
function link(reportDir: string, file: string): string {
  return relative(reportDir, file).split(sep).join('/');
}

import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import diff from 'microdiff';
import pointer from 'json-pointer';
import type { SpecIR } from '../ir/model.ts';
import type { SourceFile } from '../source/yaml-file.ts';
import { issuesAt, readDataFile } from '../validation/data-file.ts';
import { compiledValidators, type ModelValidators } from '../validation/model-validators.ts';
import { shortJson } from '../validation/errors.ts';
import {
  fixtureCases,
  fixtureContext,
  fixtureRecords,
  fixturePlatformIds,
  readFixtureMeta,
  recordInPayload,
  type FixtureCase,
  type FixtureMeta,
} from './fixtures.ts';
import {
  checkRecord,
  declaredInvariants,
  type InvariantDeclaration,
  type InvariantFinding,
} from '../invariants/index.ts';
import { roundTripDifferences } from './round-trip.ts';
import { writeBodyOf } from './write-body.ts';
import { connectorFile, listConnectors } from '../shared/connector-layout.ts';
import { definitionProblems } from './definition-checks.ts';
import { loadConnector, type LoadedConnector, type LoadedMapping } from './load.ts';
import { mappingFacts, type EntityMappingFacts } from '../shared/mapped-fields.ts';

/** Which check a failure comes from. */
export type CheckName =
  | 'load'
  | 'fixture'
  | 'meta'
  | 'expected-valid'
  | 'read'
  | 'mapped-valid'
  | 'invariant'
  | 'create-valid'
  | 'write'
  | 'round-trip';

export interface ConformanceFailure {
  connector: string;
  entity: string;
  check: CheckName;
  /** The file the failure is about, relative to the working folder. */
  file: string;
  pointer: string;
  line?: number;
  message: string;
  expected: string;
  found: string;
  /** The file could not be read at all (not a regular file, over the size limit…): exit 2. */
  unreadable?: true;
}

export interface EntityRun {
  connector: string;
  entity: string;
  cases: number;
  writes: number;
  /** Write cases whose request went through the connector's simulated platform and back. */
  roundTrips: number;
  /** Cases whose meta says the raw payload is the platform's own, copied verbatim. */
  verbatim: number;
  /** Cases whose meta says the raw payload was constructed. */
  constructed: number;
  failures: ConformanceFailure[];
  /** Problems that do not fail the run yet (a case without a meta file). */
  warnings: ConformanceFailure[];
}

export interface ConformanceRun {
  connectors: LoadedConnector[];
  entities: EntityRun[];
  failures: ConformanceFailure[];
  warnings: ConformanceFailure[];
}

export interface ConformanceFilter {
  connector?: string;
  entity?: string;
}

/**
 * Runs every connector's mappings over its fixtures. Per fixture case: the expected unified
 * record validates against the entity schema; `read.map(raw)` deep-equals it and validates too;
 * and for a writable mapping, the Create body taken from the expected record validates and
 * `write.map(body)` deep-equals the case's request fixture (at least one case per writable
 * mapping must have one). Every expected and every mapped record is also checked against the
 * entity's invariants (see invariants/): declared sums and signs, references into the
 * connector's fixtures, calendar dates.
 */
export async function runConformance(
  ir: SpecIR,
  connectorsDir: string,
  filter: ConformanceFilter = {},
  validators?: ModelValidators,
): Promise<ConformanceRun> {
  const facts = new Map(mappingFacts(ir).map((f) => [f.entity, f]));
  const folders = listConnectors(connectorsDir).filter((c) => !filter.connector || c.platform === filter.connector);
  const connectors = await Promise.all(folders.map(loadConnector));
  const checker = new Checker(ir, validators ?? (await compiledValidators(ir.document)));
  const entities: EntityRun[] = [];
  for (const connector of connectors) {
    for (const mapping of connector.mappings) {
      if (filter.entity && mapping.entity !== filter.entity) continue;
      entities.push(checker.entity(connector, mapping, facts.get(mapping.entity)));
    }
  }
  const declared = filter.entity ? [] : connectors.flatMap((c) => definitionProblems(c, facts));
  return {
    connectors,
    entities,
    failures: [...declared, ...entities.flatMap((e) => e.failures)],
    warnings: entities.flatMap((e) => e.warnings),
  };
}

/** The checks, with the validators they share. */
class Checker {
  private readonly accountingEntities: ReadonlySet<string>;
  /** Per connector folder: per entity, the platform_ids of its unified fixtures. */
  private readonly fixtureIds = new Map<string, Map<string, Set<string>>>();

  constructor(
    private readonly ir: SpecIR,
    private readonly validators: ModelValidators,
  ) {
    this.accountingEntities = new Set(ir.entities.filter((e) => e.area === 'accounting').map((e) => e.name));
  }

  entity(connector: LoadedConnector, mapping: LoadedMapping, facts: EntityMappingFacts | undefined): EntityRun {
    const platform = connector.folder.platform;
    const run: EntityRun = {
      connector: platform,
      entity: mapping.entity,
      cases: 0,
      writes: 0,
      roundTrips: 0,
      verbatim: 0,
      constructed: 0,
      failures: [],
      warnings: [],
    };
    const fail = (f: Omit<ConformanceFailure, 'connector' | 'entity'>) =>
      run.failures.push({ connector: platform, entity: mapping.entity, ...f });
    const warn = (f: Omit<ConformanceFailure, 'connector' | 'entity'>) =>
      run.warnings.push({ connector: platform, entity: mapping.entity, ...f });
    const problem =
      connector.error ??
      mapping.error ??
      (!facts
        ? `no accounting entity ${JSON.stringify(mapping.entity)} in the spec`
        : !mapping.read
          ? 'the module exports no `read` mapping'
          : undefined);
    if (problem || !facts || !mapping.read) {
      fail({
        check: 'load',
        file: display(connector.error ? connector.folder.dir : mapping.file),
        pointer: '',
        message: problem ?? 'cannot load',
        expected: 'a loadable mapping',
        found: 'an error',
      });
      return run;
    }
    const cases = fixtureCases(connector.folder.dir, mapping.entity);
    for (const fixture of cases) {
      run.cases += 1;
      if (
        this.readCase(connector, mapping, facts, fixture, run, fail, warn) &&
        mapping.write &&
        facts.write &&
        existsSync(fixture.request)
      ) {
        run.writes += 1;
        const request = this.writeCase(connector, mapping, facts.write.model, fixture, fail);
        const stored = connector.definition.storedRecords?.[mapping.entity as never];
        if (request !== undefined && stored) {
          run.roundTrips += 1;
          this.roundTripCase(connector, mapping, stored, request, facts.write.model, fixture, fail);
        }
      }
    }
    if (cases.length === 0)
      fail({
        check: 'fixture',
        file: display(connector.folder.dir),
        pointer: '',
        message: `no fixtures/${mapping.entity}/<case>.raw.json for this mapping`,
        expected: 'at least one fixture case',
        found: 'none',
      });
    else if (mapping.write && run.writes === 0 && !run.failures.length)
      fail({
        check: 'fixture',
        file: display(cases[0]?.request ?? ''),
        pointer: '',
        message: 'a writable mapping needs at least one <case>.request.json',
        expected: 'a request fixture',
        found: 'none',
      });
    else if (mapping.write && run.writes > 0 && !connector.definition.storedRecords?.[mapping.entity as never]) {
      fail({
        check: 'round-trip',
        file: display(connectorFile(connector.folder.dir)),
        pointer: '/storedRecords',
        message: `a writable mapping needs storedRecords.${mapping.entity} in connector.ts, so its writes can be read back`,
        expected: 'the platform record a write stores',
        found: 'none',
      });
    }
    return run;
  }

  /** The read checks of one case; true when the expected record is there and valid. */
  private readCase(
    connector: LoadedConnector,
    mapping: LoadedMapping,
    facts: EntityMappingFacts,
    fixture: FixtureCase,
    run: EntityRun,
    fail: Report,
    warn: Report,
  ): boolean {
    if (!existsSync(fixture.unified)) {
      fail({
        check: 'fixture',
        file: display(fixture.unified),
        pointer: '',
        message: 'no unified record for this fixture',
        expected: 'the unified record the raw payload maps to',
        found: 'no file',
      });
      return false;
    }
    const expected = this.load(fixture.unified, fail);
    if (!expected) return false;
    const validExpected = expected.data === null || this.validate(facts.title, expected, 'expected-valid', fail);
    // Every case names its source: a fixture without a meta file fails (check `meta`).
    const meta = this.meta(fixture, fail, fail);
    if (meta) run[meta.verbatim ? 'verbatim' : 'constructed'] += 1;
    const invariants = (record: unknown, raw: unknown) => this.invariants(connector, facts.title, record, raw, meta);
    // A broken raw payload fails the read; the write checks need only the expected record.
    const raw = this.load(fixture.raw, fail);
    if (!raw) {
      if (validExpected && expected.data !== null)
        this.reportInvariants(invariants(expected.data, undefined), [], expected, 'the unified record', fail);
      return validExpected;
    }
    let mapped: unknown;
    let record: unknown;
    try {
      record = recordInPayload(raw.data, meta, connector.definition.recordOf as never, mapping.entity);
      if (record === undefined) {
        fail({
          check: 'meta',
          file: display(fixture.meta),
          pointer: '/select',
          message: `select ${JSON.stringify(meta?.select)} points at nothing in the raw payload`,
          expected: 'a pointer to the record',
          found: 'no value there',
        });
        return validExpected;
      }
      const skipped = mapping.read?.skip(record as never);
      if (expected.data === null || skipped !== undefined) {
        // `null` as the unified record: this payload is not a record of the entity.
        if (expected.data !== null)
          fail({
            check: 'read',
            file: display(fixture.unified),
            pointer: '',
            message: `read.skip(raw) left the record out: ${skipped}`,
            expected: 'a unified record',
            found: 'skipped',
          });
        else if (skipped === undefined)
          fail({
            check: 'read',
            file: display(fixture.unified),
            pointer: '',
            message:
              'the unified record is null (not a record of this entity) but read.skip(raw) does not leave it out',
            expected: 'skipped with a reason',
            found: 'mapped',
          });
        return false;
      }
      mapped = mapping.read?.map(record as never, this.context(connector));
    } catch (error) {
      fail({
        check: 'read',
        file: display(fixture.raw),
        pointer: '',
        message: `read.map threw: ${(error as Error).message}`,
        expected: 'a unified record',
        found: 'an exception',
      });
      if (validExpected)
        this.reportInvariants(invariants(expected.data, record), [], expected, 'the unified record', fail);
      return validExpected;
    }
    this.compare(expected, mapped, 'read', fail);
    this.validate(facts.title, { path: fixture.unified, data: mapped, lineOf: () => undefined }, 'mapped-valid', fail);
    // The expected record's own findings first; the mapped record's only where they differ, so a
    // wrong value written into both the fixture and the mapping is reported once.
    const ofExpected = validExpected ? invariants(expected.data, record) : [];
    const [acknowledged, unacknowledged] = partitionAcknowledged(ofExpected, meta);
    this.reportInvariants(unacknowledged, [], expected, 'the unified record', fail);
    this.reportInvariants(acknowledged, [], expected, "the platform's own payload (meta: inconsistent)", warn);
    this.reportInvariants(invariants(mapped, record), ofExpected, expected, 'read.map(raw)', fail);
    return validExpected;
  }

  private readonly records = new Map<string, Map<string, Record<string, unknown>[]>>();
  private readonly contexts = new Map<string, ReturnType<typeof fixtureContext>>();

  /** A connector's unified fixture records by entity, read once per run. */
  private recordsOf(connector: LoadedConnector): Map<string, Record<string, unknown>[]> {
    const dir = connector.folder.dir;
    let records = this.records.get(dir);
    if (!records) this.records.set(dir, (records = fixtureRecords(dir)));
    return records;
  }

  /** What a mapping's lookups resolve against: the connector's own unified fixtures. */
  private context(connector: LoadedConnector): never {
    const dir = connector.folder.dir;
    let context = this.contexts.get(dir);
    if (!context) this.contexts.set(dir, (context = fixtureContext(this.recordsOf(connector))));
    return context as never;
  }

  /** What a record breaks of its entity's invariants. */
  private invariants(
    connector: LoadedConnector,
    model: string,
    record: unknown,
    raw: unknown,
    meta: FixtureMeta | undefined,
  ): InvariantFinding[] {
    const dir = connector.folder.dir;
    let ids = this.fixtureIds.get(dir);
    if (!ids) this.fixtureIds.set(dir, (ids = fixturePlatformIds(this.recordsOf(connector))));
    return checkRecord(record, this.declarations(model), {
      document: this.ir.document,
      model,
      connector: connector.folder.platform,
      accountingEntities: this.accountingEntities,
      fixtureIds: ids,
      external: meta?.external ?? [],
      ...(raw === undefined ? {} : { raw }),
    });
  }

  private readonly declared = new Map<string, InvariantDeclaration[]>();

  private declarations(model: string): InvariantDeclaration[] {
    let found = this.declared.get(model);
    if (!found) this.declared.set(model, (found = declaredInvariants(this.ir.document, model)));
    return found;
  }

  /** Findings as failures of check `invariant`, located in the unified fixture; `already` (the
   * expected record's findings) are left out. */
  private reportInvariants(
    findings: InvariantFinding[],
    already: InvariantFinding[],
    expected: SourceFile,
    whose: string,
    fail: Report,
  ): void {
    const key = (f: InvariantFinding) => JSON.stringify([f.kind, f.pointer, f.expected, f.found]);
    const seen = new Set(already.map(key));
    for (const finding of findings) {
      if (seen.has(key(finding))) continue;
      const line = expected.lineOf(finding.pointer);
      fail({
        check: 'invariant',
        file: display(expected.path),
        pointer: finding.pointer,
        ...(line ? { line } : {}),
        message: `${whose}: ${finding.message} [${finding.kind}]`,
        expected: finding.expected,
        found: finding.found,
      });
    }
  }

  /** The case's request as the write mapping makes it, when that could be computed. */
  private writeCase(
    connector: LoadedConnector,
    mapping: LoadedMapping,
    createModel: string,
    fixture: FixtureCase,
    fail: Report,
  ): unknown {
    const request = this.load(fixture.request, fail);
    const expected = this.load(fixture.unified, fail);
    if (!request || !expected) return undefined;
    const body = createBody(expected.data, createModel, this.ir);
    this.validate(createModel, { path: fixture.unified, data: body, lineOf: expected.lineOf }, 'create-valid', fail);
    let mapped: unknown;
    try {
      mapped = mapping.write?.map(body as never, this.context(connector));
    } catch (error) {
      fail({
        check: 'write',
        file: display(fixture.request),
        pointer: '',
        message: `write.map threw: ${(error as Error).message}`,
        expected: 'a platform request',
        found: 'an exception',
      });
      return undefined;
    }
    this.compare(request, mapped, 'write', fail);
    return mapped;
  }

  /** `read(stored(write(body)))` gives back every field the body wrote that both mappings map. */
  private roundTripCase(
    connector: LoadedConnector,
    mapping: LoadedMapping,
    stored: (request: never, context: { platformId: string; now: string }) => unknown,
    request: unknown,
    createModel: string,
    fixture: FixtureCase,
    fail: Report,
  ): void {
    const expected = this.load(fixture.unified, fail);
    if (!expected || !mapping.read || !mapping.write) return;
    const body = createBody(expected.data, createModel, this.ir);
    let back: unknown;
    try {
      back = mapping.read.map(
        stored(request as never, { platformId: 'round-trip-1', now: '2026-01-15T10:00:00.000Z' }) as never,
        this.context(connector),
      );
    } catch (error) {
      fail({
        check: 'round-trip',
        file: display(fixture.request),
        pointer: '',
        message: `read(storedRecords(request)) threw: ${(error as Error).message}`,
        expected: 'a unified record',
        found: 'an exception',
      });
      return;
    }
    const rules = {
      read: mapping.read.rules as Record<string, unknown>,
      write: mapping.write.rules as Record<string, unknown>,
    };
    for (const difference of roundTripDifferences(body, back, rules)) {
      const line = expected.lineOf(difference.pointer);
      fail({
        check: 'round-trip',
        file: display(fixture.unified),
        pointer: difference.pointer,
        ...(line ? { line } : {}),
        message: 'read(storedRecords(write(body))) does not give back the written value',
        expected: shortJson(difference.written),
        found: difference.read === undefined ? 'nothing (not read back)' : shortJson(difference.read),
      });
    }
  }

  /** The case's meta file, checked; undefined when there is none (reported through `missing`)
   * or it is broken (reported). */
  private meta(fixture: FixtureCase, missing: Report, fail: Report): FixtureMeta | undefined {
    if (!existsSync(fixture.meta)) {
      missing({
        check: 'meta',
        file: display(fixture.meta),
        pointer: '',
        message: 'no meta file: where the raw payload was copied from, and which references are external',
        expected: 'a <case>.meta.json',
        found: 'none',
      });
      return undefined;
    }
    const source = this.load(fixture.meta, fail);
    if (!source) return undefined;
    const read = readFixtureMeta(source.data);
    if ('meta' in read) return read.meta;
    const line = source.lineOf(read.pointer);
    fail({
      check: 'meta',
      file: display(fixture.meta),
      pointer: read.pointer,
      ...(line ? { line } : {}),
      message: read.problem,
      expected: 'a fixture meta file',
      found: 'a malformed one',
    });
    return undefined;
  }

  private load(file: string, fail: Report): SourceFile | undefined {
    const read = readDataFile(file);
    if ('source' in read) return read.source;
    const { issue } = read;
    fail({
      check: 'fixture',
      file: display(file),
      pointer: issue.pointer,
      ...(issue.line ? { line: issue.line } : {}),
      message: issue.message,
      expected: issue.expected,
      found: issue.found,
      ...(issue.unreadable ? { unreadable: true as const } : {}),
    });
    return undefined;
  }

  private validate(model: string, source: SourceFile, check: CheckName, fail: Report): boolean {
    const issues = issuesAt(this.validators, model, source.data, source);
    for (const issue of issues) {
      const what =
        check === 'mapped-valid'
          ? `the mapped record is not a valid ${model}: `
          : check === 'create-valid'
            ? `the Create body taken from this record is not a valid ${model}: `
            : '';
      fail({
        check,
        file: display(source.path),
        pointer: issue.pointer,
        ...(issue.line ? { line: issue.line } : {}),
        message: what + issue.message,
        expected: issue.expected,
        found: issue.found,
      });
    }
    return issues.length === 0;
  }

  /** One failure per difference between what the fixture says and what the mapping produced. */
  private compare(expected: SourceFile, found: unknown, check: 'read' | 'write', fail: Report): void {
    if (!isContainer(expected.data) || !isContainer(found)) {
      if (JSON.stringify(expected.data) !== JSON.stringify(found))
        fail({
          check,
          file: display(expected.path),
          pointer: '',
          message: 'mapped value differs',
          expected: shortJson(expected.data),
          found: shortJson(found),
        });
      return;
    }
    for (const change of diff(expected.data, found)) {
      const at = pointer.compile(change.path.map(String));
      const line = expected.lineOf(at);
      const wanted = change.type === 'CREATE' ? 'no such field' : shortJson(change.oldValue);
      const got = change.type === 'REMOVE' ? 'nothing (the mapping left it out)' : shortJson(change.value);
      fail({
        check,
        file: display(expected.path),
        pointer: at,
        ...(line ? { line } : {}),
        message:
          check === 'read'
            ? 'read.map(raw) differs from the unified record'
            : 'write.map(body) differs from the request fixture',
        expected: wanted,
        found: got,
      });
    }
  }
}

type Report = (f: Omit<ConformanceFailure, 'connector' | 'entity'>) => void;

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/** The Create body a unified record stands for: its fields the Create model has, at every depth. */
export function createBody(record: unknown, createModel: string, ir: SpecIR): Record<string, unknown> {
  return writeBodyOf(record, createModel, ir.document);
}

function display(file: string): string {
  return relative(process.cwd(), file) || file;
}

/** Findings at or below a pointer the case's meta declares `inconsistent` (the platform's own
 * payload does not add up there), and the rest. */
function partitionAcknowledged(
  findings: InvariantFinding[],
  meta: FixtureMeta | undefined,
): [InvariantFinding[], InvariantFinding[]] {
  const pointers = Object.keys(meta?.inconsistent ?? {});
  const covered = (f: InvariantFinding) => pointers.some((p) => f.pointer === p || f.pointer.startsWith(`${p}/`));
  return [findings.filter(covered), findings.filter((f) => !covered(f))];
}

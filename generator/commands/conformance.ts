import { join, relative, resolve } from 'node:path';
import type { LedgerspecConfig } from '../config.ts';
import { modelValidators } from '../validation/model-validators.ts';
import type { SpecIR } from '../ir/model.ts';
import {
  runConformance,
  type ConformanceFailure,
  type ConformanceRun,
  type ConformanceFilter,
} from '../connectors/conformance.ts';
import { coverageOf } from '../connectors/coverage.ts';
import { coverageHtml } from '../connectors/coverage-html.ts';
import { coverageMarkdown } from '../connectors/coverage-markdown.ts';
import { coverageView } from '../connectors/coverage-view.ts';
import { listConnectors } from '../shared/connector-layout.ts';
import { planChanges, writeChanges } from '../pipeline/write.ts';
import type { Finding } from './findings.ts';
import { toOutput, type Out, type Output } from './output.ts';
import { printablePath } from './printable.ts';
import { printFindings } from './report.ts';

export interface ConformanceOptions extends ConformanceFilter {
  format: 'text' | 'json' | 'github' | 'sarif';
  /** Where coverage.md and coverage.html go (default: the connectors folder); false: nowhere. */
  report: string | false;
}

export const COVERAGE_FILES = ['coverage.md', 'coverage.html'] as const;

/** `ledgerspec conformance`: every connector's mappings over its fixtures (see runConformance),
 * then the coverage report. Returns the exit code: 1 on any failure, 2 for an unknown filter or a
 * fixture that could not be read at all. */
export async function runConformanceCommand(
  config: LedgerspecConfig,
  ir: SpecIR,
  options: ConformanceOptions,
  sink: Out,
  note?: (line: string) => void,
): Promise<number> {
  const out = toOutput(sink, options.format);
  const unknown = unknownFilter(config, ir, options);
  if (unknown) {
    out.problem(`ledgerspec conformance: ${unknown}`);
    return 2;
  }
  const { validators, why } = await modelValidators(ir, config.outDir);
  if (why)
    (note ?? out.notice)(
      `ledgerspec conformance: compiling validators at run time: ${why} (run \`ledgerspec generate\` to use the generated ones)`,
    );
  const done = out.progress('conformance: running the mappings over their fixtures');
  const run = await runConformance(ir, config.connectorsDir, options, validators).finally(done);
  const written =
    options.report !== false && !options.connector && !options.entity ? writeCoverage(ir, run, options.report) : [];
  if (options.format === 'json')
    out.result(
      JSON.stringify(
        {
          failures: run.failures,
          warnings: run.warnings,
          entities: run.entities.map(({ failures, warnings, ...rest }) => ({
            ...rest,
            failures: failures.length,
            warnings: warnings.length,
          })),
        },
        null,
        2,
      ),
    );
  else if (options.format === 'github' || options.format === 'sarif')
    printFindings(out, [
      ...run.failures.map((f) => finding(f, 'error')),
      ...run.warnings.map((w) => finding(w, 'warning')),
    ]);
  else printText(run, written, out);
  if (run.failures.some((f) => f.unreadable)) return 2;
  return run.failures.length ? 1 : 0;
}

function unknownFilter(config: LedgerspecConfig, ir: SpecIR, filter: ConformanceFilter): string | undefined {
  const platforms = listConnectors(config.connectorsDir).map((c) => c.platform);
  if (filter.connector && !platforms.includes(filter.connector))
    return `no connector ${JSON.stringify(filter.connector)} in ${relative(process.cwd(), config.connectorsDir) || '.'}; there are: ${platforms.join(', ') || 'none'}`;
  if (filter.entity && !ir.entities.some((e) => e.name === filter.entity && e.area === 'accounting'))
    return `no accounting entity ${JSON.stringify(filter.entity)} in the spec`;
  return undefined;
}

/** coverage.md and coverage.html for a run, their links relative to `dir` (where they go). */
export function coverageFiles(ir: SpecIR, run: ConformanceRun, dir: string): { path: string; contents: string }[] {
  const view = coverageView(coverageOf(ir, run.connectors, run.entities), resolve(dir));
  return [
    { path: COVERAGE_FILES[0], contents: coverageMarkdown(view) },
    { path: COVERAGE_FILES[1], contents: coverageHtml(view) },
  ];
}

/** Writes coverage.md and coverage.html when they changed; returns the paths written. */
function writeCoverage(ir: SpecIR, run: ConformanceRun, dir: string): string[] {
  const files = coverageFiles(ir, run, dir);
  // Only these two: planChanges would call every other file of the folder stale.
  const changes = planChanges(dir, files).filter((c) => c.change !== 'removed');
  writeChanges(dir, files, changes);
  return changes.map((c) => relative(process.cwd(), join(dir, c.path)));
}

function printText(run: ConformanceRun, written: string[], out: Output): void {
  for (const failure of run.failures) out.problem(describeFailure(failure));
  for (const warning of run.warnings) out.problem(describeWarning(warning));
  for (const connector of run.connectors) {
    const entities = run.entities.filter((e) => e.connector === connector.folder.platform);
    const failed = entities.reduce((n, e) => n + e.failures.length, 0);
    const cases = entities.reduce((n, e) => n + e.cases, 0);
    const writes = entities.reduce((n, e) => n + e.writes, 0);
    const roundTrips = entities.reduce((n, e) => n + e.roundTrips, 0);
    out.info(
      `${connector.folder.platform}: ${entities.length} mapping(s), ${cases} fixture case(s), ${writes} write(s), ${roundTrips} round trip(s) — ${failed ? `${failed} failure(s)` : 'all pass'}`,
    );
  }
  for (const file of written) out.info(`wrote ${file}`);
  const warned = run.warnings.length ? `, ${run.warnings.length} warning(s)` : '';
  if (run.failures.length) out.problem(`conformance: ${run.failures.length} failure(s)${warned}`);
  else out.info(`conformance: ${run.entities.length} mapping(s) conform${warned}`);
}

function finding(f: ConformanceFailure, level: Finding['level']): Finding {
  return {
    ruleId: f.unreadable ? 'input-unreadable' : `conformance/${f.check}`,
    level,
    message: `${f.connector} ${f.entity} ${f.pointer || '/'}: ${f.message} (expected ${f.expected}, found ${f.found})`,
    file: f.file,
    ...(f.line ? { line: f.line } : {}),
  };
}

/** `FAIL xero invoices connectors/xero/fixtures/invoices/full.unified.json:14 /status: … (expected "Paid", found "Unknown") [read]` */
export function describeFailure(f: ConformanceFailure): string {
  return describe('FAIL', f);
}

/** A warning, in the failure format: `WARN codat invoice_payments …/two_invoices.meta.json /: no meta file … [meta]` */
export function describeWarning(f: ConformanceFailure): string {
  return describe('WARN', f);
}

function describe(level: 'FAIL' | 'WARN', f: ConformanceFailure): string {
  const file = printablePath(f.file);
  const where = f.line ? `${file}:${f.line}` : file;
  return `${level} ${f.connector} ${f.entity} ${where} ${f.pointer || '/'}: ${f.message} (expected ${f.expected}, found ${f.found}) [${f.check}]`;
}

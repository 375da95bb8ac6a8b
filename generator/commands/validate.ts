import { lstatSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { glob } from 'tinyglobby';
import type { ModelIR, SpecIR } from '../ir/model.ts';
import { compiledValidators, modelValidators, type ModelValidators } from '../validation/model-validators.ts';
import { inferModel, modelNamed, recordsOf } from '../validation/records.ts';
import { checkAt, readDataFile, type FileIssue } from '../validation/data-file.ts';
import type { Finding } from './findings.ts';
import { toOutput, type Out, type Output } from './output.ts';
import { printablePath } from './printable.ts';
import { printFindings } from './report.ts';

/** Most issues printed per file; the rest are counted ("and 1,234 more issue(s) not shown"). */
export const MAX_ISSUES_PER_FILE = 100;

export interface ValidateOptions {
  /** x-entity (invoice_payments) or model name (InvoicePayment, InvoicePaymentCreate). */
  entity?: string;
  format: 'text' | 'json' | 'github' | 'sarif';
}

export type { FileIssue };

export interface ValidateContext {
  /** The output folder whose generated validators are used when they are the spec's; without one,
   * validators are compiled now. */
  outDir?: string;
  /** Where a note that is not a result goes (stderr). */
  note?: (line: string) => void;
}

export interface FileReport {
  file: string;
  /** Model the records were validated against; null when none could be chosen. */
  entity: string | null;
  records: number;
  /** The first MAX_ISSUES_PER_FILE issues. */
  issues: FileIssue[];
  /** Issues found beyond those listed. */
  moreIssues: number;
}

/** `ledgerspec validate <files/globs…>`: checks JSON fixtures against the spec's models with the
 * generated validators when they were made from this spec, else with Ajv compiled now (saying so). Returns the exit code: 0 when every record is valid, 1 on any issue in a
 * file, 2 when a file could not be read at all (not a regular file, over the size limit, a
 * symbolic link loop…), no file matches, or --entity names nothing. */
export async function runValidate(
  ir: SpecIR,
  patterns: string[],
  options: ValidateOptions,
  sink: Out,
  context: ValidateContext = {},
): Promise<number> {
  const out = toOutput(sink, options.format);
  const fixed = options.entity === undefined ? undefined : modelNamed(ir, options.entity);
  if (options.entity !== undefined && !fixed) {
    const examples = ir.entities[0]
      ? ` (e.g. ${ir.entities[0].name} or ${ir.entities[0].title})`
      : ir.models[0]
        ? ` (e.g. ${ir.models[0].name})`
        : '';
    out.problem(
      `ledgerspec validate: unknown entity ${JSON.stringify(options.entity)}; pass an x-entity or a model name${examples}`,
    );
    return 2;
  }
  const { files, unmatched } = await expand(patterns);
  if (files.length === 0 || unmatched.length > 0) {
    out.problem(
      `ledgerspec validate: no JSON files match ${(unmatched.length ? unmatched : patterns).map((p) => JSON.stringify(p)).join(', ') || '(no patterns given)'}`,
    );
    return 2;
  }
  const { validators, why } = context.outDir
    ? await modelValidators(ir, context.outDir)
    : { validators: await compiledValidators(ir.document), why: undefined };
  if (why)
    (context.note ?? out.notice)(
      `ledgerspec validate: compiling validators at run time: ${why} (run \`ledgerspec generate\` to use the generated ones)`,
    );
  const reports = files.map((file) => validateFile(ir, validators, file, fixed));
  print(reports, out);
  if (reports.some((r) => r.issues.some((i) => i.unreadable))) return 2;
  return reports.some((r) => r.issues.length > 0) ? 1 : 0;
}

async function expand(patterns: string[]): Promise<{ files: string[]; unmatched: string[] }> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const isDir = isFolder(pattern);
    // Symbolic links are not followed into folders: a link to a parent folder would loop.
    const found = isDir
      ? await glob(['**/*.json'], { cwd: pattern, absolute: true, followSymbolicLinks: false })
      : namesAnEntry(pattern)
        ? [pattern]
        : await glob([pattern], { absolute: true, expandDirectories: false, followSymbolicLinks: false });
    if (found.length === 0) unmatched.push(pattern);
    for (const file of found) files.add(relative(process.cwd(), file) || file);
  }
  return { files: [...files].sort(), unmatched };
}

/** A folder, or a symbolic link to one. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Something is there, even a link that leads nowhere or into a loop: named on the command line,
 * it is read (and reported as unreadable), not taken for a glob that matches nothing. */
function namesAnEntry(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function validateFile(ir: SpecIR, validators: ModelValidators, file: string, fixed: ModelIR | undefined): FileReport {
  const report = (entity: string | null, records: number, issues: FileIssue[], uncollected = 0): FileReport => ({
    file,
    entity,
    records,
    issues: issues.slice(0, MAX_ISSUES_PER_FILE),
    moreIssues: Math.max(0, issues.length - MAX_ISSUES_PER_FILE) + uncollected,
  });
  const parsed = readDataFile(file);
  if ('issue' in parsed) return report(fixed?.name ?? null, 0, [parsed.issue]);
  let model = fixed;
  if (!model) {
    const inferred = inferModel(ir, file);
    if (!('model' in inferred)) {
      const why =
        'ambiguous' in inferred
          ? `its path could name ${inferred.ambiguous.join(' or ')}`
          : 'no folder or file name in its path names one';
      const example = ir.entities[0]?.name ?? ir.models[0]?.name ?? 'Name';
      return report(null, 0, [
        {
          pointer: '',
          message: `cannot tell which entity this file holds: ${why}; pass --entity <x-entity or model name>, e.g. --entity ${example}`,
          keyword: 'entity',
          expected: 'an entity named by --entity or by the path',
          found: 'nothing',
        },
      ]);
    }
    model = inferred.model;
  }
  const records = recordsOf(parsed.source.data, model);
  const checked = records.map((record) => checkAt(validators, model.name, record.value, parsed.source, record.pointer));
  return report(
    model.name,
    records.length,
    checked.flatMap((c) => c.issues),
    checked.reduce((n, c) => n + c.uncollected, 0),
  );
}

function print(reports: FileReport[], out: Output): void {
  if (out.format === 'json') return out.result(JSON.stringify({ files: reports }, null, 2));
  if (out.format === 'github' || out.format === 'sarif') return printFindings(out, reports.flatMap(findingsOf));
  for (const { file, issues, moreIssues } of reports) {
    const name = printablePath(file);
    for (const i of issues)
      out.problem(
        `${i.line ? `${name}:${i.line}` : name} ${i.pointer || '/'}: ${i.message} (expected ${i.expected}, found ${i.found})`,
      );
    if (moreIssues > 0)
      out.problem(`${name}: and ${moreIssues} more issue(s) not shown (at most ${MAX_ISSUES_PER_FILE} per file)`);
  }
  const records = reports.reduce((n, r) => n + r.records, 0);
  const issues = reports.reduce((n, r) => n + r.issues.length + r.moreIssues, 0);
  const bad = reports.filter((r) => r.issues.length > 0).length;
  if (issues === 0) out.info(`ledgerspec validate: ${records} record(s) in ${reports.length} file(s) valid`);
  else
    out.problem(
      `ledgerspec validate: ${issues} issue(s) in ${bad} of ${reports.length} file(s) (${records} record(s) checked)`,
    );
}

function findingsOf({ file, issues }: FileReport): Finding[] {
  return issues.map((i) => ({
    ruleId: i.unreadable ? 'input-unreadable' : `validate/${i.keyword}`,
    level: 'error',
    message: `${i.pointer || '/'}: ${i.message} (expected ${i.expected}, found ${i.found})`,
    file,
    ...(i.line ? { line: i.line } : {}),
  }));
}

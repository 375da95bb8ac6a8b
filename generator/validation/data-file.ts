import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { DiagnosticError } from '../diagnostics.ts';
import { parseSourceText, type SourceFile } from '../source/yaml-file.ts';
import { jsonSyntaxError } from './json-syntax.ts';
import { ajvIssues } from './errors.ts';
import { modelValidator, type documentAjv } from './document-ajv.ts';
import type { JsonObject } from '../source/schema-walk.ts';

/** One problem with a data file (a fixture, a payload), located in that file. */
export interface FileIssue {
  /** JSON pointer into the file (the record's position included: `/data/3/amount`). */
  pointer: string;
  line?: number;
  message: string;
  keyword: string;
  expected: string;
  found: string;
}

/** A JSON (or YAML) data file: JSON parsed strictly (JSON.parse), positions from the YAML parser
 * (JSON is YAML), so every pointer into it has a line. A file that cannot be read or parsed is an
 * issue naming the line, not an exception. */
export function readDataFile(file: string): { source: SourceFile } | { issue: FileIssue } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    return { issue: { pointer: '', message: `cannot read file: ${(error as Error).message}`, keyword: 'file', expected: 'a readable JSON file', found: 'nothing' } };
  }
  const yaml = /\.ya?ml$/i.test(extname(file));
  let data: unknown;
  try {
    data = yaml ? undefined : JSON.parse(text);
  } catch (error) {
    return { issue: syntaxIssue(text) };
  }
  try {
    const source = parseSourceText(file, text);
    return { source: yaml ? source : { ...source, data } };
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    const [first] = error.diagnostics;
    if (yaml) return { issue: { pointer: '', message: `malformed YAML: ${first?.message ?? 'cannot parse'}`, keyword: 'syntax', expected: 'valid YAML', found: 'nothing', ...(first?.line ? { line: first.line } : {}) } };
    // Valid JSON the YAML parser refuses (a duplicate key, say): records still check, lines fall back to 1.
    return { source: { path: file, data, lineOf: () => 1 } };
  }
}

function syntaxIssue(text: string): FileIssue {
  const { offset, line, reason } = jsonSyntaxError(text);
  const near = (text.slice(offset).split('\n')[0] ?? '').slice(0, 20);
  return { pointer: '', line, message: `malformed JSON: ${reason}`, keyword: 'syntax', expected: 'valid JSON', found: near ? JSON.stringify(near) : 'end of file' };
}


/** The issues of `value` (found at `base` in `source`) against `model`, each with its pointer into
 * the file and that pointer's line: what validate and conformance both report. */
export function issuesAt(ajv: ReturnType<typeof documentAjv>, document: JsonObject, model: string, value: unknown, source: Pick<SourceFile, 'lineOf'>, base = ''): FileIssue[] {
  const validate = modelValidator(ajv, model);
  if (validate(value)) return [];
  return ajvIssues(ajv, document, validate.errors, value).map((issue) => {
    const pointer = base + issue.pointer;
    const line = source.lineOf(pointer);
    return { ...issue, pointer, ...(line === undefined ? {} : { line }) };
  });
}

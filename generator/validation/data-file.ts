import { extname } from 'node:path';
import { DiagnosticError } from '../diagnostics.ts';
import { parseSourceText, positionsOf, type SourceFile } from '../source/yaml-file.ts';
import { readUtf8 } from '../shared/read-utf8.ts';
import { jsonProblem, MAX_DATA_DEPTH, type JsonProblem } from './json-syntax.ts';
import { readRegularFile, MAX_DATA_FILE_BYTES } from './regular-file.ts';
import { toIssues, uncollectedErrors } from '../../templates/validators/issues.ts';
import type { ModelValidators } from './model-validators.ts';

/** One problem with a data file (a fixture, a payload), located in that file. */
export interface FileIssue {
  /** JSON pointer into the file (the record's position included: `/data/3/amount`). */
  pointer: string;
  line?: number;
  message: string;
  keyword: string;
  expected: string;
  found: string;
  /** The file could not be read at all (missing, not a regular file, over the size limit): the
   * commands exit 2 for it, not 1. */
  unreadable?: true;
}

export { MAX_DATA_FILE_BYTES, MAX_DATA_DEPTH };

/** A JSON (or YAML) data file: read only if it is a regular file within MAX_DATA_FILE_BYTES,
 * UTF-8, and (JSON) free of duplicate keys, numbers out of range and nesting deeper than
 * MAX_DATA_DEPTH; JSON parsed strictly (JSON.parse), positions from the YAML parser (JSON is
 * YAML), so every pointer into it has a line. A file that cannot be read or parsed is an issue
 * naming the line, not an exception. */
export function readDataFile(file: string): { source: SourceFile } | { issue: FileIssue } {
  const read = readRegularFile(file);
  if ('unreadable' in read) {
    return {
      issue: {
        pointer: '',
        message: `cannot read file: ${read.unreadable}`,
        keyword: 'file',
        expected: `a readable regular file of at most ${MAX_DATA_FILE_BYTES} bytes`,
        found: 'nothing',
        unreadable: true,
      },
    };
  }
  const decoded = readUtf8(read.bytes);
  if ('syntax' in decoded) {
    return {
      issue: {
        pointer: '',
        line: decoded.syntax.line,
        message: `not UTF-8: ${decoded.syntax.message}`,
        keyword: 'encoding',
        expected: 'UTF-8 text',
        found: 'other bytes',
      },
    };
  }
  const text = decoded.text.replace(/^\uFEFF/, '');
  return /\.ya?ml$/i.test(extname(file)) ? readYaml(file, text) : readJson(file, text);
}

function readJson(file: string, text: string): { source: SourceFile } | { issue: FileIssue } {
  const problem = jsonProblem(text);
  if (problem) return { issue: jsonIssue(text, problem) };
  const data: unknown = JSON.parse(text);
  // Lines come from the YAML parser (JSON is YAML), asked for only when a problem names one: most
  // files have none, and parsing a file as YAML costs ten times JSON.parse. Valid JSON the YAML
  // parser refuses (a key over 1,024 characters, say) still checks; its lines fall back to 1.
  return { source: { path: file, data, lineOf: positionsOf(file, text, 1) } };
}

function readYaml(file: string, text: string): { source: SourceFile } | { issue: FileIssue } {
  let source: SourceFile;
  try {
    source = parseSourceText(file, text);
  } catch (error) {
    const first = error instanceof DiagnosticError ? error.diagnostics[0] : undefined;
    const message =
      first?.message ?? `cannot parse (${error instanceof RangeError ? 'nested too deeply' : 'parser failure'})`;
    return {
      issue: {
        pointer: '',
        message: `malformed YAML: ${message}`,
        keyword: 'syntax',
        expected: 'valid YAML',
        found: 'nothing',
        ...(first?.line ? { line: first.line } : {}),
      },
    };
  }
  const shape = shapeProblem(source.data);
  if (!shape) return { source };
  const line = source.lineOf(shape.pointer);
  return {
    issue: {
      pointer: shape.pointer,
      message: shape.message,
      keyword: shape.keyword,
      expected: shape.expected,
      found: shape.found,
      ...(line ? { line } : {}),
    },
  };
}

const KEYWORD_OF: Record<JsonProblem['kind'], string> = {
  syntax: 'syntax',
  'duplicate-key': 'duplicate-key',
  'number-range': 'number',
  depth: 'depth',
};
const EXPECTED_OF: Record<JsonProblem['kind'], string> = {
  syntax: 'valid JSON',
  'duplicate-key': 'each key once per object',
  'number-range': 'a number a 64-bit float holds',
  depth: `at most ${MAX_DATA_DEPTH} levels of arrays and objects`,
};

function jsonIssue(text: string, problem: JsonProblem): FileIssue {
  const near = (text.slice(problem.offset, problem.offset + 200).split('\n')[0] ?? '').slice(0, 20);
  const message = problem.kind === 'syntax' ? `malformed JSON: ${problem.reason}` : problem.reason;
  return {
    pointer: '',
    line: problem.line,
    message,
    keyword: KEYWORD_OF[problem.kind],
    expected: EXPECTED_OF[problem.kind],
    found: near ? JSON.stringify(near) : 'end of file',
  };
}

/** Nesting deeper than MAX_DATA_DEPTH or a number out of range in parsed data (YAML reads `1e400`
 * as Infinity too), found without recursion. */
function shapeProblem(data: unknown): Omit<FileIssue, 'line'> | undefined {
  const stack: { value: unknown; depth: number; pointer: string }[] = [{ value: data, depth: 1, pointer: '' }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, depth, pointer } = next;
    if (typeof value === 'number' && !Number.isFinite(value))
      return {
        pointer,
        message: `number ${value} is beyond what a 64-bit float holds`,
        keyword: 'number',
        expected: EXPECTED_OF['number-range'],
        found: String(value),
      };
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DATA_DEPTH)
      return {
        pointer,
        message: `nested deeper than ${MAX_DATA_DEPTH} levels of arrays and objects`,
        keyword: 'depth',
        expected: EXPECTED_OF.depth,
        found: 'deeper nesting',
      };
    const entries = Array.isArray(value) ? value.map((item, i) => [String(i), item] as const) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i] as readonly [string, unknown];
      stack.push({
        value: item,
        depth: depth + 1,
        pointer: `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      });
    }
  }
  return undefined;
}

/** The issues of `value` (found at `base` in `source`) against `model`, each with its pointer into
 * the file and that pointer's line: what validate and conformance both report. */
export function issuesAt(
  validators: ModelValidators,
  model: string,
  value: unknown,
  source: Pick<SourceFile, 'lineOf'>,
  base = '',
): FileIssue[] {
  return checkAt(validators, model, value, source, base).issues;
}

/** issuesAt, and how many errors were found beyond those the validator keeps
 * (MAX_COLLECTED_ERRORS): only counted, never described. */
export function checkAt(
  validators: ModelValidators,
  model: string,
  value: unknown,
  source: Pick<SourceFile, 'lineOf'>,
  base = '',
): { issues: FileIssue[]; uncollected: number } {
  const validate = validators.get(model);
  if (validate(value)) return { issues: [], uncollected: 0 };
  const issues = toIssues(validate.errors ?? [], value, validators.discriminators()).map((issue) => {
    const pointer = base + issue.pointer;
    const line = source.lineOf(pointer);
    return { ...issue, pointer, ...(line === undefined ? {} : { line }) };
  });
  return { issues, uncollected: uncollectedErrors(validate) };
}

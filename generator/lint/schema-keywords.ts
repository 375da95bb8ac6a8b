import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import pointer from 'json-pointer';
import { safeRegex } from 'safe-regex2';
import linearRegExp from '../../templates/validators/linear-regexp.js';
import type { Diagnostic, Severity } from '../diagnostics.ts';
import { isObject, type JsonObject } from '../source/schema-walk.ts';
import type { SpecSources } from '../source/spec-sources.ts';
import type { SourceFile } from '../source/yaml-file.ts';
import { KNOWN_FORMATS } from '../validation/unknown-formats.ts';
import { unknownKeywordProblems } from './unknown-keywords.ts';
import type { LintMemo } from './context.ts';
import { META_SCHEMA_2020, metaSchemaValidator } from './meta-schema-validator.ts';

/** Keys whose values are data, not schemas: a `pattern` or `format` key in an example is a value. */
const DATA_KEYS = new Set(['examples', 'example', 'enum', 'const', 'default', 'x-platform-required', 'x-invariants']);

export interface KeywordCheckOptions {
  /** An unknown `format`: an error under the house rules; with --no-house-rules a warning, and
   * the validators ignore it, as other JSON Schema tools do. */
  unknownFormat: Severity;
  /** generate's memo, for the meta-schema's compiled validator (meta-schema-validator.ts). */
  memo?: LintMemo;
}

/** The keywords that make a schema fail to compile, or compile into something dangerous,
 * reported at their own file, line and keyword before Ajv sees them (Ajv would stop at the first,
 * with no file or line): a `pattern` that is no regular expression, one RE2 cannot match in
 * linear time, one that backtracks catastrophically in other tools (a warning), an unknown
 * `format`. Walks every spec file with an explicit stack, so no nesting overflows it. */
export function schemaKeywordProblems(sources: SpecSources, options: KeywordCheckOptions): Diagnostic[] {
  const files = [sources.root, ...sources.schemas.map((s) => s.file), ...sources.paths, ...sources.referenced];
  return [
    ...sources.schemas.flatMap((s) => [...metaSchemaProblems(s.file, options.memo), ...unknownKeywordProblems(s.file)]),
    ...files.flatMap((file) => checkFile(file, options)),
  ];
}

let metaAjv: Ajv2020 | undefined;

/** The meta-schema's errors for a schema file, or undefined when it has none. A file naming
 * another `$schema` is checked as Ajv checks it (by that meta-schema, if Ajv has it). */
function metaSchemaErrors(data: JsonObject, memo: LintMemo | undefined): ErrorObject[] | undefined {
  if (data.$schema !== undefined && data.$schema !== META_SCHEMA_2020) {
    metaAjv ??= new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    return metaAjv.validateSchema(data) ? undefined : (metaAjv.errors ?? []);
  }
  const validate = metaSchemaValidator(memo);
  return validate(data) ? undefined : (validate.errors ?? []);
}

/** A keyword whose value JSON Schema 2020-12 does not allow (`type: strnig`, `required: true`,
 * `minLength: "5"`), at its own line: Ajv would refuse the whole file with no line, and every file
 * referring to it would follow. One problem per keyword (the meta-schema reports each up to three
 * ways: enum, type, anyOf). */
function metaSchemaProblems(file: SourceFile, memo: LintMemo | undefined): Diagnostic[] {
  if (!isObject(file.data)) return [];
  const errors = metaSchemaErrors(file.data, memo);
  if (!errors) return [];
  const byKeyword = new Map<string, Diagnostic>();
  for (const error of errors) {
    if (byKeyword.has(error.instancePath)) continue;
    const found = pointer.has(file.data, error.instancePath || '/')
      ? JSON.stringify(pointer.get(file.data, error.instancePath || '/'))
      : 'nothing';
    const allowed =
      error.keyword === 'enum'
        ? ` (one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})`
        : '';
    const line = file.lineOf(error.instancePath);
    byKeyword.set(error.instancePath, {
      code: 'schema-keyword',
      severity: 'error',
      file: file.path,
      pointer: error.instancePath,
      ...(line ? { line } : {}),
      message: `not a valid JSON Schema 2020-12 keyword value: ${error.message ?? error.keyword}${allowed}, found ${found.slice(0, 80)}`,
    });
  }
  return [...byKeyword.values()];
}

function checkFile(file: SourceFile, options: KeywordCheckOptions): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const report = (severity: Severity, code: string, at: string, message: string) => {
    const line = file.lineOf(at);
    problems.push({ code, severity, message, file: file.path, pointer: at, ...(line ? { line } : {}) });
  };
  const stack: { node: unknown; at: string }[] = [{ node: file.data, at: '' }];
  while (stack.length > 0) {
    const { node, at } = stack.pop() as { node: unknown; at: string };
    if (Array.isArray(node)) node.forEach((item, i) => stack.push({ node: item, at: `${at}/${i}` }));
    if (!isObject(node)) continue;
    if (typeof node.pattern === 'string') checkPattern(node.pattern, `${at}/pattern`, report);
    if (isObject(node.patternProperties))
      for (const key of Object.keys(node.patternProperties))
        checkPattern(key, `${at}/patternProperties/${pointer.escape(key)}`, report);
    if (typeof node.format === 'string' && !KNOWN_FORMATS.has(node.format)) {
      const ignored = options.unknownFormat === 'warning' ? '; validators ignore it' : '';
      report(
        options.unknownFormat,
        'schema-format',
        `${at}/format`,
        `unknown format ${JSON.stringify(node.format)}${ignored} (known: ${[...KNOWN_FORMATS].join(', ')})`,
      );
    }
    for (const [key, value] of Object.entries(node)) {
      if (!DATA_KEYS.has(key) && typeof value === 'object' && value !== null)
        stack.push({ node: value, at: `${at}/${pointer.escape(key)}` });
    }
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

type Report = (severity: Severity, code: string, at: string, message: string) => void;

function checkPattern(pattern: string, at: string, report: Report): void {
  const unicodeProblem = unicodeModeProblem(pattern);
  if (unicodeProblem && !validWithoutUnicodeMode(pattern))
    return report(
      'error',
      'schema-pattern',
      at,
      `not a valid regular expression (ECMA-262, as JSON Schema requires): ${unicodeProblem}`,
    );
  if (unicodeProblem)
    report(
      'warning',
      'schema-pattern',
      at,
      `valid ECMA-262 only outside unicode mode (${unicodeProblem.replace(/^Invalid regular expression: /, '')}), which JSON Schema asks tools to use: ledgerspec's validators match it as written, but stricter tools reject it; drop the needless escape`,
    );
  try {
    linearRegExp(pattern, 'u');
  } catch (error) {
    return report(
      'error',
      'schema-pattern',
      at,
      `the validators match patterns in linear time (RE2), which cannot run this one: ${(error as Error).message.replace(/^error parsing regexp: /, '')} (lookahead, lookbehind and backreferences are not supported)`,
    );
  }
  if (!safeRegex(pattern))
    report(
      'warning',
      'pattern-backtracking',
      at,
      `${JSON.stringify(pattern)} can backtrack catastrophically (nested or overlapping repetition): ledgerspec's validators match it in linear time, but other tools that read the spec may stall on it; write it without a repeated repetition`,
    );
}

/** Why the pattern does not compile in unicode mode (the `u` flag JSON Schema implies), if it does not. */
function unicodeModeProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Real specs write identity escapes such as `\:` that only unicode mode forbids (DigitalOcean's
 * tag names): a warning, not a refusal, when the pattern is fine without it. */
function validWithoutUnicodeMode(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

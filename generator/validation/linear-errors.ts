/** Rewrites of the validation code Ajv (8.x) generates, so that a value with any number of
 * problems costs time linear in its size and memory bounded by a constant. Used on the code Ajv
 * compiles at run time (its `code.process` option) and on the standalone code `generate` writes;
 * test/hostile/linear-validation.test.ts fails when an Ajv spelling is no longer rewritten. */

// Most errors one validator function keeps (`validate.errors`); beyond it errors are only
// counted (`validate.errorCount`). Defined beside the issue mapping the generated code ships.
import { MAX_COLLECTED_ERRORS } from '../../templates/validators/issues.ts';

export { MAX_COLLECTED_ERRORS };

/** Both rewrites, in the order they need. */
export function boundedErrors(code: string): string {
  return capCollectedErrors(linearErrorMerge(code));
}

// Ajv merges the errors of a validator it calls for a `$ref` with
// `vErrors = vErrors === null ? validateN.errors : vErrors.concat(validateN.errors);`, copying
// every error collected so far on each failing call: an array of 32,000 bad items whose item
// schema is a `$ref` took 38 s. This appends in place (the same errors in the same order).
const CONCAT = /vErrors = vErrors === null \? ([A-Za-z_$][\w$.]*\.errors) : vErrors\.concat\(\1\);/g;

export function linearErrorMerge(code: string): string {
  return code.replace(
    CONCAT,
    (_match, errors: string) =>
      `if (vErrors === null) {vErrors = ${errors};} else {for (const __error of ${errors}) vErrors.push(__error);}`,
  );
}

/** Whether `code` still holds a merge that copies (a new Ajv spelling the rewrite does not know). */
export function hasCopyingMerge(code: string): boolean {
  return /vErrors\.concat\(/.test(code);
}

// Ajv keeps two counts in step: the `errors` counter, which decides validity (`_errsN === errors`,
// `return errors === 0`), and the `vErrors` array of error objects. Collecting 400,000 error
// objects for one bad megabyte took seconds and a second of garbage collection. The rewrites below
// keep the counter exact and the array at most MAX_COLLECTED_ERRORS long, holding the invariant
// `vErrors.length === min(errors, MAX)` (null for 0):
// - a new error is pushed only while the array is short of the cap (the counter always counts);
// - a merged callee adds its own counter (`errorCount`), and its errors only up to the cap;
// - a union or `not` that discards its branches' errors truncates to the saved count only when
//   the array is longer than that (it can never be lengthened into holes).
const PUSH = /if\(vErrors === null\)\{vErrors = \[(err\d+)\];\}else \{vErrors\.push\(\1\);\}errors\+\+;/g;
const MERGE =
  /if \(vErrors === null\) \{vErrors = ([A-Za-z_$][\w$.]*)\.errors;\} else \{for \(const __error of \1\.errors\) vErrors\.push\(__error\);\}errors = vErrors\.length;/g;
const RESET = /if\(vErrors !== null\)\{if\((_errs\d+)\)\{vErrors\.length = \1;\}else \{vErrors = null;\}\}/g;
const RETURN = /(validate\d+)\.errors = vErrors;/g;

export function capCollectedErrors(code: string): string {
  const cap = String(MAX_COLLECTED_ERRORS);
  return code
    .replace(
      PUSH,
      (_m, err: string) =>
        `if(vErrors === null){vErrors = [${err}];}else if(vErrors.length < ${cap}){vErrors.push(${err});}errors++;`,
    )
    .replace(
      MERGE,
      (_m, callee: string) =>
        `{const __count = ${callee}.errorCount ?? ${callee}.errors.length;if (vErrors === null) {vErrors = ${callee}.errors;} else {for (const __error of ${callee}.errors) {if (vErrors.length >= ${cap}) break;vErrors.push(__error);}}errors += __count;}`,
    )
    .replace(
      RESET,
      (_m, saved: string) =>
        `if(vErrors !== null){if(${saved}){if(vErrors.length > ${saved}) vErrors.length = ${saved};}else {vErrors = null;}}`,
    )
    .replace(RETURN, (_m, fn: string) => `${fn}.errors = vErrors;${fn}.errorCount = errors;`);
}

/** What the cap rewrite left alone: an unguarded push, a merge that recounts from the array, a
 * truncation that could lengthen, a validator that does not publish its count. Empty when `code`
 * is fully bounded. */
export function unboundedErrorSites(code: string): string[] {
  const sites = [
    ...code.matchAll(/\}else \{vErrors\.push\(err\d+\);\}/g),
    ...code.matchAll(/errors = vErrors\.length;/g),
    ...code.matchAll(/\{vErrors\.length = _errs\d+;\}/g),
    ...code.matchAll(/(validate\d+)\.errors = vErrors;(?!\1\.errorCount = errors;)/g),
  ];
  return sites.map((m) => code.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + m[0].length));
}

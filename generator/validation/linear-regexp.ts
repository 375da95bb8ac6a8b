import linearRegExp from '../../templates/validators/linear-regexp.js';

/** The engine every Ajv of ledgerspec matches `pattern` with (Ajv's `code.regExp`). `code` is what
 * standalone code calls instead: the copy generate writes beside standalone.js (its `require` is
 * turned into an import like Ajv's own runtime helpers). */
export const LINEAR_REGEXP = Object.assign((pattern: string, flags: string) => linearRegExp(pattern, flags), {
  code: 'require("./linear-regexp.js").default',
});

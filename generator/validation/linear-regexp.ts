import linearRegExp from '../../templates/validators/linear-regexp.js';

/** The engine every Ajv of ledgerspec matches `pattern` with (Ajv's `code.regExp`). `code` is what
 * standalone code calls instead: the copy generate writes to generated/validators/ (its `require`
 * is turned into an import like Ajv's own runtime helpers). The path is relative to the module
 * that imports it, and standalone code is written one folder below generated/ (validators/,
 * server/), so `../validators/` reaches it from each. */
export const LINEAR_REGEXP = Object.assign((pattern: string, flags: string) => linearRegExp(pattern, flags), {
  code: 'require("../validators/linear-regexp.js").default',
});

import standaloneCode from 'ajv/dist/standalone/index.js';
import type { JsonObject } from '../../source/schema-walk.ts';
import { documentAjv, modelKey } from '../../validation/document-ajv.ts';
import { SCHEMAS_STAMP, standaloneInputs, type ValidatorExports } from '../../validation/schemas-stamp.ts';
import { boundedErrors } from '../../validation/linear-errors.ts';
import { NO_MEMO, type Memo } from '../../cache/memo.ts';
import { hashOf } from '../../cache/store.ts';
import { chunkedStandalone } from './model-chunks.ts';
import { esmOnly, hoistEvaluated } from './standalone-rewrites.ts';

/** Ajv standalone code for every model, one ESM export per model (its planned name). Compiled at generate time
 * from the document with annotations stripped (Ajv embeds each compiled schema in the code, and
 * descriptions and examples change nothing about validity), then made tree-shakable and pure
 * ESM: every `require("<module>")` Ajv emits for a runtime helper becomes a namespace import,
 * named after the module, at the top (standalone-rewrites.ts). Deterministic: each model compiles
 * on a fresh Ajv of its own (model-chunks.ts), or all in name order on one. */
export function standaloneModule(document: JsonObject, exports: ValidatorExports, memo: Memo = NO_MEMO): string {
  const { lean, names, parts } = standaloneInputs(document, exports);
  // Compiling is a pure function of what is left once annotations are stripped: a description edit
  // (or any edit outside components.schemas) is answered from the cache; a model edit compiles
  // that model's chunk only (model-chunks.ts).
  return memo.sync('validators', parts, () => {
    const stamp = `${SCHEMAS_STAMP} ${hashOf(...parts)}\n`;
    return stamp + (chunkedStandalone(lean, names, exports, memo) ?? compiledWhole(lean, names, exports));
  });
}

/** One Ajv over the whole document, every model exported from it: for documents whose models
 * cannot call each other (see chunkedStandalone). */
function compiledWhole(lean: JsonObject, names: readonly string[], exports: ValidatorExports): string {
  const ajv = documentAjv(lean, { code: { source: true, esm: true, lines: false } });
  const refs = Object.fromEntries(names.map((name) => [exports.get(name) as string, modelKey(name)]));
  return esmOnly(hoistEvaluated(boundedErrors(standaloneCode.default(ajv, refs))));
}

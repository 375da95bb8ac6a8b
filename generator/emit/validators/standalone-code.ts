import standaloneCode from 'ajv/dist/standalone/index.js';
import type { JsonObject } from '../../source/schema-walk.ts';
import { documentAjv, modelKey } from '../../validation/document-ajv.ts';
import { SCHEMAS_STAMP, standaloneInputs, type ValidatorExports } from '../../validation/schemas-stamp.ts';
import { boundedErrors } from '../../validation/linear-errors.ts';
import { NO_MEMO, type Memo } from '../../cache/memo.ts';
import { hashOf } from '../../cache/store.ts';

/** Ajv standalone code for every model, one ESM export per model (its planned name). Compiled at generate time
 * from the document with annotations stripped (Ajv embeds each compiled schema in the code, and
 * descriptions and examples change nothing about validity), then made tree-shakable and pure
 * ESM: every `require("<module>")` Ajv emits for a runtime helper becomes a namespace import,
 * named after the module, at the top. Deterministic: models compile in name order on a fresh Ajv. */
export function standaloneModule(document: JsonObject, exports: ValidatorExports, memo: Memo = NO_MEMO): string {
  const { lean, names, parts } = standaloneInputs(document, exports);
  // Compiling is a pure function of what is left once annotations are stripped: a description edit
  // (or any edit outside components.schemas) is answered from the cache.
  return memo.sync('validators', parts, () => {
    const ajv = documentAjv(lean, { code: { source: true, esm: true, lines: false } });
    const refs = Object.fromEntries(names.map((name) => [exports.get(name) as string, modelKey(name)]));
    return `${SCHEMAS_STAMP} ${hashOf(...parts)}\n${esmOnly(hoistEvaluated(boundedErrors(standaloneCode.default(ajv, refs))))}`;
  });
}

/** `require("x/y").z` → `__cjs(__x_y).z`, with `import * as __x_y from "x/y.js"` on top. Node's ESM
 * loader needs the file extension for a package's deep path. `__cjs` gives back what `require`
 * would have: Node's namespace of a CommonJS module holds `module.exports` as `default`, while
 * bundlers (honouring `__esModule`) spread its exports into the namespace itself. */
export function esmOnly(code: string): string {
  const imports = new Map<string, string>();
  const body = code
    .replace(/^"use strict";\s*/, '')
    .replace(/require\(\s*"([^"]+)"\s*\)/g, (_match, specifier: string) => {
      const local = `__${specifier.replace(/[^A-Za-z0-9]+/g, '_')}`;
      imports.set(specifier, local);
      return `/*#__PURE__*/ __cjs(${local})`;
    });
  if (/\brequire\s*\(/.test(body))
    throw new Error('Ajv standalone code has a require() ledgerspec cannot turn into an import');
  const header = [...imports]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([specifier, local]) => `import * as ${local} from ${JSON.stringify(withExtension(specifier))};`);
  if (imports.size > 0) header.push('const __cjs = (ns) => (ns.default && ns.default.__esModule ? ns.default : ns);');
  return `${header.join('\n')}\n${body.trim()}\n`;
}

/** Ajv 2020 records on each validator function what it evaluated (`validate12.evaluated = {…};`), a
 * top-level property assignment that bundlers must keep, and with it every validator. Each record
 * becomes a plain `const __evaluated_validate12 = {…};` (the functions read it only when called),
 * so an unused validator can be dropped. */
export function hoistEvaluated(code: string): string {
  const assignment = /\b(validate\d+)\.evaluated = (?=\{)/g;
  const names = new Set<string>();
  let out = '';
  let from = 0;
  for (let match = assignment.exec(code); match; match = assignment.exec(code)) {
    const end = endOfJsonObject(code, assignment.lastIndex);
    if (end < 0 || code[end] !== ';') continue;
    const name = match[1] as string;
    names.add(name);
    out += `${code.slice(from, match.index)}const __evaluated_${name} = ${code.slice(assignment.lastIndex, end)}`;
    from = end;
    assignment.lastIndex = end;
  }
  out += code.slice(from);
  out = out.replace(/\b(validate\d+)\.evaluated\b/g, (read, name: string) =>
    names.has(name) ? `__evaluated_${name}` : read,
  );
  // A recursive $ref (a schema that reaches itself: TreeNode, Expr → Sum → Expr) is called
  // through a wrapper (`const wrapper1 = {validate: validate56}`) that reads
  // `wrapper1.validate.evaluated`: those validators keep the property too (`const __evaluated_validate56 = validate56.evaluated = {…};`).
  const read = new Set([...out.matchAll(/\b(wrapper\d+)\.validate\.evaluated\b/g)].map((m) => m[1] as string));
  const wrapped = new Set(
    [...out.matchAll(/\bconst (wrapper\d+) = \{validate: (validate\d+)\}/g)]
      .filter((m) => read.has(m[1] as string))
      .map((m) => m[2] as string),
  );
  return out.replace(/\bconst __evaluated_(validate\d+) = /g, (declaration, name: string) =>
    wrapped.has(name) ? `${declaration}${name}.evaluated = ` : declaration,
  );
}

/** Index just past the JSON object starting at `start` (strings may hold braces), or -1. */
function endOfJsonObject(code: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

function withExtension(specifier: string): string {
  const deep = specifier.startsWith('@') ? specifier.split('/').length > 2 : specifier.includes('/');
  return deep && !/\.[cm]?js$/.test(specifier) ? `${specifier}.js` : specifier;
}

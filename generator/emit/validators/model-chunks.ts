import standaloneCode from 'ajv/dist/standalone/index.js';
import pointer from 'json-pointer';
import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import { schemaChildren } from '../../source/sub-schemas.ts';
import { documentAjv, modelKey } from '../../validation/document-ajv.ts';
import { boundedErrors } from '../../validation/linear-errors.ts';
import type { ValidatorExports } from '../../validation/schemas-stamp.ts';
import type { Memo } from '../../cache/memo.ts';
import {
  MODEL_CALL,
  modelCallKeyword,
  siblingName,
  siblingModel,
  usesContextKeywords,
  reachedComponents,
} from './model-calls.ts';
import { esmParts, hoistEvaluated, importHeader, type EsmParts } from './standalone-rewrites.ts';

/* standalone.js as one chunk per model: each model compiled by an Ajv of its own, over its schema
 * alone, where every `$ref` to a model is a call to that model's export (model-calls.ts). A chunk
 * is a pure function of its model's schema (and what it reaches inside other schemas by pointer),
 * so the memo keeps each one: an edit to one model compiles that model only. A chunk's names
 * (validate10, schema3…) are its own, inside a function scope, so chunks compiled in any order,
 * or taken from the memo, make the same module as a cold run. */

type Lean = { components: { schemas: JsonObject } };

/** The modules's text after the stamp line, or undefined for a document whose validators depend
 * on what their callees evaluated (unevaluated*, dynamic refs): those compile whole. */
export function chunkedStandalone(
  lean: Lean,
  names: readonly string[],
  exports: ValidatorExports,
  memo: Memo,
): string | undefined {
  const schemas = lean.components.schemas;
  if (usesContextKeywords(schemas)) return undefined;
  const called = new Set(exports.keys());
  let checked = false;
  // What Ajv refuses in the whole document (a keyword's value of the wrong type…) it refuses as
  // before: the chunks' Ajvs skip checking each schema against the meta-schema, this one does it.
  const checkOnce = () => void (checked ||= documentAjv(lean) !== undefined);
  const chunks = names.map((name) => {
    const document = chunkDocument(name, schemas, called);
    const exported = exports.get(name) as string;
    const parts = [JSON.stringify(document), name, exported, JSON.stringify(calleeExports(document, exports))];
    const code = memo.sync('validator-chunks', parts, () => {
      checkOnce();
      return compileChunk(document, name, exported, exports);
    });
    return { exported, parts: esmParts(code) };
  });
  return moduleText(chunks);
}

/** The schemas one model's chunk compiles over: its own, with model refs as calls, and whatever
 * it still refers to (a schema that is not a model, the part of a model a pointer names). */
function chunkDocument(name: string, schemas: JsonObject, called: ReadonlySet<string>): Lean {
  const reached = reachedComponents([{ $ref: `#/components/schemas/${pointer.escape(name)}` }], schemas, called);
  return { components: { schemas: reached } };
}

/** The export names a chunk's code calls, which its text depends on. */
function calleeExports(document: Lean, exports: ValidatorExports): string[] {
  const models = new Set<string>();
  const walk = (node: unknown) => {
    if (!isObject(node)) return;
    if (typeof node[MODEL_CALL] === 'string') models.add(node[MODEL_CALL]);
    for (const [, child] of schemaChildren(node, { everywhere: true })) walk(child);
  };
  for (const schema of Object.values(document.components.schemas)) walk(schema);
  return [...models].sort().map((model) => `${model}\0${exports.get(model)}`);
}

function compileChunk(document: Lean, name: string, exported: string, exports: ValidatorExports): string {
  const ajv = documentAjv(document, {
    code: { source: true, esm: true, lines: false },
    validateSchema: false,
    keywords: [modelCallKeyword(exports, siblingModel)],
  });
  return hoistEvaluated(boundedErrors(standaloneCode.default(ajv, { [exported]: modelKey(name) })));
}

/** The imports of every chunk, once; then each chunk in a scope of its own, a module-level const
 * (siblingName) exported under the model's name. The call that makes a chunk is marked pure: a
 * bundler drops the validators an app never reaches. */
function moduleText(chunks: { exported: string; parts: EsmParts }[]): string {
  const imports = new Map<string, string>();
  for (const { parts } of chunks) for (const [specifier, local] of parts.imports) imports.set(specifier, local);
  return `${importHeader(imports)}\n${chunks.map(({ exported, parts }) => chunkText(exported, parts.body)).join('\n')}\n`;
}

/** `export const Invoice = validate10;…` → the chunk's body in a function that returns validate10. */
function chunkText(exported: string, body: string): string {
  const head = `export const ${exported} = `;
  const match = new RegExp(`^${head.replace(/\$/g, '\\$')}(validate\\d+);`).exec(body);
  if (!match) throw new Error(`validators: the chunk of ${exported} does not start with its export`);
  const inner = body.slice(match[0].length).trim();
  const local = siblingName(exported);
  return `const ${local} = /*#__PURE__*/ (() => {${inner}\nreturn ${match[1]};})();\nexport { ${local} as ${exported} };`;
}

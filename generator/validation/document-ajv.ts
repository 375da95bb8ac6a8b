import { Ajv2020, type Options, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import pointer from 'json-pointer';
import { SPEC_EXTENSIONS } from '../spec-extensions.ts';
import { LINEAR_REGEXP } from './linear-regexp.ts';
import { ignoreUnknownFormats } from './unknown-formats.ts';
import { isObject, type JsonObject } from '../source/schema-walk.ts';
import { boundedErrors } from './linear-errors.ts';
import { shareMetaSchema } from './shared-meta-schema.ts';

/** The `$id` the bundled document is registered under inside a document Ajv. */
export const DOCUMENT_ID = 'ledgerspec:openapi';

/** OpenAPI 3.1 Schema Object keywords that JSON Schema does not define: annotations to Ajv.
 * `discriminator` is one of them: Ajv's own discriminator support rejects `mapping`, so the
 * `oneOf`/`anyOf` beside it decides validity, as JSON Schema alone would. */
export const OPENAPI_SCHEMA_ANNOTATIONS = ['discriminator', 'xml', 'externalDocs', 'example'] as const;

/** Options every document Ajv shares, runtime and standalone alike, so both report the same
 * errors: 2020-12, formats checked, every error, refs compiled as functions of their own (smaller
 * standalone code; error schema paths relative to the component). Strict about what changes
 * validity (an unknown keyword — a misspelt one — is an error, as are bad numbers); Ajv's style
 * checks (`type` beside every `properties`, `required` names declared in the same schema, tuple
 * bounds) are off: valid JSON Schema breaks them all the time, across `allOf` branches above all,
 * and third-party specs must compile. */
export const DOCUMENT_AJV_OPTIONS: Options = {
  strict: true,
  strictTypes: false,
  strictRequired: false,
  strictTuples: false,
  allowUnionTypes: true,
  allErrors: true,
  inlineRefs: false,
  // A property named `constructor` or `toString` is absent unless the value has it as its own:
  // without this, `data.constructor !== undefined` reads Object.prototype's and fails `type`.
  ownProperties: true,
  // `pattern` runs in linear time (RE2), here and in the standalone code: see linear-regexp.ts.
  code: { regExp: LINEAR_REGEXP },
};

/** One Ajv over the bundled, normalized document: the document is registered as a schema whose
 * `components` and `paths` are annotations, so every `#/components/schemas/<Name>` ref inside it
 * resolves locally. Strict mode stays on; the vendor extensions the spec declares, plus any other
 * `x-` key the document uses (OpenAPI allows them on every Schema Object) and OpenAPI's own
 * schema keywords, are annotations. */
export function documentAjv(document: JsonObject, options: Options = {}): Ajv2020 {
  // Patterns matched in linear time (linear-regexp.ts); errors merged in place, not copied
  // (linear-errors.ts): every error costs one step. An Ajv compiling standalone code (`source`)
  // runs none of its functions: its callers rewrite the module they print instead.
  const process = options.code?.source === true ? undefined : boundedErrors;
  const code = { ...DOCUMENT_AJV_OPTIONS.code, ...options.code, regExp: LINEAR_REGEXP, process };
  const ajv = new Ajv2020({ ...DOCUMENT_AJV_OPTIONS, ...options, code });
  addFormats.default(ajv);
  // A keyword given in `options.keywords` keeps its definition (the server's model calls).
  for (const keyword of annotationKeywords(document)) if (!ajv.getKeyword(keyword)) ajv.addKeyword({ keyword });
  ignoreUnknownFormats(ajv, document);
  // Not for an Ajv printing standalone code: the meta-schema's functions take names in its scope
  // (validate0, schema1…), so the code it prints would depend on whether an earlier Ajv had
  // compiled it, and a second generate in one process (--watch) would print other names.
  if (options.validateSchema !== false && options.code?.source !== true) shareMetaSchema(ajv);
  // Only the parts schemas live in: Ajv compiles the document root when it resolves a pointer.
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components ?? {}, paths: document.paths ?? {} });
  return ajv;
}

/** The Ajv key of a component schema: `ledgerspec:openapi#/components/schemas/<name>`. */
export function modelKey(name: string): string {
  return `${DOCUMENT_ID}#/components/schemas/${encodeURIComponent(pointer.escape(name))}`;
}

/** The compiled validator of `#/components/schemas/<name>` (compiled once, then cached by Ajv). */
export function modelValidator(ajv: Ajv2020, name: string): ValidateFunction {
  const validate = ajv.getSchema(modelKey(name));
  if (!validate) throw new Error(`no schema #/components/schemas/${name} in the document`);
  return validate;
}

function annotationKeywords(document: JsonObject): string[] {
  const keywords = new Set<string>([
    ...Object.keys(SPEC_EXTENSIONS),
    ...OPENAPI_SCHEMA_ANNOTATIONS,
    'components',
    'paths',
  ]);
  collectExtensions(document.components, keywords);
  collectExtensions(document.paths, keywords);
  return [...keywords].sort();
}

function collectExtensions(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) for (const item of node) collectExtensions(item, into);
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-')) into.add(key);
    else if (key !== 'examples' && key !== 'example' && key !== 'enum' && key !== 'const' && key !== 'default')
      collectExtensions(value, into);
  }
}

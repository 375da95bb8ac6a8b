import { createRequire } from 'node:module';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { NO_LINT_MEMO, type LintMemo } from './context.ts';

export const META_SCHEMA_2020 = 'https://json-schema.org/draft/2020-12/schema';

/** Every error (one per keyword is kept), formats not checked: a keyword's value is what matters. */
const OPTIONS = { allErrors: true, strict: false, validateFormats: false } as const;

export interface MetaSchemaValidator {
  (schema: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const require = createRequire(import.meta.url);
/** Per memo (generate makes one per run; NO_LINT_MEMO outside it): made once each. */
const validators = new WeakMap<LintMemo, MetaSchemaValidator>();

/** The 2020-12 meta-schema's validator for lint's keyword check, made once per memo.
 * Compiling it is about 40 ms, most of what that check costs in a run after an edit; with
 * generate's memo its standalone code is kept (area `lint-meta-schema`, named like every entry by
 * the generator and Ajv versions) and a later process evaluates it instead (about 3 ms). The code
 * is Ajv's own, from the project's cache folder, which holds the generated validators too. */
export function metaSchemaValidator(memo: LintMemo = NO_LINT_MEMO): MetaSchemaValidator {
  let validator = validators.get(memo);
  if (!validator) {
    validator = memo === NO_LINT_MEMO ? compiled(new Ajv2020(OPTIONS)) : throughMemo(memo);
    validators.set(memo, validator);
  }
  return validator;
}

/** The validator compiled here when the memo has no code for it (and then keeps it), else
 * evaluated from the memo's code. */
function throughMemo(memo: LintMemo): MetaSchemaValidator {
  let fresh: MetaSchemaValidator | undefined;
  const code = memo.sync('lint-meta-schema', [JSON.stringify(OPTIONS)], () => {
    const ajv = new Ajv2020({ ...OPTIONS, code: { source: true } });
    fresh = compiled(ajv);
    return standaloneCode.default(ajv, { validate: META_SCHEMA_2020 });
  });
  return fresh ?? evaluated(code).validate;
}

function compiled(ajv: Ajv2020): MetaSchemaValidator {
  const validate = ajv.getSchema(META_SCHEMA_2020);
  if (!validate) throw new Error('lint: Ajv has no 2020-12 meta-schema');
  return validate;
}

/** Ajv's standalone CommonJS module, run as such (its `require`s are Ajv's runtime helpers). */
function evaluated(code: string): { validate: MetaSchemaValidator } {
  const module = { exports: {} };
  new Function('module', 'exports', 'require', code)(module, module.exports, require);
  return module.exports as { validate: MetaSchemaValidator };
}

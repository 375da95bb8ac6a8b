import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';

const META_SCHEMA_ID = 'https://json-schema.org/draft/2020-12/schema';

/** Options that change what validating against the meta-schema does (its errors, or the schema
 * it is given: `useDefaults` writes the meta-schema's defaults into it). The others only shape
 * the code Ajv prints. */
const RESULT_OPTIONS = [
  'allErrors',
  'useDefaults',
  'coerceTypes',
  'removeAdditional',
  'ownProperties',
  'validateFormats',
  '$data',
  'unicodeRegExp',
  'discriminator',
] as const;

const compiled = new Map<string, ValidateFunction>();

/** Makes `ajv` check schemas with the 2020-12 meta-schema validator an earlier Ajv of the same
 * result options and formats compiled, instead of compiling its own: every Ajv compiles it on its
 * first `addSchema`, about 50 ms each. The first Ajv of a kind compiles it here. Call it after the
 * Ajv's formats are added, and never on an Ajv that prints standalone code (the names in the code
 * it prints would then depend on what this process compiled before). */
export function shareMetaSchema(ajv: Ajv2020): void {
  const env = ajv.schemas[META_SCHEMA_ID];
  if (!env) return;
  const key = metaKey(ajv);
  const known = compiled.get(key);
  if (known) {
    env.validate = known;
    return;
  }
  const validate = ajv.getSchema(META_SCHEMA_ID);
  if (validate) compiled.set(key, validate);
}

function metaKey(ajv: Ajv2020): string {
  const options = ajv.opts as unknown as Record<string, unknown>;
  return JSON.stringify([RESULT_OPTIONS.map((name) => options[name] ?? null), Object.keys(ajv.formats).sort()]);
}

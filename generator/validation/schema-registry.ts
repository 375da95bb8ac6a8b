import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { SPEC_EXTENSIONS } from '../spec-extensions.ts';
import { LINEAR_REGEXP } from './linear-regexp.ts';
import { ignoreUnknownFormats } from './unknown-formats.ts';
import { shareMetaSchema } from './shared-meta-schema.ts';
import { isObject } from '../source/schema-walk.ts';
import type { SpecSources } from '../source/spec-sources.ts';

/** An Ajv (JSON Schema 2020-12, formats checked) that knows every schema file of the spec by
 * its `$id`, so relative `$ref`s between files resolve the way they do on disk. Strict mode
 * stays on: an unknown keyword (say a misspelt `x-filterable`) is an error, not a silent no-op. */
export function schemaRegistry(sources: SpecSources): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    allowUnionTypes: true,
    allErrors: true,
    ownProperties: true,
    // Compiled to check each schema's few examples once, so compiling is what costs: refs as
    // functions of their own (each compiled once, not inlined into every schema using them) and no
    // optimizing pass over the generated code take about a third off. The errors are the same.
    inlineRefs: false,
    code: { regExp: LINEAR_REGEXP, optimize: false },
  });
  addFormats.default(ajv);
  for (const keyword of Object.keys(SPEC_EXTENSIONS)) ajv.addKeyword({ keyword });
  for (const { file } of sources.schemas) ignoreUnknownFormats(ajv, file.data);
  shareMetaSchema(ajv);
  // A file the meta-schema refuses is left out (lint reports it at its line as schema-keyword):
  // adding it would throw, with no file or line, and take every other check down with it.
  for (const { file } of sources.schemas)
    if (isObject(file.data) && ajv.validateSchema(file.data)) ajv.addSchema(file.data);
  return ajv;
}

export const SCHEMA_ID_BASE = 'https://schemas.ledgerspec.dev/';

/** The `$id` a schema file must carry: its path under spec/schemas/ on a fixed base. */
export function schemaIdFor(specPath: string): string {
  return SCHEMA_ID_BASE + specPath.replace(/^schemas\//, '');
}

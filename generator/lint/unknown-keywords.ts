import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import pointer from 'json-pointer';
import type { Diagnostic } from '../diagnostics.ts';
import { isObject } from '../source/schema-walk.ts';
import type { SourceFile } from '../source/yaml-file.ts';
import { SPEC_EXTENSIONS } from '../spec-extensions.ts';

/** Keywords whose value is a map of schemas, one schema, or a list of schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);
const ONE_SCHEMA = new Set([
  'not',
  'if',
  'then',
  'else',
  'contains',
  'items',
  'additionalProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
]);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

let known: Ajv2020 | undefined;

/** The keywords the validators' Ajv knows (RULES.keywords: validation, annotation and core
 * keywords), as schema-registry.ts sets it up in strict mode. */
function knownKeywords(): Ajv2020 {
  if (known) return known;
  known = new Ajv2020({ strict: true });
  addFormats.default(known);
  for (const keyword of Object.keys(SPEC_EXTENSIONS)) known.addKeyword({ keyword });
  return known;
}

/** A keyword no validator knows (a misspelt `maxLenght`, an `x-` extension ledgerspec does not
 * define), at its own line. Ajv's strict mode refuses such a schema with no file or line, and then
 * every schema referring to it fails to compile too; this names the one cause. Walks only schema
 * positions (not `properties` maps or examples), with an explicit stack. */
export function unknownKeywordProblems(file: SourceFile): Diagnostic[] {
  const ajv = knownKeywords();
  const problems: Diagnostic[] = [];
  const stack: { node: unknown; at: string }[] = [{ node: file.data, at: '' }];
  while (stack.length > 0) {
    const { node, at } = stack.pop() as { node: unknown; at: string };
    if (!isObject(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      const here = `${at}/${pointer.escape(key)}`;
      if (!(key in ajv.RULES.keywords)) {
        const line = file.lineOf(here);
        problems.push({
          code: 'schema-keyword',
          severity: 'error',
          file: file.path,
          pointer: here,
          ...(line ? { line } : {}),
          message: `unknown keyword ${JSON.stringify(key)} (neither JSON Schema 2020-12 nor one of ledgerspec's x- extensions): the validators refuse the schema`,
        });
      }
      if (SCHEMA_MAPS.has(key) && isObject(value))
        for (const [name, sub] of Object.entries(value))
          stack.push({ node: sub, at: `${here}/${pointer.escape(name)}` });
      if (ONE_SCHEMA.has(key)) stack.push({ node: value, at: here });
      if (SCHEMA_LISTS.has(key) && Array.isArray(value))
        value.forEach((sub, i) => stack.push({ node: sub, at: `${here}/${i}` }));
    }
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

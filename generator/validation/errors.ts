import type { Ajv2020, ErrorObject } from 'ajv/dist/2020.js';
import {
  toIssues,
  type Discriminator,
  type ValidationIssue,
  type Validator,
} from '../../templates/validators/issues.ts';
import type { JsonObject } from '../source/schema-walk.ts';
import { discriminatorTable } from '../ir/discriminators.ts';
import { modelValidator } from './document-ajv.ts';

/** The mapping itself lives in templates/validators/issues.ts, which generate copies into
 * generated/validators/: runtime and generated validators report issues identically. */
export { toIssues, shortJson, valueAt, ValidationError } from '../../templates/validators/issues.ts';
export type {
  Discriminator,
  RawError,
  ValidationIssue,
  ValidationResult,
  Validator,
} from '../../templates/validators/issues.ts';

const tables = new WeakMap<Ajv2020, Discriminator[]>();

/** The discriminated unions of the document, with their variants' validators from `ajv`. */
export function documentDiscriminators(ajv: Ajv2020, document: JsonObject): Discriminator[] {
  let table = tables.get(ajv);
  if (!table) {
    table = discriminatorTable(document, (model) => modelValidator(ajv, model) as Validator);
    tables.set(ajv, table);
  }
  return table;
}

/** Ajv errors of a document validator run on `data` → the issues worth showing. */
export function ajvIssues(
  ajv: Ajv2020,
  document: JsonObject,
  errors: readonly ErrorObject[] | null | undefined,
  data: unknown,
): ValidationIssue[] {
  return toIssues(errors ?? [], data, documentDiscriminators(ajv, document));
}

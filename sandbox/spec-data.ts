import { readFileSync } from 'node:fs';
import { ENTITIES } from '../generated/server/entities.ts';
import type { EntityMeta } from '../generated/server/types.ts';
import * as V from '../generated/validators/standalone.js';
import type { Validator } from '../generated/validators/issues.ts';

export type Rec = Record<string, unknown>;

/** The bundled spec, for each entity's example record. */
const DOCUMENT = JSON.parse(readFileSync(new URL('../generated/openapi.json', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, { examples?: unknown[] }> };
};

export function entity(name: string): EntityMeta {
  const meta = ENTITIES[name];
  if (!meta) throw new Error(`no entity ${name} in the spec`);
  return meta;
}

export function entities(): EntityMeta[] {
  return Object.values(ENTITIES);
}

/** A deep copy of the entity's first spec example. */
export function exampleOf(meta: EntityMeta): Rec {
  const example = DOCUMENT.components.schemas[meta.title]?.examples?.[0];
  return structuredClone((example ?? {}) as Rec);
}

/** The generated validator of a model (by component name). */
export function validatorOf(model: string): Validator {
  const validator = (V as unknown as Record<string, Validator | undefined>)[model];
  if (!validator) throw new Error(`no validator for ${model}`);
  return validator;
}

/** `platform_id` or `id`, as a string. */
export function idOf(meta: EntityMeta, record: Rec): string {
  return String(record[meta.idField]);
}

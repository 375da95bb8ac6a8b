import { pascalCase } from 'change-case';
import { identifier } from './identifier.ts';
import { resourceNames, type NamePlan } from './name-plan.ts';

/** The types a connector's new mapping file declares for one entity. */
export interface MappingTypeNames {
  /** The platform's record as its API returns it (`ZohoBooksInvoice`). */
  raw: string;
  /** The body the platform expects on create (`ZohoBooksInvoiceRequest`). */
  request: string;
}

/** `scaffold connector`'s type names for an entity's mapping: the platform's name (as people write
 * it, made a type name) before the entity's planned model type, so any platform name and any
 * entity title give an identifier, and the mapping's names read as the unified types do. */
export function mappingTypeNames(plan: NamePlan, platformName: string, entity: string): MappingTypeNames {
  const prefix = identifier(pascalCase(platformName), 'pascal', 'Platform');
  const type = resourceNames(plan, entity).type;
  return { raw: `${prefix}${type}`, request: `${prefix}${type}Request` };
}

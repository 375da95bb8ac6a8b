import type { JsonObject } from '../source/schema-walk.ts';
import { resourceLabels } from '../shared/labels.ts';

export interface NewEntity {
  /** x-entity: plural snake_case, e.g. `fixed_assets`. */
  entity: string;
  /** PascalCase singular, e.g. `FixedAsset`. */
  title: string;
  area: 'core' | 'accounting';
  /** Whether the resource takes creates (then `name` is required in the Create body). */
  creatable: boolean;
}

/** A new entity schema in the spec's house style (spec/README.md, "Records"): the key the area
 * uses (`platform_id` or `id`), a `name` to start from, `updated_at`, `raw_data` for accounting
 * records and `created_at` for core ones, each described, with an example that validates. */
export function entitySchema(spec: NewEntity, stem: string): JsonObject {
  const labels = resourceLabels(spec.entity, spec.title);
  const accounting = spec.area === 'accounting';
  const key = accounting ? 'platform_id' : 'id';
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://schemas.ledgerspec.dev/${spec.area}/${stem}.yaml`,
    title: spec.title,
    description: accounting
      ? `${capitalize(labels.withArticle)} in the connected company's books, as the accounting platform reports it.`
      : `${capitalize(labels.withArticle)} kept by ledgerspec for your account.`,
    type: 'object',
    'x-entity': spec.entity,
    ...(spec.creatable ? { 'x-create-required': ['name'] } : {}),
    required: accounting ? [key] : [key, 'created_at'],
    additionalProperties: false,
    properties: accounting ? accountingProperties(labels.singular) : coreProperties(labels.singular),
    examples: [
      accounting
        ? { platform_id: '1001', name: `Example ${labels.singular}`, updated_at: '2026-01-15T09:30:00Z' }
        : {
            id: `${stem}_01J0000000000000000000000`,
            name: `Example ${labels.singular}`,
            created_at: '2026-01-15T09:30:00Z',
            updated_at: '2026-01-15T09:30:00Z',
          },
    ],
  };
}

function accountingProperties(singular: string): JsonObject {
  return {
    platform_id: {
      type: 'string',
      readOnly: true,
      'x-filterable': true,
      description: `The accounting platform's ID for this ${singular}.`,
    },
    name: nameProperty(singular),
    updated_at: {
      type: ['string', 'null'],
      format: 'date-time',
      readOnly: true,
      'x-sortable': true,
      'x-filterable': true,
      description: `When the ${singular} was last changed on the accounting platform.`,
    },
    raw_data: {
      type: ['object', 'null'],
      description:
        'On reads, the record exactly as the platform returned it (only with select=raw_data). On writes, fields passed straight to the platform, for what the unified model does not cover.',
    },
  };
}

function coreProperties(singular: string): JsonObject {
  return {
    id: { type: 'string', readOnly: true, 'x-filterable': true, description: `ledgerspec's ID for this ${singular}.` },
    name: nameProperty(singular),
    created_at: {
      type: 'string',
      format: 'date-time',
      readOnly: true,
      'x-sortable': true,
      'x-filterable': true,
      description: `When the ${singular} was created.`,
    },
    updated_at: {
      type: ['string', 'null'],
      format: 'date-time',
      readOnly: true,
      'x-sortable': true,
      'x-filterable': true,
      description: `When the ${singular} last changed.`,
    },
  };
}

function nameProperty(singular: string): JsonObject {
  return { type: ['string', 'null'], 'x-sortable': true, 'x-filterable': true, description: `The ${singular}'s name.` };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The vendor extensions the spec uses, with what each means. Ajv is told about exactly these
 * (anything else starting with x- is a typo and fails strict mode), and spec/README.md documents
 * the same list. */
export const SPEC_EXTENSIONS = {
  'x-entity':
    'On an entity schema: the resource name, plural snake_case (invoice_payments); also the last path segment of its URLs.',
  'x-relation': 'On a *_id / *_ids field: the x-entity the ID points at.',
  'x-expands':
    'On an expanded relation property: the *_id / *_ids field it expands; the property name is what expand= takes.',
  'x-sortable': 'On a scalar field: the list operation accepts it in sort=.',
  'x-filterable': 'On a scalar field: the list operation accepts filter[field][op]= on it.',
  'x-create-required': 'On an entity schema: fields a create body must carry on every platform.',
  'x-platform-required':
    'On an entity schema: per integration type, further fields (or raw_data.* keys) a write needs on that platform.',
  'x-invariants':
    'On an entity schema: properties every record must have beyond its schema (lines that add up to totals, allocations to the payment, amounts that are never negative), checked by ledgerspec conformance on every mapped record.',
  'x-date-only':
    'On a date-time field: it holds a calendar date, always midnight UTC of that date (T00:00:00.000Z), never shifted by a time zone.',
  'x-write-of': 'Added by the generator on <Title>Create / <Title>Update: the entity the write schema derives from.',
  'x-tagGroups': 'In the root document: groups tags by area for documentation tools.',
} as const;

export type SpecExtension = keyof typeof SPEC_EXTENSIONS;

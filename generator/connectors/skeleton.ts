import { capitalCase, noCase } from 'change-case';
import { identifier, renderTemplate } from '../shared/render.ts';
import type { EntityMappingFacts, MappedField } from '../shared/mapped-fields.ts';

/** How a connector is named: its folder (kebab-case) and how people write it. */
export interface ConnectorNames {
  platform: string;
  name: string;
}

/** "zoho-books" → "Zoho Books": the display name when the user gives none. */
export function defaultDisplayName(platform: string): string {
  return capitalCase(platform);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object key for a field: bare when it is an identifier, else a string literal. `__proto__`
 * is computed (`['__proto__']`): written plainly, it would set the object's prototype instead of
 * making an own property. */
export function propertyKey(name: string): string {
  if (name === '__proto__') return "['__proto__']";
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/** What a `todo(...)` entry says: the field's description from the spec. */
function todoText(field: MappedField): string {
  return field.description || `The ${noCase(field.name)}.`;
}

/** The text of a `todo(...)` entry, as both the skeleton and the merge write it. */
export function todoEntry(field: MappedField): string {
  return `${propertyKey(field.name)}: todo(${singleQuoted(todoText(field))})`;
}

/** A string literal as prettier prints one in the house style: single quotes, unless the text
 * has apostrophes and no double quotes. */
function singleQuoted(text: string): string {
  if (text.includes("'") && !text.includes('"')) return JSON.stringify(text);
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** The types a mapping file declares: the platform's record and its create request (the plan's
 * `mappingTypeNames`, safe identifiers whatever the names they are made of). */
export interface MappingTypes {
  raw: string;
  request: string;
}

/** A new `mappings/<entity>.ts` (templates/connectors/mapping.ts.hbs), before formatting. */
export function mappingSkeleton(
  facts: EntityMappingFacts,
  names: ConnectorNames,
  types: MappingTypes,
  importPath: string,
): string {
  const entries = (fields: MappedField[]) =>
    fields.map((field) => ({ key: propertyKey(field.name), description: todoText(field) }));
  return renderTemplate('connectors/mapping.ts.hbs', {
    platformName: names.name,
    title: facts.title,
    entity: facts.entity,
    importPath,
    rawType: identifier(types.raw),
    readFields: entries(facts.readFields),
    write: facts.write ? { requestType: identifier(types.request), fields: entries(facts.write.fields) } : false,
  });
}

/** A new `connector.ts` (templates/connectors/connector.ts.hbs), before formatting. */
export function connectorSkeleton(names: ConnectorNames, importPath: string): string {
  return renderTemplate('connectors/connector.ts.hbs', { name: names.name, importPath });
}

/** A new connector's README.md (templates/connectors/README.md.hbs). */
export function connectorReadme(names: ConnectorNames, facts: EntityMappingFacts[]): string {
  return renderTemplate('connectors/README.md.hbs', {
    name: names.name,
    platform: names.platform,
    entities: facts.map((f) => `\`${f.entity}\``).join(', '),
  });
}

import pointer from 'json-pointer';
import { isObject, type JsonObject } from '../source/schema-walk.ts';
import { schemaChildren } from '../source/sub-schemas.ts';
import type { Discriminator, Validator } from '../../templates/validators/issues.ts';

const COMPONENT_REF = '#/components/schemas/';

/** A discriminated union in the document, located the way Ajv reports it: `at` is the schema
 * path of its `oneOf`/`anyOf` relative to the component that holds it (document Ajvs compile
 * every ref as a function of its own, so error schema paths restart at each component). */
export interface DiscriminatorSite {
  /** Component holding the union. */
  model: string;
  at: string;
  property: string;
  /** Tag value → component name of its variant. */
  mapping: Record<string, string>;
}

/** Every discriminated union in components.schemas, by component then position. Explicit
 * `mapping` entries (refs or bare names) first, then the implicit ones: each `$ref` variant no
 * explicit entry names, by its component name. */
export function discriminatorSites(document: JsonObject): DiscriminatorSite[] {
  const schemas = componentSchemas(document);
  const sites: DiscriminatorSite[] = [];
  for (const model of Object.keys(schemas).sort()) {
    walk(schemas[model], [], (schema, tokens) => {
      const { discriminator } = schema;
      if (!isObject(discriminator) || typeof discriminator.propertyName !== 'string') return;
      for (const keyword of ['oneOf', 'anyOf'] as const) {
        const branches = schema[keyword];
        if (!Array.isArray(branches)) continue;
        const mapping: Record<string, string> = {};
        for (const [tag, target] of Object.entries(isObject(discriminator.mapping) ? discriminator.mapping : {})) {
          const name = typeof target === 'string' ? componentName(target) : undefined;
          if (name && schemas[name]) mapping[tag] = name;
        }
        for (const branch of branches) {
          const name = isObject(branch) && typeof branch.$ref === 'string' ? componentName(branch.$ref) : undefined;
          if (name && schemas[name] && !Object.values(mapping).includes(name) && !(name in mapping))
            mapping[name] = name;
        }
        const at = `#${[...tokens, keyword].map((t) => `/${encodeURIComponent(pointer.escape(t))}`).join('')}`;
        sites.push({ model, at, property: discriminator.propertyName, mapping });
      }
    });
  }
  return sites;
}

/** The components a model's validator reaches through `$ref`s, itself included, sorted. */
export function reachableModels(document: JsonObject, name: string): string[] {
  const schemas = componentSchemas(document);
  const seen = new Set<string>();
  const queue = [name];
  while (queue.length > 0) {
    const next = queue.pop() as string;
    if (seen.has(next) || !schemas[next]) continue;
    seen.add(next);
    walk(schemas[next], [], (schema) => {
      const target = typeof schema.$ref === 'string' ? componentName(schema.$ref) : undefined;
      if (target && !seen.has(target)) queue.push(target);
    });
  }
  return [...seen].sort();
}

export function componentName(ref: string): string | undefined {
  if (ref.startsWith(COMPONENT_REF)) {
    const [first] = pointer.parse(ref.slice(COMPONENT_REF.length - 1).replace(/^#/, ''));
    return first;
  }
  return /^[A-Za-z0-9._-]+$/.test(ref) ? ref : undefined;
}

function componentSchemas(document: JsonObject): Record<string, JsonObject> {
  const components = isObject(document.components) ? document.components : {};
  return isObject(components.schemas) ? (components.schemas as Record<string, JsonObject>) : {};
}

/** Every schema position under `node` (source/sub-schemas.ts), definitions included: a property
 * named `default` or `example` is a schema here, an `example` keyword's value is not. */
function walk(node: unknown, tokens: string[], visit: (schema: JsonObject, tokens: string[]) => void): void {
  if (!isObject(node)) return;
  visit(node, tokens);
  for (const [path, child] of schemaChildren(node, { everywhere: true })) walk(child, [...tokens, ...path], visit);
}

/** The document's discriminated unions with the validator of each variant, as the issue mapping
 * (toIssues) takes them, whichever validators they come from (Ajv compiled now, or generated). */
export function discriminatorTable(document: JsonObject, validatorOf: (model: string) => Validator): Discriminator[] {
  return discriminatorSites(document).map((site) => ({
    at: site.at,
    property: site.property,
    mapping: Object.fromEntries(Object.entries(site.mapping).map(([tag, model]) => [tag, validatorOf(model)])),
  }));
}

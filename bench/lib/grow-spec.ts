/** Grows the spec of a project copy: each accounting entity copied under new names (AlphaInvoice,
 * BravoInvoice, …), as a user adding that many entities by hand would: a schema file with its own
 * `$id`, `title` and `x-entity`, a path file with its own operationIds and tag, and the entries
 * that tie them into openapi.yaml (tag, tag group, paths, component). Relations of a copy still
 * point at the original entities. Only ever run on a temporary copy: it rewrites openapi.yaml
 * without its comments. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

type Json = Record<string, unknown>;

const PREFIXES = [
  'alpha',
  'bravo',
  'charlie',
  'delta',
  'echo',
  'foxtrot',
  'golf',
  'hotel',
  'india',
  'juliett',
  'kilo',
  'lima',
];

/** One copy's names, from the original entity's. */
interface Copy {
  prefix: string;
  Prefix: string;
}

/** Adds `copies` copies of every accounting entity to the spec in `dir` (so 9 makes it 10×). */
export function growSpec(dir: string, copies: number): void {
  if (copies > PREFIXES.length) throw new Error(`grow-spec: at most ${PREFIXES.length} copies`);
  const openapiFile = join(dir, 'spec/openapi.yaml');
  const openapi = parse(readFileSync(openapiFile, 'utf8')) as Json;
  const entities = accountingEntities(dir);
  for (const prefix of PREFIXES.slice(0, copies)) {
    const copy = { prefix, Prefix: prefix[0]!.toUpperCase() + prefix.slice(1) };
    for (const entity of entities) copyEntity(dir, openapi, entity, copy);
  }
  writeFileSync(openapiFile, stringify(openapi, { lineWidth: 0 }));
}

interface Entity {
  schemaFile: string; // invoice (schemas/accounting/invoice.yaml)
  title: string; // Invoice
  xEntity: string; // invoices, also the path file's name
}

function accountingEntities(dir: string): Entity[] {
  const folder = join(dir, 'spec/schemas/accounting');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => {
      const schema = parse(readFileSync(join(folder, file), 'utf8')) as Json;
      return {
        schemaFile: file.replace(/\.yaml$/, ''),
        title: schema.title as string,
        xEntity: schema['x-entity'] as string,
      };
    });
}

function copyEntity(dir: string, openapi: Json, entity: Entity, { prefix, Prefix }: Copy): void {
  const schemaFile = `${prefix}_${entity.schemaFile}`;
  const xEntity = `${prefix}_${entity.xEntity}`;
  const title = `${Prefix}${entity.title}`;
  const schemaPath = join(dir, 'spec/schemas/accounting');
  const schema = parse(readFileSync(join(schemaPath, `${entity.schemaFile}.yaml`), 'utf8')) as Json;
  Object.assign(schema, {
    $id: (schema.$id as string).replace(/[^/]+\.yaml$/, `${schemaFile}.yaml`),
    title,
    'x-entity': xEntity,
  });
  writeFileSync(join(schemaPath, `${schemaFile}.yaml`), stringify(schema, { lineWidth: 0 }));

  const pathsDir = join(dir, 'spec/paths/accounting');
  const pathItems = parse(readFileSync(join(pathsDir, `${entity.xEntity}.yaml`), 'utf8')) as Json;
  const originalTag = renamePathItems(pathItems, entity, { schemaFile, Prefix });
  writeFileSync(join(pathsDir, `${xEntity}.yaml`), stringify(pathItems, { lineWidth: 0 }));

  registerInOpenapi(openapi, { entity, xEntity, title, schemaFile, tag: `${Prefix} ${originalTag}`, originalTag });
}

/** Points the path items at the copy's schema, renames operationIds (listInvoices →
 * listAlphaInvoices) and tags; returns the original tag. */
function renamePathItems(node: unknown, entity: Entity, copy: { schemaFile: string; Prefix: string }): string {
  let originalTag = '';
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === 'string')
      return value.replace(
        `schemas/accounting/${entity.schemaFile}.yaml`,
        `schemas/accounting/${copy.schemaFile}.yaml`,
      );
    if (!value || typeof value !== 'object') return value;
    const object = value as Json;
    for (const [key, child] of Object.entries(object)) {
      if (key === 'operationId') object[key] = (child as string).replace(/^([a-z]+)/, `$1${copy.Prefix}`);
      else if (key === 'tags' && Array.isArray(child)) {
        originalTag = child[0] as string;
        object[key] = child.map((tag: string) => `${copy.Prefix} ${tag}`);
      } else object[key] = walk(child);
    }
    return object;
  };
  walk(node);
  if (!originalTag) throw new Error(`grow-spec: no tag in paths/accounting/${entity.xEntity}.yaml`);
  return originalTag;
}

function registerInOpenapi(
  openapi: Json,
  names: { entity: Entity; xEntity: string; title: string; schemaFile: string; tag: string; originalTag: string },
): void {
  const tags = openapi.tags as Json[];
  const original = tags.find((tag) => tag.name === names.originalTag) as Json;
  tags.push({ ...original, name: names.tag });
  const accounting = (openapi['x-tagGroups'] as Json[]).find((group) =>
    (group.tags as string[]).includes(names.originalTag),
  ) as Json;
  (accounting.tags as string[]).push(names.tag);
  const paths = openapi.paths as Record<string, Json>;
  for (const [path, item] of Object.entries(paths)) {
    const match = path.match(/^\/accounting\/([^/]+)(.*)$/);
    if (match?.[1] !== names.entity.xEntity) continue;
    const ref = (item.$ref as string).replace(
      `paths/accounting/${names.entity.xEntity}.yaml`,
      `paths/accounting/${names.xEntity}.yaml`,
    );
    paths[`/accounting/${names.xEntity}${match[2]}`] = { $ref: ref };
  }
  const schemas = (openapi.components as Json).schemas as Json;
  schemas[names.title] = { $ref: `schemas/accounting/${names.schemaFile}.yaml` };
}

import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import pluralize from 'pluralize';
import { pascalCase, snakeCase } from 'change-case';
import { stringify } from 'yaml';
import type { LedgerspecConfig } from '../config.ts';
import { formatDiagnostic, hasErrors } from '../diagnostics.ts';
import { lintSpec } from '../lint/index.ts';
import { writeChanges } from '../pipeline/write.ts';
import { entitySchema } from '../scaffold/entity-schema.ts';
import { CRUD_KINDS, resourcePathFile, type CrudKind } from '../scaffold/path-items.ts';
import { registerResource } from '../scaffold/register-resource.ts';
import { entitySources } from '../source/entities.ts';
import { parseCacheIn } from '../cache/parse-cache.ts';
import { loadSpecSources, type SchemaSource, type SpecSources } from '../source/spec-sources.ts';
import { parseSourceText } from '../source/yaml-file.ts';
import { runGenerate } from './generate.ts';
import { toOutput, type Out, type Output } from './output.ts';

export { CRUD_KINDS };
const ENTITY_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

export interface ScaffoldResourceOptions {
  area: 'core' | 'accounting';
  ops: CrudKind[];
  title?: string;
  /** Run generate afterwards (the CLI always does; tests may skip it). */
  generate?: boolean;
}

/** `ledgerspec scaffold resource <name>`: writes the entity schema, its path items and its
 * entries in openapi.yaml, all linted in memory first (a resource that would break the spec is
 * not written), then regenerates. Returns the exit code. */
export async function runScaffoldResource(
  config: LedgerspecConfig,
  name: string,
  options: ScaffoldResourceOptions,
  sink: Out,
): Promise<number> {
  const out = toOutput(sink);
  const problem = checkName(config, name, options);
  if (problem) return fail(out, problem, 2);
  const title = options.title ?? pascalCase(pluralize.singular(name));
  const stem = snakeCase(title);
  const sources = loadSpecSources(config.specDir, config.rootFile, parseCacheIn(config.cacheDir));
  const clash = entitySources(sources).find((e) => e.entity === name || e.title === title);
  if (clash)
    return fail(
      out,
      `${relative(process.cwd(), clash.source.file.path)} already defines ${clash.entity} (${clash.title})`,
    );
  const { files, spec } = resourceFiles(
    sources,
    { entity: name, title, area: options.area, creatable: options.ops.includes('create') },
    stem,
    options.ops,
  );
  const diagnostics = lintSpec(spec);
  if (hasErrors(diagnostics)) {
    for (const d of diagnostics) out.problem(formatDiagnostic(d));
    return fail(out, 'the new resource would break the spec; nothing was written');
  }
  // Only these files: planChanges would also mark every other file of the spec as removed.
  writeChanges(
    config.specDir,
    files,
    files.map((f) => ({ path: f.path, change: existsSync(join(config.specDir, f.path)) ? 'changed' : 'added' })),
  );
  const written = files.map((file) => relative(process.cwd(), join(config.specDir, file.path)));
  if (out.format === 'json') {
    // generate's own report would be a second document on stdout: only its problems are shown.
    const code =
      options.generate === false
        ? 0
        : await runGenerate(config, { check: false }, { ...out, format: 'text', result: () => {}, info: () => {} });
    out.result(JSON.stringify({ written, generated: options.generate !== false && code === 0 }, null, 2));
    return code;
  }
  for (const file of written) out.info(`wrote ${file}`);
  return options.generate === false ? 0 : runGenerate(config, { check: false }, out);
}

function checkName(config: LedgerspecConfig, name: string, options: ScaffoldResourceOptions): string | undefined {
  if (!ENTITY_NAME.test(name))
    return `resource name ${JSON.stringify(name)} must be plural snake_case, e.g. fixed_assets`;
  if (pluralize.isSingular(name) && !pluralize.isPlural(name))
    return `resource name ${JSON.stringify(name)} should be plural (${pluralize.plural(name)}), as x-entity names are`;
  if (options.title !== undefined && !/^[A-Z][A-Za-z0-9]*$/.test(options.title))
    return `--title ${JSON.stringify(options.title)} must be PascalCase`;
  if (options.ops.length === 0) return '--ops needs at least one of list,get,create,update,delete';
  if (!existsSync(config.specDir)) return `no spec folder at ${config.specDir}`;
  return undefined;
}

interface SpecFile {
  path: string;
  contents: string;
}

/** The schema file, the path file and the updated root document, as text, and the spec as it
 * would be with them (for linting before anything is written). */
function resourceFiles(
  sources: SpecSources,
  entity: Parameters<typeof entitySchema>[0],
  stem: string,
  ops: CrudKind[],
): { files: SpecFile[]; spec: SpecSources } {
  const schemaPath = `schemas/${entity.area}/${stem}.yaml`;
  const schemaText = `${stringify(entitySchema(entity, stem), { lineWidth: 100, aliasDuplicateObjects: false })}`;
  const schemaSource: SchemaSource = {
    file: parseSourceText(join(sources.dir, schemaPath), schemaText),
    area: entity.area,
    stem,
    specPath: schemaPath,
  };
  const source = {
    source: schemaSource,
    doc: schemaSource.file.data as Record<string, unknown>,
    entity: entity.entity,
    title: entity.title,
    area: entity.area,
  };
  const pathFile = resourcePathFile(
    { ...sources, schemas: [...sources.schemas, schemaSource] },
    { entity: source, kinds: CRUD_KINDS.filter((k) => ops.includes(k)) },
  );
  const pathText = `# ${pathFile.tag.name}: path items, referenced from ../../openapi.yaml.\n${stringify(pathFile.content, { lineWidth: 100, aliasDuplicateObjects: false })}`;
  const rootText = registerResource(readFileSync(sources.root.path, 'utf8'), pathFile, entity.area, {
    name: entity.title,
    specPath: schemaPath,
  });
  const files = [
    { path: schemaPath, contents: schemaText },
    { path: pathFile.specPath, contents: pathText },
    { path: relative(sources.dir, sources.root.path), contents: rootText },
  ];
  const spec: SpecSources = {
    ...sources,
    root: parseSourceText(sources.root.path, rootText),
    schemas: [...sources.schemas, schemaSource],
    paths: [...sources.paths, parseSourceText(join(sources.dir, pathFile.specPath), pathText)],
  };
  return { files, spec };
}

/** Exit 2 for an argument that names nothing usable, 1 for a spec that cannot take the result. */
function fail(out: Output, message: string, code: 1 | 2 = 1): number {
  out.problem(`ledgerspec scaffold resource: ${message}`);
  return code;
}

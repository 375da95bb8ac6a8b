import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { LedgerspecConfig } from '../config.ts';
import type { SpecIR } from '../ir/model.ts';
import { connectorFile, mappingFile, PLATFORM_NAME } from '../shared/connector-layout.ts';
import { mappingFacts, type EntityMappingFacts } from '../shared/mapped-fields.ts';
import { mergeMappingFile } from '../connectors/merge-mapping-file.ts';
import { toPosix } from '../source/spec-sources.ts';
import {
  connectorReadme,
  connectorSkeleton,
  defaultDisplayName,
  mappingSkeleton,
  type ConnectorNames,
  type MappingTypes,
} from '../connectors/skeleton.ts';
import { formatTypeScript } from '../pipeline/format.ts';
import { mappingTypeNames } from '../plan/connector-names.ts';
import type { NamePlan } from '../plan/name-plan.ts';
import { planNames } from '../plan/plan-names.ts';
import { writeChanges, type FileChange } from '../pipeline/write.ts';
import { toOutput, type Out, type Output } from './output.ts';

export interface ScaffoldConnectorOptions {
  /** x-entity names; default every accounting entity. */
  entities?: string[];
  /** How people write the platform's name; default from the folder name. */
  name?: string;
}

interface PlannedFile {
  path: string;
  contents: string;
  change: 'added' | 'changed' | 'unchanged';
  note: string;
}

/** `ledgerspec scaffold connector <platform>`: a connector folder with connector.ts, a README and
 * a mapping skeleton per entity. Existing mappings are merged, never overwritten, so running it
 * again (say with more --entities) is safe. Returns the exit code. */
export async function runScaffoldConnector(
  config: LedgerspecConfig,
  ir: SpecIR,
  platform: string,
  options: ScaffoldConnectorOptions,
  sink: Out,
): Promise<number> {
  const out = toOutput(sink);
  if (!PLATFORM_NAME.test(platform))
    return fail(out, `platform ${JSON.stringify(platform)} must be kebab-case, e.g. quickbooks-online`, 2);
  const facts = mappingFacts(ir);
  const chosen = chooseEntities(facts, options.entities);
  if (typeof chosen === 'string') return fail(out, chosen, 2);
  const dir = join(config.connectorsDir, platform);
  const names: ConnectorNames = { platform, name: options.name ?? defaultDisplayName(platform) };
  const { planned, refused } = await planFiles(config, dir, names, chosen, planNames(ir).plan);
  // Same rule as generate: a mapping that does not parse is never rewritten, and nothing is.
  if (refused.length) return fail(out, `${refused.join('; ')}; nothing was written`);
  const changes: FileChange[] = planned.flatMap(({ path, change }) =>
    change === 'unchanged' ? [] : [{ path, change }],
  );
  writeChanges(config.connectorsDir, planned, changes);
  const shown = planned.map((file) => ({
    path: relative(process.cwd(), join(config.connectorsDir, file.path)),
    note: file.note,
  }));
  if (out.format === 'json') {
    out.result(JSON.stringify({ files: shown }, null, 2));
    return 0;
  }
  for (const file of shown) out.info(`${file.note.padEnd(9)} ${file.path}`);
  out.info(
    `Next: put fixtures in ${relative(process.cwd(), join(dir, 'fixtures'))}/<entity>/<case>.raw.json with <case>.unified.json beside them, replace the todo(...) entries, and run \`ledgerspec conformance --connector ${platform}\`.`,
  );
  return 0;
}

function chooseEntities(facts: EntityMappingFacts[], wanted: string[] | undefined): EntityMappingFacts[] | string {
  if (!wanted) return facts;
  const unknown = wanted.filter((name) => !facts.some((f) => f.entity === name));
  if (unknown.length)
    return `--entities: no accounting entity ${unknown.map((u) => JSON.stringify(u)).join(', ')}; choose from ${facts.map((f) => f.entity).join(', ')}`;
  return facts.filter((f) => wanted.includes(f.entity));
}

async function planFiles(
  config: LedgerspecConfig,
  dir: string,
  names: ConnectorNames,
  facts: EntityMappingFacts[],
  plan: NamePlan,
): Promise<{ planned: PlannedFile[]; refused: string[] }> {
  const root = dirname(config.outDir);
  const planned: PlannedFile[] = [];
  const refused: string[] = [];
  const add = (file: string, contents: string, existed: boolean, note: string) =>
    planned.push({
      path: toPosix(relative(config.connectorsDir, file)),
      contents,
      change: existed ? 'changed' : 'added',
      note,
    });
  if (!existsSync(connectorFile(dir)))
    add(
      connectorFile(dir),
      await formatTypeScript(connectorSkeleton(names, importPath(dir, config)), root),
      false,
      'created',
    );
  const readme = join(dir, 'README.md');
  if (!existsSync(readme)) add(readme, connectorReadme(names, facts), false, 'created');
  for (const entityFacts of facts) {
    const file = mappingFile(dir, entityFacts.entity);
    if (!existsSync(file)) {
      add(
        file,
        await newMapping(config, file, names, entityFacts, mappingTypeNames(plan, names.name, entityFacts.entity)),
        false,
        'created',
      );
      continue;
    }
    const { text, merged } = mergeMappingFile(file, entityFacts);
    if (merged.syntax)
      refused.push(
        `${relative(process.cwd(), file)}:${merged.syntax.line}:${merged.syntax.column} does not parse: ${merged.syntax.message}`,
      );
    else if (merged.text !== text) add(file, merged.text, true, 'merged');
    else
      planned.push({
        path: toPosix(relative(config.connectorsDir, file)),
        contents: text,
        change: 'unchanged',
        note: 'unchanged',
      });
  }
  return { planned, refused };
}

/** A new `mappings/<entity>.ts`, formatted as the project formats its files. */
function newMapping(
  config: LedgerspecConfig,
  file: string,
  names: ConnectorNames,
  facts: EntityMappingFacts,
  types: MappingTypes,
): Promise<string> {
  return formatTypeScript(
    mappingSkeleton(facts, names, types, importPath(dirname(file), config)),
    dirname(config.outDir),
  );
}

/** The import specifier of generated/connectors/index.js as seen from `fromDir`. */
function importPath(fromDir: string, config: LedgerspecConfig): string {
  const path = toPosix(relative(fromDir, join(config.outDir, 'connectors', 'index.js')));
  return path.startsWith('.') ? path : `./${path}`;
}

/** Exit 2 for an argument that names nothing usable, 1 for a project that cannot take the result. */
function fail(out: Output, message: string, code: 1 | 2 = 1): number {
  out.problem(`ledgerspec scaffold connector: ${message}`);
  return code;
}

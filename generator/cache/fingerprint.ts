import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LedgerspecConfig } from '../config.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { byCodeUnit } from '../source/compare.ts';
import { listConnectors } from '../shared/connector-layout.ts';
import { portablePath } from './portable-paths.ts';
import { hashOf } from './store.ts';

/** The packages whose version changes what generate writes (yaml: what a spec file parses to, which
 * the parse cache keeps). */
const OUTPUT_DEPENDENCIES = [
  '@dprint/typescript',
  'openapi-typescript',
  'json-schema-to-typescript',
  'ajv',
  'ajv-formats',
  'handlebars',
  'typescript',
  'yaml',
];

let generatorHash: string | undefined;

/** Everything about the running ledgerspec that shapes its output (see packageFingerprint),
 * computed once per process. */
export function generatorFingerprint(): string {
  generatorHash ??= packageFingerprint(fileURLToPath(PACKAGE_ROOT));
  return generatorHash;
}

/** The hash of a ledgerspec package folder: its own code (generator/ in a checkout, the built
 * dist/ in a package), its templates, its package.json, and the versions of the libraries it
 * emits with. */
export function packageFingerprint(root: string): string {
  const code = existsSync(join(root, 'generator')) ? 'generator' : 'dist';
  const files = [join(root, 'package.json'), ...filesUnder(join(root, code)), ...filesUnder(join(root, 'templates'))];
  return hashOf(
    ...files.map((file) => `${relative(root, file)}\0${hashOf(readFileSync(file))}`),
    ...dependencyVersions(),
  );
}

function dependencyVersions(): string[] {
  const require = createRequire(PACKAGE_ROOT);
  return OUTPUT_DEPENDENCIES.map((name) => {
    try {
      return `${name}@${(require(`${name}/package.json`) as { version: string }).version}`;
    } catch {
      return `${name}@?`;
    }
  });
}

/** The files a generate run reads, each with the hash of its contents: every file of the spec
 * folder and, per connector, connector.ts and its mappings (the merge rewrites those). Taken before
 * a run and again after it: the run's record is kept only when nothing else changed meanwhile. */
export function readInputs(config: LedgerspecConfig): Map<string, string> {
  const connectorFiles = listConnectors(config.connectorsDir).flatMap(({ dir }) => [
    join(dir, 'connector.ts'),
    ...filesUnder(join(dir, 'mappings')),
  ]);
  return hashedFiles([...filesUnder(config.specDir), ...connectorFiles]);
}

/** Every file of the spec folder with the hash of its contents: what the compiled document depends on. */
export function specInputs(config: Pick<LedgerspecConfig, 'specDir'>): Map<string, string> {
  return hashedFiles(filesUnder(config.specDir));
}

function hashedFiles(files: readonly string[]): Map<string, string> {
  const inputs = new Map<string, string>();
  for (const file of files) {
    try {
      inputs.set(file, hashOf(readFileSync(file)));
    } catch {
      // connector.ts is optional; a file that vanished is simply not an input.
    }
  }
  return inputs;
}

/** One key for the generator, the options and the inputs: the same key means the same output.
 * The inputs' paths enter it as portable paths (relative to the spec or connectors folder): where
 * the folders are changes nothing that is written, and a record's warnings are kept the same way
 * (generate.ts). Nor is the output folder in it: a record is used only when the output folder
 * holds exactly its files (recordedRun). */
export function runKey(config: LedgerspecConfig, inputs: ReadonlyMap<string, string>): string {
  const options = JSON.stringify({
    rootFile: config.rootFile,
    houseRules: config.houseRules,
    emitters: config.emitters,
  });
  const entries = [...inputs]
    .map(([file, hash]) => [portablePath(config, file), hash] as const)
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([file, hash]) => `${file}\0${hash}`);
  return hashOf(generatorFingerprint(), options, ...entries);
}

/** Regular files below `dir`, sorted by code unit; none when it does not exist. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort(byCodeUnit);
}

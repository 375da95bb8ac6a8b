import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importUserModule, RUNNING_FROM_SOURCE } from './import-typescript.ts';
import { DiagnosticError } from './diagnostics.ts';

/** The emitters `generate` can run, by name (generator/emit/index.ts), in the order they run. */
export const EMITTER_NAMES = [
  'openapi-json',
  'project',
  'types',
  'validators',
  'client',
  'server',
  'connectors',
] as const;
export type EmitterName = (typeof EMITTER_NAMES)[number];

/** The one typed configuration of ledgerspec. `ledgerspec.config.ts` in the working folder may
 * set any of it (export default defineConfig({...})); CLI flags override single fields. */
export interface LedgerspecConfig {
  /** Folder holding openapi.yaml, schemas/ and paths/. */
  specDir: string;
  /** Root document inside specDir. */
  rootFile: string;
  /** Where `generate` writes. */
  outDir: string;
  /** Folder of the connectors (`<platform>/connector.ts`, `mappings/`, `fixtures/`), which
   * `generate` keeps in step with the spec. */
  connectorsDir: string;
  /** Apply ledgerspec's own lint rules before generating. Turn off to generate from a
   * third-party spec that does not follow the house conventions (Redocly still applies). */
  houseRules: boolean;
  /** The emitters `generate` runs (`EMITTER_NAMES`); all of them by default. Files of the ones
   * left out are not generated (and removed from outDir). */
  emitters: readonly EmitterName[];
  /** Where `generate` keeps its cache (formatted files, and the record of the last run that makes a
   * no-change run almost free). Content-addressed, so it is never stale; none when unset. `loadConfig`
   * defaults it to node_modules/.cache/ledgerspec; `false` in the config file, `--no-cache` or
   * LEDGERSPEC_CACHE=off turn it off. */
  cacheDir?: string | undefined;
}

export const DEFAULT_CONFIG: LedgerspecConfig = {
  specDir: 'spec',
  rootFile: 'openapi.yaml',
  outDir: 'generated',
  connectorsDir: 'connectors',
  houseRules: true,
  emitters: EMITTER_NAMES,
};

export const CONFIG_FILE = 'ledgerspec.config.ts';

/** Where tools keep caches by convention (Babel, ESLint's loaders, Vite's deps): ignored by git, gone with node_modules. */
export const DEFAULT_CACHE_DIR = 'node_modules/.cache/ledgerspec';

/** What ledgerspec.config.ts may set: any field, and `cacheDir: false` for no cache. */
export type UserConfig = Partial<Omit<LedgerspecConfig, 'cacheDir'>> & { cacheDir?: string | false };

export function defineConfig(config: UserConfig): UserConfig {
  return config;
}

/** Defaults, then the config file (if any), then the overrides; paths resolved against cwd. */
export async function loadConfig(cwd: string, overrides: UserConfig = {}): Promise<LedgerspecConfig> {
  const file = resolve(cwd, CONFIG_FILE);
  const fromFile: UserConfig = existsSync(file)
    ? (((await importConfigFile(cwd, file)) as { default?: UserConfig }).default ?? {})
    : {};
  const merged = { ...DEFAULT_CONFIG, ...fromFile, ...definedOnly(overrides) };
  const cacheDir =
    merged.cacheDir === false || process.env.LEDGERSPEC_CACHE === 'off'
      ? undefined
      : resolve(cwd, merged.cacheDir ?? DEFAULT_CACHE_DIR);
  checkEmitters(merged.emitters, file);
  return {
    ...merged,
    specDir: resolve(cwd, merged.specDir),
    outDir: resolve(cwd, merged.outDir),
    connectorsDir: resolve(cwd, merged.connectorsDir),
    cacheDir,
  };
}

/** The config file's module. Bundled into the project's default cache folder when there is one
 * (see configBundle: it spares the built CLI a TypeScript loader), else imported through tsx. The
 * config cannot choose this folder: it is read before the config is. */
async function importConfigFile(cwd: string, file: string): Promise<unknown> {
  const modules = resolve(cwd, 'node_modules');
  if (RUNNING_FROM_SOURCE || process.env.LEDGERSPEC_CACHE === 'off' || !existsSync(modules))
    return importUserModule(file);
  const [{ CacheStore }, { configBundle }] = await Promise.all([
    import('./cache/store.ts'),
    import('./cache/config-bundle.ts'),
  ]);
  const bundled = await configBundle(new CacheStore(resolve(cwd, DEFAULT_CACHE_DIR)), file);
  return bundled ? import(pathToFileURL(bundled).href) : importUserModule(file);
}

/** An unknown emitter name is a config error that lists the known ones. */
function checkEmitters(emitters: readonly string[], file: string): void {
  const known: readonly string[] = EMITTER_NAMES;
  const unknown = emitters.filter((name) => !known.includes(name));
  if (unknown.length === 0) return;
  throw new DiagnosticError(
    unknown.map((name) => ({
      code: 'config-emitter',
      severity: 'error',
      message: `unknown emitter ${JSON.stringify(name)} in emitters: expected one of ${EMITTER_NAMES.join(', ')}`,
      file,
      pointer: `/emitters/${emitters.indexOf(name)}`,
    })),
  );
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { importUserModule } from './import-typescript.ts';

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
}

export const DEFAULT_CONFIG: LedgerspecConfig = { specDir: 'spec', rootFile: 'openapi.yaml', outDir: 'generated', connectorsDir: 'connectors', houseRules: true };

export const CONFIG_FILE = 'ledgerspec.config.ts';

export function defineConfig(config: Partial<LedgerspecConfig>): Partial<LedgerspecConfig> {
  return config;
}

/** Defaults, then the config file (if any), then the overrides; paths resolved against cwd. */
export async function loadConfig(cwd: string, overrides: Partial<LedgerspecConfig> = {}): Promise<LedgerspecConfig> {
  const file = resolve(cwd, CONFIG_FILE);
  const fromFile: Partial<LedgerspecConfig> = existsSync(file) ? ((await importUserModule(file)) as { default?: Partial<LedgerspecConfig> }).default ?? {} : {};
  const merged = { ...DEFAULT_CONFIG, ...fromFile, ...definedOnly(overrides) };
  return { ...merged, specDir: resolve(cwd, merged.specDir), outDir: resolve(cwd, merged.outDir), connectorsDir: resolve(cwd, merged.connectorsDir) };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

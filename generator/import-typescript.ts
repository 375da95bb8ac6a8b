import { pathToFileURL } from 'node:url';

/** True when this module itself runs as TypeScript source (tsx in a checkout, vite in tests): a
 * TypeScript loader is then active already and the user's .ts files import as they are. */
export const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');

let loader: Promise<unknown> | undefined;

/**
 * Imports one of the user's TypeScript files (ledgerspec.config.ts, a connector's connector.ts or
 * mappings). The built CLI is JavaScript, so it registers tsx's loader on the first such import,
 * and only then: `--help`, `lint` or `diff` on a project without a config file never pay for it.
 */
export async function importUserModule(file: string): Promise<unknown> {
  if (/\.[cm]?tsx?$/.test(file) && !RUNNING_FROM_SOURCE) {
    loader ??= import('tsx/esm/api').then(({ register }) => register());
    await loader;
  }
  return import(pathToFileURL(file).href);
}

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
    // Both of tsx's hooks: in a package that is not "type": "module" (npm init's default) a .ts
    // file is CommonJS to Node, which, with the ESM hook alone, loads it through require(esm)
    // and fails ("Cannot require() ES Module … in a cycle").
    loader ??= Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]).then(([esm, cjs]) => {
      esm.register();
      cjs.register();
    });
    await loader;
  }
  return esModuleView(await import(pathToFileURL(file).href));
}

/** A TypeScript module compiled to CommonJS (see above) arrives as `{ default: module.exports }`,
 * its `export default` at `default.default` and its named exports beside it, marked `__esModule`:
 * the namespace it was written as is that inner object. */
function esModuleView(namespace: unknown): unknown {
  const inner = (namespace as { default?: unknown }).default;
  return typeof inner === 'object' && inner !== null && (inner as { __esModule?: unknown }).__esModule === true
    ? inner
    : namespace;
}

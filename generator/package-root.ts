import { existsSync } from 'node:fs';

/** The ledgerspec package's own folder (where package.json and templates/ are), as a URL ending
 * in '/'. Found by walking up from this module because the same code runs from two places:
 * generator/*.ts in a checkout, and a bundled chunk in dist/cli/ of the built package, so a fixed
 * '../..' would be right in only one of them. */
export const PACKAGE_ROOT: URL = findPackageRoot(new URL('.', import.meta.url));

/** templates/ of the package: Handlebars templates and runtime files that generate copies. */
export const TEMPLATES_DIR: URL = new URL('templates/', PACKAGE_ROOT);

function findPackageRoot(from: URL): URL {
  for (let dir = from; ; dir = new URL('..', dir)) {
    if (existsSync(new URL('package.json', dir)) && existsSync(new URL('templates/', dir))) return dir;
    if (new URL('..', dir).href === dir.href)
      throw new Error(`ledgerspec: no package.json with templates/ above ${from.pathname}`);
  }
}

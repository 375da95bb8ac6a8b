import { readFileSync } from 'node:fs';
import { PACKAGE_ROOT } from './package-root.ts';

/** The installed ledgerspec's version, from its own package.json (read, not imported, so the
 * CLI's start-up stays one small file read). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string }).version;
}

import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONFIG_FILE, DEFAULT_CONFIG } from './config.ts';

/** The project the CLI was started in: the nearest folder, from `cwd` up, that holds a
 * ledgerspec.config.ts, or a package.json with a spec folder beside it. So `ledgerspec lint` run
 * from spec/schemas/ lints the project's spec instead of looking for spec/schemas/spec. When no
 * folder above qualifies, `cwd` itself (its defaults then name what is missing). */
export function findProjectRoot(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    if (existsSync(join(dir, 'package.json')) && isFolder(join(dir, DEFAULT_CONFIG.specDir))) return dir;
    if (dirname(dir) === dir) return cwd;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

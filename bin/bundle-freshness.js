import { readFileSync, statSync } from 'node:fs';

/** Whether the CLI bundle under `root` (a file: URL of the package folder, ending in `/`) is fresh:
 * every source file it was built from (dist/cli/inputs.json) still has the size and mtime it had
 * at build time. bin/ledgerspec.js runs the bundle only then; the tests check project copies by it. */
export function bundleIsFresh(root) {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(new URL('dist/cli/inputs.json', root), 'utf8'));
  } catch {
    return false;
  }
  return Object.entries(inputs).every(([file, built]) => {
    const now = statSync(new URL(file, root), { throwIfNoEntry: false });
    return now !== undefined && now.size === built.size && now.mtimeMs === built.mtimeMs;
  });
}

import { isAbsolute, relative } from 'node:path';
import type { LedgerspecConfig } from '../config.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Memo } from '../cache/memo.ts';
import { specInputs } from '../cache/fingerprint.ts';
import { byCodeUnit } from '../source/compare.ts';

type SpecOptions = Pick<LedgerspecConfig, 'specDir' | 'rootFile' | 'houseRules'>;

/** The spec checks (house rules, or only the keyword checks) of a spec already checked: they are
 * a pure function of the spec folder's files (the checks read nothing else; their rules are the
 * generator's code, in the memo's key), the options, and the working directory (diagnostics name
 * files as given). A run that edits only a mapping, or follows a hand edit of generated/, then
 * skips the checks' 0.7–1 s.
 *
 * The files' hashes must be those of the text `load` read: `before` was taken before the load and
 * the folder is hashed again now, after it; only when both agree is the memo asked (a file edited
 * meanwhile means the checks just run). */
export function cachedSpecChecks(
  memo: Memo,
  config: SpecOptions,
  before: ReadonlyMap<string, string> | undefined,
  run: () => Diagnostic[],
): Diagnostic[] {
  const files = before && steadySpecFiles(config, before);
  if (!files) return run();
  const options = JSON.stringify({
    specDir: config.specDir,
    rootFile: config.rootFile,
    houseRules: config.houseRules,
    cwd: process.cwd(),
  });
  const parts = [options, ...[...files].sort(([a], [b]) => byCodeUnit(a, b)).map(([file, hash]) => `${file}\0${hash}`)];
  return JSON.parse(memo.sync('spec-checks', parts, () => JSON.stringify(run()))) as Diagnostic[];
}

/** The spec folder's files and hashes now, when they are exactly those of `before` (no file
 * edited, added or removed since); otherwise undefined. */
function steadySpecFiles(config: SpecOptions, before: ReadonlyMap<string, string>): Map<string, string> | undefined {
  const now = specInputs(config);
  const earlier = [...before].filter(([file]) => now.has(file) || isUnder(file, config.specDir));
  if (earlier.length !== now.size) return undefined;
  return earlier.every(([file, hash]) => now.get(file) === hash) ? now : undefined;
}

function isUnder(file: string, dir: string): boolean {
  const path = relative(dir, file);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
}

import { spawnSync } from 'node:child_process';
import { toPosix } from '../source/spec-sources.ts';
import { existsSync, mkdtempSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** A spec folder to read one side of a diff from; `dispose` removes it when it was made for
 * the diff (a git ref materialised into a temporary folder). */
export interface SpecFolder {
  /** How the side is named in reports: the argument as given. */
  label: string;
  dir: string;
  /** Set for a git ref's temporary folder: its files are not the ones in the working tree. */
  temporary?: true;
  dispose(): void;
}

/** Bad input on the command line: the command prints it and exits 2. */
export class DiffInputError extends Error {}

/** An argument that is an existing folder is a spec folder; anything else is a git ref, whose
 * spec folder is the one at the same place in the repository as `specDir` (the configured
 * spec folder of the working tree). */
export function openSpecFolder(arg: string, specDir: string, cwd = process.cwd()): SpecFolder {
  const asPath = resolve(cwd, arg);
  if (existsSync(asPath) && statSync(asPath).isDirectory()) return { label: arg, dir: asPath, dispose: () => {} };
  return checkoutSpec(arg, specDir);
}

/** `git archive <ref> <spec folder>` unpacked into a temporary folder. */
function checkoutSpec(ref: string, specDir: string): SpecFolder {
  const from = nearestExisting(specDir);
  const top = git(['rev-parse', '--show-toplevel'], from);
  if (top.status !== 0)
    throw new DiffInputError(
      `${JSON.stringify(ref)} is neither a folder nor usable as a git ref: ${from} is not inside a git repository`,
    );
  const root = top.stdout.toString().trim();
  const inRepo = toPosix(relative(realpathSync(root), join(realpathSync(from), relative(from, specDir))));
  if (inRepo.startsWith('..') || isAbsolute(inRepo))
    throw new DiffInputError(`the spec folder ${specDir} is outside the git repository at ${root}`);
  if (ref.startsWith('-') || git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root).status !== 0) {
    throw new DiffInputError(
      `${JSON.stringify(ref)} is neither a folder nor a git ref (commit, branch or tag) of ${root}`,
    );
  }
  const treePath = inRepo === '' ? '.' : inRepo;
  if (git(['cat-file', '-e', `${ref}:${inRepo}`], root).status !== 0)
    throw new DiffInputError(`git ref ${ref} has no spec folder at ${treePath}`);
  const tmp = mkdtempSync(join(tmpdir(), 'ledgerspec-diff-'));
  const dispose = () => rmSync(tmp, { recursive: true, force: true });
  try {
    const archive = git(['archive', '--format=tar', ref, '--', treePath], root);
    if (archive.status !== 0)
      throw new DiffInputError(`git archive ${ref} ${treePath} failed: ${archive.stderr.toString().trim()}`);
    const untar = spawnSync('tar', ['-x', '-C', tmp], { input: archive.stdout });
    if (untar.status !== 0)
      throw new DiffInputError(`could not unpack ${ref}:${treePath}: ${untar.stderr.toString().trim()}`);
  } catch (error) {
    dispose();
    throw error;
  }
  return { label: ref, dir: join(tmp, inRepo), temporary: true, dispose };
}

function git(args: string[], cwd: string) {
  return spawnSync('git', args, { cwd, maxBuffer: 1024 * 1024 * 1024 });
}

/** The spec folder may be gone from the working tree (deleted, or a typo); git still needs a
 * folder inside the repository to start from. */
function nearestExisting(dir: string): string {
  let current = resolve(dir);
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  return current;
}

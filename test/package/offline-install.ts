import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Installs a packed tarball into `app` (an empty folder) with npm, offline. `npm ci` caches the
 * tarballs of every locked package but not the registry's version lists, so a plain
 * `npm install <tarball> --offline` cannot resolve ranges. The app gets a lockfile instead: the
 * entries of the project's own package-lock.json that the wanted packages reach, at the same
 * paths, so npm takes each from the cache by its integrity, as a user's install would take
 * the same versions from the registry.
 */
export async function installOffline(
  app: string,
  tarball: string,
  project: string,
  extra: Record<string, string> = {},
): Promise<void> {
  const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as Lockfile;
  const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as LockEntry;
  const roots = { ...(manifest.dependencies ?? {}), ...extra };
  const entries = closure(lock.packages, Object.keys(roots));
  const dependencies = { ...extra, ledgerspec: `file:${tarball}` };
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }, null, 2),
  );
  writeFileSync(
    join(app, 'package-lock.json'),
    JSON.stringify(
      {
        name: 'consumer',
        lockfileVersion: 3,
        requires: true,
        packages: { '': { name: 'consumer', dependencies: { ...extra } }, ...entries },
      },
      null,
      2,
    ),
  );
  await promisify(execFile)('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: app,
    encoding: 'utf8',
  });
}

/** Every installed package's name@version under `app`, sorted (npm ls --all). */
export async function installedPackages(app: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)('npm', ['ls', '--all', '--parseable', '--long'], {
    cwd: app,
    encoding: 'utf8',
  });
  return stdout
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(':')[1] as string)
    .sort();
}

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dev?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  optional?: boolean;
}

interface Lockfile {
  packages: Record<string, LockEntry>;
}

/** The lock entries `names` reach from the root, resolved as Node does (nearest node_modules up). */
function closure(packages: Record<string, LockEntry>, names: string[]): Record<string, LockEntry> {
  const found: Record<string, LockEntry> = {};
  const visit = (from: string, name: string, optional: boolean) => {
    const path = resolve(packages, from, name);
    if (path === undefined) {
      if (optional) return;
      throw new Error(`package-lock.json has no ${name} reachable from ${from || 'the root'}`);
    }
    if (found[path]) return;
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = packages[path] as LockEntry;
    found[path] = entry;
    for (const dep of Object.keys(entry.dependencies ?? {})) visit(path, dep, false);
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) visit(path, dep, true);
    for (const dep of Object.keys(entry.peerDependencies ?? {}))
      visit(path, dep, entry.peerDependenciesMeta?.[dep]?.optional === true);
  };
  for (const name of names) visit('', name, false);
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function resolve(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dir.includes('/node_modules/') ? dir.slice(0, dir.lastIndexOf('/node_modules/')) : '') {
    const path = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[path]) return path;
    if (!dir) return undefined;
  }
}

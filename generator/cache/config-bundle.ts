import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hashOf, type CacheStore } from './store.ts';

// ledgerspec.config.ts is TypeScript; the built CLI is JavaScript on Node 20, which cannot strip
// types. Registering tsx's loader for it costs ~0.35 CPU-s a run (a module-hooks thread and esbuild),
// more than everything else a no-change `generate` does. So, as Vite does with vite.config.ts, the
// config and the project files it imports are bundled by esbuild into one ES module (packages stay
// imports), kept in the cache under the hash of every file that went into it; later runs hash those
// few files and import the bundle, without esbuild or a loader.

const AREA = 'config';
/** Bumped when the way bundles are made changes, so older ones are never imported. */
const BUNDLE_FORMAT = 'config-bundle 1';

interface BundleEntry {
  /** Each project file the bundle was made from, with the hash of its contents then. */
  inputs: [file: string, hash: string][];
  module: string;
}

/** The path of an importable bundle of `file`, from the cache or made now; undefined when esbuild
 * is not installed or cannot bundle it (the caller then imports the file through tsx, which reports
 * errors its own way). */
export async function configBundle(store: CacheStore, file: string): Promise<string | undefined> {
  const key = hashOf(BUNDLE_FORMAT, file);
  return cachedBundle(store, key) ?? (await freshBundle(store, key, file));
}

function cachedBundle(store: CacheStore, key: string): string | undefined {
  const text = store.get(AREA, key);
  if (text === undefined) return undefined;
  try {
    const entry = JSON.parse(text) as BundleEntry;
    const current = entry.inputs.every(([input, hash]) => hashOf(readFileSync(input)) === hash);
    return current && store.get(AREA, entry.module) !== undefined ? store.path(AREA, entry.module) : undefined;
  } catch {
    return undefined;
  }
}

async function freshBundle(store: CacheStore, key: string, file: string): Promise<string | undefined> {
  let built: { code: string; inputs: string[] };
  try {
    built = await bundle(file);
  } catch {
    return undefined;
  }
  const module = `${hashOf(built.code)}.mjs`;
  const entry: BundleEntry = { inputs: built.inputs.map((input) => [input, hashOf(readFileSync(input))]), module };
  store.put(AREA, module, built.code);
  store.put(AREA, key, JSON.stringify(entry));
  return store.get(AREA, module) === built.code ? store.path(AREA, module) : undefined;
}

/** One ES module of `file` and the project files it imports; `import.meta.url`, `dirname` and
 * `filename` keep meaning each source file's own, as they would unbundled. */
async function bundle(file: string): Promise<{ code: string; inputs: string[] }> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: dirname(file),
    define: {
      'import.meta.url': '__ls_url',
      'import.meta.dirname': '__ls_dirname',
      'import.meta.filename': '__ls_filename',
    },
    plugins: [
      {
        name: 'source-file-meta',
        setup: (on) =>
          on.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => ({ contents: withOwnMeta(args.path), loader: 'ts' })),
      },
    ],
  });
  const code = result.outputFiles?.[0]?.text;
  if (code === undefined) throw new Error('esbuild wrote nothing');
  return { code, inputs: Object.keys(result.metafile.inputs).map((input) => resolve(dirname(file), input)) };
}

function withOwnMeta(path: string): string {
  const meta = `const __ls_url = ${JSON.stringify(pathToFileURL(path).href)}, __ls_dirname = ${JSON.stringify(dirname(path))}, __ls_filename = ${JSON.stringify(path)};`;
  return `${meta}\n${readFileSync(path, 'utf8')}`;
}

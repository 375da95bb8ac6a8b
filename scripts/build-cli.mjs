// Part of `npm run build`: the CLI (generator/cli.ts and everything it imports from the project)
// bundled by esbuild into dist/cli/ as plain JavaScript, one chunk per command (code splitting
// keeps the dynamic `import('./commands/…')` of each command lazy). npm packages stay external:
// they are resolved from node_modules at run time, as the source does.
//
// dist/cli/inputs.json lists every source file that went into the bundle with its size and
// mtime; bin/ledgerspec.js runs the bundle only while they all still match (see there).
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const OUT = 'dist/cli';

/** Defines the `require` the CommonJS packages are loaded with (see requireCommonJs). */
const REQUIRE_BANNER =
  "import { createRequire as __ledgerspecCreateRequire } from 'node:module';\n" +
  'const __ledgerspecRequire = __ledgerspecCreateRequire(import.meta.url);';

/** CommonJS packages (typescript, ajv, handlebars, yaml…) are loaded with `require`, not `import`:
 * Node's ESM loader first compiles each such file to guess its format, then scans it for export
 * names, both before the CommonJS loader compiles it again (for typescript.js alone ~0.3 CPU-s;
 * `bench/cli-startup.ts` and `bench/generate.ts` show the difference). A package is taken this way
 * only when `import` and `require` resolve it to the same file, so it is the same module either way;
 * dynamic imports stay imports (their named exports are known only at run time). */
function requireCommonJs() {
  const requireHere = createRequire(import.meta.url);
  const byRequire = (specifier) => {
    let imported;
    try {
      imported = fileURLToPath(import.meta.resolve(specifier));
      return isCommonJs(imported) && requireHere.resolve(specifier) === imported;
    } catch {
      return false;
    }
  };
  return {
    name: 'require-commonjs',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) =>
        args.kind === 'import-statement' &&
        !args.path.startsWith('node:') &&
        !COMMONJS_BUILD_PREFERRED.has(args.path) &&
        byRequire(args.path)
          ? { path: args.path, namespace: 'require-commonjs' }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'require-commonjs' }, (args) => ({
        contents: `module.exports = __ledgerspecRequire(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
      build.onResolve({ filter: /^[^./]/ }, (args) =>
        args.kind === 'import-statement' && COMMONJS_BUILD_PREFERRED.has(args.path)
          ? { path: args.path, namespace: 'commonjs-build' }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'commonjs-build' }, (args) => ({
        contents: commonJsBuildModule(args.path, requireHere(args.path)),
        loader: 'js',
      }));
    },
  };
}

/** Packages shipping an ES and a CommonJS build of the same code, taken in their CommonJS build:
 * openapi-typescript's ES build imports typescript and @redocly/openapi-core (CommonJS) with
 * `import`, which makes Node guess the format of and scan typescript.js (9 MB) once more. */
const COMMONJS_BUILD_PREFERRED = new Set(['openapi-typescript']);

/** An ES module with the exports of the package's ES build, taken from its CommonJS build. */
function commonJsBuildModule(specifier, exported) {
  const names = Object.keys(exported).filter((name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name));
  return [
    `const m = __ledgerspecRequire(${JSON.stringify(specifier)});`,
    'export default m.__esModule ? m.default : m;',
    `export const { ${names.join(', ')} } = m;`,
  ].join('\n');
}

/** Whether Node loads `file` as CommonJS: .cjs, or .js in a package not marked "type": "module". */
function isCommonJs(file) {
  if (file.endsWith('.cjs')) return true;
  if (!file.endsWith('.js')) return false;
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).type !== 'module';
  }
  return true;
}

const result = await build({
  entryPoints: { cli: 'generator/cli.ts' },
  outdir: OUT,
  write: false,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
  plugins: [requireCommonJs()],
  banner: { js: REQUIRE_BANNER },
});

// Only the project's own files (not the packages loaded with require).
const inputs = Object.keys(result.metafile.inputs)
  .filter((file) => !/^(require-commonjs|commonjs-build):/.test(file))
  .sort();
const manifest = Object.fromEntries(
  inputs.map((file) => {
    const { size, mtimeMs } = statSync(file);
    return [file, { size, mtimeMs }];
  }),
);
const files = new Map(result.outputFiles.map((file) => [relative(resolve(OUT), file.path), file.contents]));
files.set('inputs.json', Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`));

if (sameAsBuilt(files)) {
  console.log(`build: CLI in ${OUT}/ is up to date`);
} else {
  const staging = `${OUT}.${process.pid}.tmp`;
  for (const [file, contents] of files) {
    mkdirSync(dirname(join(staging, file)), { recursive: true });
    writeFileSync(join(staging, file), contents);
  }
  swapIn(staging, OUT);
  console.log(
    `build: CLI bundled from ${inputs.length} source file(s) into ${files.size - 1} JavaScript file(s) in ${OUT}/`,
  );
}

/** True when dist/cli/ holds exactly these files already: the build then leaves it alone, so a
 * CLI running meanwhile (parallel tests) never sees it change under its feet. */
function sameAsBuilt(files) {
  if (!existsSync(OUT)) return false;
  const present = readdirSync(OUT, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  if (present.length !== files.size) return false;
  return [...files].every(
    ([file, contents]) => existsSync(join(OUT, file)) && readFileSync(join(OUT, file)).equals(contents),
  );
}

/** Replaces `out` by `staging` whole: a CLI started meanwhile sees the old bundle, or none (and
 * then runs the source), never half of each. Two builds at once (parallel tests) may both get
 * here; the later one retries until its rename lands. */
function swapIn(staging, out) {
  for (let attempt = 1; ; attempt++) {
    rmSync(out, { recursive: true, force: true });
    try {
      return renameSync(staging, out);
    } catch (error) {
      if (!['ENOTEMPTY', 'EEXIST'].includes(error.code) || attempt === 10) throw error;
    }
  }
}

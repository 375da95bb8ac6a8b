// Part of `npm run build`: the CLI (generator/cli.ts and everything it imports from the project)
// bundled by esbuild into dist/cli/ as plain JavaScript, one chunk per command (code splitting
// keeps the dynamic `import('./commands/…')` of each command lazy). npm packages stay external:
// they are resolved from node_modules at run time, as the source does.
//
// dist/cli/inputs.json lists every source file that went into the bundle with its size and
// mtime; bin/ledgerspec.js runs the bundle only while they all still match (see there).
import { build } from 'esbuild';
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = 'dist/cli';
const staging = `${OUT}.${process.pid}.tmp`;

const result = await build({
  entryPoints: { cli: 'generator/cli.ts' },
  outdir: staging,
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
});

const inputs = Object.keys(result.metafile.inputs).sort();
const manifest = Object.fromEntries(inputs.map((file) => {
  const { size, mtimeMs } = statSync(file);
  return [file, { size, mtimeMs }];
}));
mkdirSync(staging, { recursive: true });
writeFileSync(join(staging, 'inputs.json'), `${JSON.stringify(manifest, null, 1)}\n`);
swapIn(staging, OUT);
const chunks = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js')).length;
console.log(`build: CLI bundled from ${inputs.length} source file(s) into ${chunks} JavaScript file(s) in ${OUT}/`);

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

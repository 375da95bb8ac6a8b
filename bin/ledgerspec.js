#!/usr/bin/env node
// The ledgerspec CLI. The package runs dist/cli/cli.js, the JavaScript bundle `npm run build`
// makes (npm runs it at prepack, so a published package always has it): nothing is compiled at
// start-up, and each command loads its own dependencies when it runs.
//
// In a checkout (generator/ is here), the bundle is used only while it is fresh: every source file
// it was built from (dist/cli/inputs.json) still has the size and mtime it had at build time.
// Otherwise (no build yet, or a file edited since) the TypeScript source runs through tsx, so
// `npm run generate` never runs yesterday's generator. `npm run build` makes it fast again.
import { existsSync, readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { bundleIsFresh } from './bundle-freshness.js';
import { CLI_V8_FLAGS } from './v8-tiering.js';

// Set before anything else is loaded, so that it applies to every function the CLI runs.
setFlagsFromString(CLI_V8_FLAGS);

const root = new URL('../', import.meta.url);
const bundle = new URL('dist/cli/cli.js', root);
const source = new URL('generator/cli.ts', root);

try {
  if (!existsSync(source) || bundleIsFresh(root)) {
    await import(bundle.href);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import(source.href);
  }
} catch (error) {
  const missing = missingPeer(error);
  if (!missing) throw error;
  process.stderr.write(missing);
  process.exit(2);
}

/** The CLI's packages are optional peer dependencies (a project that only imports
 * ledgerspec/client installs none of them): when one is missing, say how to install them all. */
function missingPeer(error) {
  const name =
    error?.code === 'ERR_MODULE_NOT_FOUND' && /Cannot find package '([^']+)'/.exec(String(error.message))?.[1];
  const { peerDependencies = {} } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  if (!name || !(name in peerDependencies)) return undefined;
  // fastify serves ledgerspec/server; the CLI itself never loads it.
  const cli = Object.entries(peerDependencies).filter(([peer]) => peer !== 'fastify');
  return [
    `ledgerspec: the CLI needs the package '${name}', which is not installed.`,
    "The CLI's dependencies are optional peer dependencies of ledgerspec, so that a project using only",
    'ledgerspec/client, /validators or /types installs none of them. Install them with:',
    `  npm install --save-dev ${cli.map(([peer, range]) => `${peer}@'${range}'`).join(' ')}`,
    '',
  ].join('\n');
}

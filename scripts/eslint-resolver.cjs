// How eslint-plugin-boundaries finds the file an import names, as TypeScript (NodeNext) does: a
// relative `./x.js` is `./x.ts` when only that exists, so the layer rule sees the real target
// whichever extension the specifier uses. Packages and Node's built-ins are not layers: left out.
const { statSync } = require('node:fs');
const { dirname, resolve } = require('node:path');

const isFile = (path) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

exports.interfaceVersion = 2;

exports.resolve = (source, file) => {
  if (!source.startsWith('.') && !source.startsWith('/')) return { found: true, path: null };
  const target = resolve(dirname(file), source);
  const candidates = [
    target,
    target.replace(/\.js$/, '.ts'),
    target.replace(/\.mjs$/, '.mts'),
    target.replace(/\.js$/, '.d.ts'),
  ];
  const path = candidates.find(isFile);
  return path ? { found: true, path } : { found: false };
};

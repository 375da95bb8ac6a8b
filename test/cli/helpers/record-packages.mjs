// `node --import ./record-packages.mjs …`: appends the URL of every module the program loads from
// node_modules to the file named by RECORD_PACKAGES, one per line (resolve hook; the hooks run
// on their own thread in Node 20, so they write to a file rather than to the program's streams).
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.includes('/node_modules/')) appendFileSync(process.env.RECORD_PACKAGES, resolved.url + '\\n');
  return resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

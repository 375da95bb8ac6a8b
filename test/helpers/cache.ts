import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR } from './spec.ts';

/** The project's own cache, the one `npm run generate` fills (CI runs it before the tests). */
export const PROJECT_CACHE_DIR = join(PROJECT_DIR, 'node_modules/.cache/ledgerspec');

// The cache's memo areas: pure text computations named by the hash of all their inputs and of the
// generator itself (formatted files, json2ts declarations, standalone validators, mapping merges,
// compiled spec documents, spec checks, openapi.d.ts, the examples rule's findings), so sharing them can never change an output. Run records (`runs`) are
// left out: they answer a whole run without emitting, which would skip what a test is about.
const MEMO_AREAS = [
  'format',
  'json2ts',
  'validators',
  'validator-chunks',
  'server-validators',
  'mapping-merge',
  'documents',
  'spec-checks',
  'openapi-dts',
  'schema-examples',
  'response-examples',
];

/** Turns the empty folder `dir` into a cache that keeps its own run records but shares the
 * project cache's memo areas, for tests whose point is not the cold path: a generation of the
 * project's spec then costs what a warm one does. Entries are written whole (renamed into
 * place), so parallel test files may share them. */
export function sharedMemoCache(dir: string): string {
  for (const area of MEMO_AREAS) {
    mkdirSync(join(PROJECT_CACHE_DIR, area), { recursive: true });
    symlinkSync(join(PROJECT_CACHE_DIR, area), join(dir, area), 'dir');
  }
  return dir;
}

import { isDeepStrictEqual } from 'node:util';
import pointer from 'json-pointer';
import { isObject } from '../../source/schema-walk.ts';
import type { DiffContext } from '../context.ts';
import { ACKNOWLEDGEMENTS_KEY } from '../acknowledgements.ts';
import { METHODS } from '../operations.ts';

/** Keywords that only document: they change the SDK's doc comments, never its behaviour. */
const DOC_KEYS = new Set(['description', 'summary', 'title', 'examples', 'example', 'externalDocs', '$comment']);
/** Objects whose keys are names (a property called `description`), not keywords. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'schemas',
  'paths',
  'responses',
  'parameters',
  'requestBodies',
  'securitySchemes',
  'content',
  'headers',
  'links',
  'callbacks',
]);
/** Compared elsewhere: the version drives the semver suggestion, acknowledgements are input. */
const IGNORED = new Set(['/info/version', `/info/${ACKNOWLEDGEMENTS_KEY}`]);

/** Documentation-only changes, one finding per model or operation (a reworded model would
 * otherwise be a dozen lines): non-breaking, and what makes a release a patch. */
export function compareDocumentation(ctx: DiffContext): void {
  const changed: string[] = [];
  walk(ctx.base, ctx.head, '', false, changed);
  const groups = new Map<string, number>();
  for (const at of changed) groups.set(groupOf(at), (groups.get(groupOf(at)) ?? 0) + 1);
  for (const [group, count] of groups) {
    ctx.changes.add({
      id: 'documentation-changed',
      level: 'non-breaking',
      message: `descriptions, summaries or examples changed (${count} place${count === 1 ? '' : 's'})`,
      pointer: group,
      side: 'head',
    });
  }
}

function walk(base: unknown, head: unknown, at: string, namesHere: boolean, out: string[]): void {
  if (Array.isArray(base) && Array.isArray(head)) {
    // Arrays of another length changed shape; the structural rules report that.
    if (base.length === head.length) base.forEach((b, i) => walk(b, head[i], `${at}/${i}`, false, out));
    return;
  }
  if (!isObject(base) || !isObject(head)) return;
  for (const key of [...new Set([...Object.keys(base), ...Object.keys(head)])].sort()) {
    const here = `${at}/${pointer.escape(key)}`;
    if (IGNORED.has(here)) continue;
    if (!namesHere && DOC_KEYS.has(key)) {
      if (!isDeepStrictEqual(base[key], head[key])) out.push(here);
    } else if (key in base && key in head) walk(base[key], head[key], here, !namesHere && NAME_MAPS.has(key), out);
  }
}

/** `/components/schemas/Invoice`, `/paths/~1accounting~1invoices/get`, `/info`, `/tags`. */
function groupOf(at: string): string {
  const tokens = pointer.parse(at);
  if (tokens[0] === 'components') return pointer.compile(tokens.slice(0, 3));
  if (tokens[0] === 'paths')
    return pointer.compile(tokens.slice(0, (METHODS as readonly string[]).includes(tokens[2] ?? '') ? 3 : 2));
  return pointer.compile(tokens.slice(0, 1));
}

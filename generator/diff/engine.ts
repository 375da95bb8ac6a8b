import { isDeepStrictEqual } from 'node:util';
import type { SpecSources } from '../source/spec-sources.ts';
import { isObject, type JsonObject } from '../source/schema-walk.ts';
import { acceptAll, applyAcknowledgements, readAcknowledgements } from './acknowledgements.ts';
import { ChangeCollector, type DiffContext, type SchemaScope } from './context.ts';
import { LEVELS, type Change, type DiffResult } from './model.ts';
import type { OperationPair } from './operations.ts';
import { compareDocumentation } from './rules/documentation.ts';
import { compareModels } from './rules/models.ts';
import { compareOperations } from './rules/operations.ts';
import { compareParameters } from './rules/parameters.ts';
import { compareRequestBody } from './rules/request-body.ts';
import { compareResponses } from './rules/responses.ts';
import { compareSchemas } from './rules/schemas.ts';
import { compareSecurity, compareSecuritySchemes } from './rules/security.ts';
import { suggestBump } from './semver.ts';
import { sourceOf } from './source-map.ts';

/** One side of a diff after the front stages: its files (to map pointers back to them) and the
 * bundled, normalized document the rules compare. */
export interface ResolvedSpec {
  label: string;
  sources: SpecSources;
  document: JsonObject;
}

export interface DiffOptions {
  /** Accept every breaking change (--allow-breaking). */
  allowBreaking?: boolean;
}

/** Stage by stage: find the changes, place them in the spec's files, apply the head's
 * acknowledgements, sort, and suggest the version. */
export function diffSpecs(base: ResolvedSpec, head: ResolvedSpec, options: DiffOptions = {}): DiffResult {
  const changes = findChanges(base.document, head.document).map((c) => ({
    ...c,
    source: sourceOf(c.side === 'base' ? base.sources : head.sources, c.pointer),
  }));
  const unusedAcknowledgements = applyAcknowledgements(changes, readAcknowledgements(head.document));
  if (options.allowBreaking) acceptAll(changes);
  const [baseVersion, headVersion] = [versionOf(base.document), versionOf(head.document)];
  return {
    base: { label: base.label, ...(baseVersion ? { version: baseVersion } : {}) },
    head: { label: head.label, ...(headVersion ? { version: headVersion } : {}) },
    changes: sortChanges(changes),
    semver: suggestBump(changes, baseVersion, headVersion),
    unusedAcknowledgements,
  };
}

/** Every rule over two bundled, normalized documents; none when they are equal, which is what
 * the rules find there too (test/diff/corpus.test.ts) in a fraction of their time: `diff` against
 * HEAD with no spec edit is a common run (0.4 of its 1.2 CPU-s went to the rules on our spec). */
export function findChanges(base: JsonObject, head: JsonObject): Change[] {
  return isDeepStrictEqual(base, head) ? [] : compareDocuments(base, head);
}

/** Every rule over two bundled, normalized documents, equal or not. */
export function compareDocuments(base: JsonObject, head: JsonObject): Change[] {
  const changes = new ChangeCollector();
  const ctx: DiffContext = { base, head, changes, compare: (scope, b, h) => compareSchemas(ctx, scope, b, h) };
  for (const pair of compareOperations(ctx)) compareOperation(ctx, pair);
  compareModels(ctx);
  compareSecuritySchemes(ctx);
  compareDocumentation(ctx);
  return changes.all();
}

/** Request side (parameters, body), response side, then security, sharing one record of the
 * schema pairs already compared so a recursive model is walked once per direction. */
function compareOperation(ctx: DiffContext, pair: OperationPair): void {
  const seen = new Set<string>();
  const scope = (direction: SchemaScope['direction'], subject: SchemaScope['subject']): SchemaScope => ({
    direction,
    subject,
    operation: pair.head.ref,
    seen,
    depth: 0,
  });
  compareParameters(ctx, pair, scope('request', 'parameter'));
  compareRequestBody(ctx, pair, scope('request', 'body'));
  compareResponses(ctx, pair, scope('response', 'body'));
  compareSecurity(ctx, pair);
}

export function sortChanges(changes: Change[]): Change[] {
  for (const c of changes) c.operations.sort((a, b) => byText(a.path, b.path) || byText(a.method, b.method));
  return [...changes].sort(
    (a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || byText(a.id, b.id) || byText(a.pointer, b.pointer),
  );
}

function versionOf(document: JsonObject): string | undefined {
  const info = isObject(document.info) ? document.info : {};
  return typeof info.version === 'string' ? info.version : undefined;
}

/** Code-unit order, not the locale's: output must not depend on the machine. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

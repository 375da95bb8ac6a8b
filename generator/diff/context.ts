import type { JsonObject } from '../source/schema-walk.ts';
import type { Change, ChangeLevel, Direction, OperationRef } from './model.ts';
import type { SchemaNode } from './schema-view.ts';

/** What a rule reports; the collector adds the operations it reaches. */
export type Finding = Pick<Change, 'id' | 'level' | 'message' | 'pointer' | 'side'>;

/** Collects findings, one per rule id and pointer: a change inside a model shared by ten
 * operations is one change that reaches ten operations, not ten changes. */
export class ChangeCollector {
  private readonly byKey = new Map<string, Change>();

  add(finding: Finding, operation?: OperationRef): void {
    const key = `${finding.id}\u0000${finding.pointer}`;
    const known = this.byKey.get(key);
    if (!known) {
      this.byKey.set(key, { ...finding, operations: operation ? [operation] : [] });
      return;
    }
    if (operation && !known.operations.some((o) => o.method === operation.method && o.path === operation.path))
      known.operations.push(operation);
  }

  all(): Change[] {
    return [...this.byKey.values()];
  }
}

/** What the word in a rule id names: a parameter's schema, something inside one (a deepObject
 * filter's field), a body as a whole, or something inside a body (`request-property-…`, the way
 * oasdiff names them). */
export type Subject = 'parameter' | 'parameter-property' | 'body' | 'property';

/** Where in an operation a schema comparison is, and the means to go deeper. */
export interface SchemaScope {
  direction: Direction;
  subject: Subject;
  operation: OperationRef;
  /** Pairs of (base, head) locations already compared in this operation: recursive models. */
  seen: Set<string>;
  depth: number;
}

export interface DiffContext {
  base: JsonObject;
  head: JsonObject;
  changes: ChangeCollector;
  /** Compares two schemas; rules that find nested schemas (properties, items, branches) call it. */
  compare(scope: SchemaScope, base: SchemaNode, head: SchemaNode): void;
}

/** Reports a finding for the operation the scope is in. */
export function report(ctx: DiffContext, scope: SchemaScope, finding: Finding): void {
  ctx.changes.add(finding, scope.operation);
}

/** `request-property-removed`, `response-body-type-changed`, `request-parameter-enum-value-removed`. */
export function schemaRuleId(scope: SchemaScope, what: string): string {
  return `${scope.direction}-${scope.subject}-${what}`;
}

/** One level for requests and one for responses: most schema rules are mirror images. */
export function levelFor(scope: SchemaScope, levels: Record<Direction, ChangeLevel>): ChangeLevel {
  return levels[scope.direction];
}

/** A scope one level down: whatever sits inside a body is a property, inside a parameter a
 * parameter property. */
export function inner(scope: SchemaScope): SchemaScope {
  const subject: Subject =
    scope.subject === 'parameter' || scope.subject === 'parameter-property' ? 'parameter-property' : 'property';
  return { ...scope, subject, depth: scope.depth + 1 };
}

export function describeValue(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

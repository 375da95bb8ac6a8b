/** The typed model of `ledgerspec diff`: what changed between two specs, and what it means for
 * someone using the SDK generated from them. */

/** breaking: code written against the old SDK stops compiling, or requests the old SDK sends /
 * responses it expects stop matching. potentially-breaking: still compiles and usually works,
 * but code that assumed the old contract (an exhaustive switch, a default it relied on) may
 * misbehave. non-breaking: additions and relaxations. */
export type ChangeLevel = 'breaking' | 'potentially-breaking' | 'non-breaking';

export const LEVELS: readonly ChangeLevel[] = ['breaking', 'potentially-breaking', 'non-breaking'];

/** Which way data flows through a schema: the same change is breaking one way and not the other
 * (a field made optional hurts readers of responses, and helps writers of requests). */
export type Direction = 'request' | 'response';

/** An operation as SDK users know it. */
export interface OperationRef {
  method: string;
  path: string;
  operationId?: string;
}

/** Where a change sits in the spec's own files (the side that still has it). */
export interface SourceLocation {
  /** Path relative to the spec folder, e.g. `schemas/accounting/invoice.yaml`. */
  file: string;
  /** JSON pointer inside that file. */
  pointer: string;
  line?: number;
}

export interface Change {
  /** Stable rule code, e.g. `response-property-removed`. */
  id: string;
  level: ChangeLevel;
  message: string;
  /** JSON pointer into the bundled, normalized document (generated/openapi.json's shape): the
   * head's for what is new or changed, the base's for what is gone. */
  pointer: string;
  /** Which side `pointer` and `source` refer to. */
  side: 'base' | 'head';
  /** The operations the change reaches (a change inside a shared model reaches several); empty
   * for changes to the document as a whole (a removed model, a security scheme). */
  operations: OperationRef[];
  source?: SourceLocation;
  /** Set when an acknowledgement in the head spec (or --allow-breaking) accepts the change. */
  accepted?: { reason: string };
}

/** One entry of `info.x-ledgerspec-accepted-breaking-changes` in the head spec. */
export interface Acknowledgement {
  id: string;
  pointer: string;
  reason: string;
}

export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface SemverSuggestion {
  bump: Bump;
  /** info.version of each side, when it has one. */
  base?: string;
  head?: string;
  /** base's version with the bump applied (0.x: see suggestBump). */
  next?: string;
  /** Whether head's declared version is already at least `next`. */
  headSatisfies?: boolean;
  note?: string;
}

export interface DiffResult {
  base: { label: string; version?: string };
  head: { label: string; version?: string };
  /** Sorted: level, then id, then pointer. */
  changes: Change[];
  semver: SemverSuggestion;
  /** Acknowledgements in the head spec that match no change: probably stale. */
  unusedAcknowledgements: Acknowledgement[];
}

import { allocations, type Allocations } from './allocations.ts';
import { balanced, type Balanced } from './balanced.ts';
import { calendarDate } from './calendar-date.ts';
import { linesSum, type LinesSum } from './lines-sum.ts';
import type { AnnotatedKind, DeclaredKind } from './model.ts';
import { nonNegative, type NonNegative } from './non-negative.ts';
import { references } from './references.ts';
import { reportTree, type ReportTree } from './report-tree.ts';
import { totals, type Totals } from './totals.ts';

/** What each kind's `x-invariants` entry holds besides `kind`. */
export interface DeclarationOf {
  'lines-sum': LinesSum;
  totals: Totals;
  'report-tree': ReportTree;
  balanced: Balanced;
  allocations: Allocations;
  'non-negative': NonNegative;
}

export type DeclaredKindName = keyof DeclarationOf;

/** One entry of an entity's `x-invariants`. */
export type InvariantDeclaration = {
  [Kind in DeclaredKindName]: { kind: Kind } & DeclarationOf[Kind];
}[DeclaredKindName];

/** The kinds an entity schema declares in `x-invariants`, by the name written in `kind`. */
export const DECLARED_KINDS: { readonly [Kind in DeclaredKindName]: DeclaredKind<DeclarationOf[Kind]> } = {
  'lines-sum': linesSum,
  totals,
  'report-tree': reportTree,
  balanced,
  allocations,
  'non-negative': nonNegative,
};

/** The kinds every record gets from annotations on its fields: `x-relation`, `x-date-only`. */
export const ANNOTATED_KINDS: { readonly [Kind in 'references' | 'calendar-date']: AnnotatedKind } = {
  references,
  'calendar-date': calendarDate,
};

export function isDeclaredKind(kind: unknown): kind is DeclaredKindName {
  return typeof kind === 'string' && Object.hasOwn(DECLARED_KINDS, kind);
}

import { sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import type { SpecSources } from '../source/spec-sources.ts';
import { lintContext, NO_LINT_MEMO, type LintMemo } from './context.ts';
import type { LintRule } from './rule.ts';
import { componentRegistered } from './rules/component-registered.ts';
import { dateOnlyField } from './rules/date-only-field.ts';
import { entityCommonFields } from './rules/entity-common-fields.ts';
import { enumCase } from './rules/enum-case.ts';
import { invariantDeclaration } from './rules/invariant-declaration.ts';
import { errorResponses, responseExamples } from './rules/error-responses.ts';
import { listPagination } from './rules/list-pagination.ts';
import { listQueryMatchesSchema } from './rules/list-query-matches-schema.ts';
import { operationId } from './rules/operation-id.ts';
import { propertyDescription } from './rules/property-description.ts';
import { relationExpansion } from './rules/relation-expansion.ts';
import { relationTarget } from './rules/relation-target.ts';
import { scalarSortFilter } from './rules/scalar-sort-filter.ts';
import { schemaExamples } from './rules/schema-examples.ts';
import { schemaIdentity } from './rules/schema-identity.ts';
import { schemaKeywords } from './rules/schema-keywords.ts';
import { refCycles } from './rules/ref-cycles.ts';

/** The project's rules, run after Redocly's recommended set. */
export const LINT_RULES: readonly LintRule[] = [
  entityCommonFields,
  propertyDescription,
  relationTarget,
  relationExpansion,
  listPagination,
  listQueryMatchesSchema,
  operationId,
  scalarSortFilter,
  schemaIdentity,
  schemaKeywords,
  refCycles,
  schemaExamples,
  componentRegistered,
  enumCase,
  invariantDeclaration,
  dateOnlyField,
  errorResponses,
  responseExamples,
];

export function lintSpec(
  sources: SpecSources,
  rules: readonly LintRule[] = LINT_RULES,
  memo: LintMemo = NO_LINT_MEMO,
): Diagnostic[] {
  const ctx = lintContext(sources, memo);
  return sortDiagnostics(withoutEchoes(rules.flatMap((rule) => rule.check(ctx))));
}

/** Codes that name the cause of a schema that does not compile, at its own line and keyword. */
const CAUSES = new Set(['schema-keyword', 'schema-pattern', 'schema-format', 'dangling-ref', 'ref-cycle']);

/** One report per cause: "schema does not compile" is dropped for a file whose cause is already
 * reported (and for every file when a cause is reported anywhere: Ajv then fails on files that
 * only refer to the broken one). */
export function withoutEchoes(diagnostics: Diagnostic[]): Diagnostic[] {
  const hasCause = diagnostics.some((d) => d.severity === 'error' && CAUSES.has(d.code));
  return hasCause
    ? diagnostics.filter((d) => !(d.code === 'schema-examples' && /do(es)? not compile/.test(d.message)))
    : diagnostics;
}

import type { LintRule } from '../rule.ts';
import { schemaKeywordProblems } from '../schema-keywords.ts';

/** Patterns, formats and keywords, each at its own file, line and keyword (see schema-keywords.ts). */
export const schemaKeywords: LintRule = {
  code: 'schema-keywords',
  description:
    'Every pattern is a regular expression the linear-time engine runs (a warning when it can backtrack catastrophically elsewhere); every format is one the validators know; every keyword of a schema file is known, with a value JSON Schema 2020-12 allows.',
  check: (ctx) => schemaKeywordProblems(ctx.sources, { unknownFormat: 'error', memo: ctx.memo }),
};

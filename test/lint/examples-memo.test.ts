import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Memo } from '../../generator/cache/memo.ts';
import { lintSpec } from '../../generator/lint/index.ts';
import { schemaExamples } from '../../generator/lint/rules/schema-examples.ts';
import { loadSpecSources } from '../../generator/source/spec-sources.ts';
import { countingMemo } from '../helpers/counting-memo.ts';

// The examples rule compiles every schema file; `generate` keeps its findings in the memo under the
// files' data without prose, so a description edit is answered without compiling (schema-examples.ts).

const BASE = new URL('../fixtures/lint-base', import.meta.url).pathname;
const WIDGET = 'schemas/accounting/widget.yaml';
const dir = mkdtempSync(join(tmpdir(), 'ledgerspec-examples-memo-'));
cpSync(BASE, dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const original = readFileSync(join(dir, WIDGET), 'utf8');

function lintWidget(text: string, memo: Memo) {
  writeFileSync(join(dir, WIDGET), text);
  return lintSpec(loadSpecSources(dir), [schemaExamples], memo);
}

describe('the examples rule in the memo', () => {
  const badExample = original.replace('    total: 5\n', "    total: 'five'\n");

  it('answers a description edit from the memo, at the lines of the edited text', () => {
    const { memo, computed } = countingMemo();
    const before = lintWidget(badExample, memo);
    expect(before.map((d) => d.pointer)).toEqual(['/examples/0/total']);
    // Two lines more above the example: the finding moves with it.
    const edited = badExample.replace('description: A widget.', 'description: >-\n  A widget,\n  described at length.');
    const after = lintWidget(edited, memo);
    expect(computed('schema-examples')).toBe(1);
    expect(after).toEqual(lintSpec(loadSpecSources(dir), [schemaExamples]));
    expect(after[0]?.line).toBe((before[0]?.line ?? 0) + 2);
  });

  it('compiles again when validity or an example changes, or a description stops being a string', () => {
    const { memo, computed } = countingMemo();
    lintWidget(original, memo);
    expect(lintWidget(badExample, memo).map((d) => d.pointer)).toEqual(['/examples/0/total']);
    lintWidget(
      original.replace(
        '    description: What the parts cost together.',
        '    maximum: 1\n    description: What the parts cost together.',
      ),
      memo,
    );
    lintWidget(original.replace('description: A widget.', 'description: 42'), memo);
    expect(computed('schema-examples')).toBe(4);
  });
});

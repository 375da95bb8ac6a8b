import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withEntry } from '../../generator/diff/changelog.ts';
import type { Change } from '../../generator/diff/model.ts';
import { jsonReport, markdownEntry, textReport } from '../../generator/diff/report.ts';
import { suggestBump } from '../../generator/diff/semver.ts';
import { DIFF_BASE, SpecCopy, diffFolders } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'ledgerspec-diff-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const change = (level: Change['level'], id = 'x'): Change => ({
  id,
  level,
  message: 'm',
  pointer: '/p',
  side: 'head',
  operations: [],
});

describe('semver suggestion', () => {
  it('major for breaking, minor for additions, patch for documentation, none for nothing', () => {
    expect(suggestBump([change('breaking'), change('non-breaking')], '1.4.2')).toMatchObject({
      bump: 'major',
      next: '2.0.0',
    });
    expect(suggestBump([change('potentially-breaking')], '1.4.2')).toMatchObject({ bump: 'minor', next: '1.5.0' });
    expect(suggestBump([change('non-breaking', 'operation-added')], '1.4.2')).toMatchObject({
      bump: 'minor',
      next: '1.5.0',
    });
    expect(suggestBump([change('non-breaking', 'documentation-changed')], '1.4.2')).toMatchObject({
      bump: 'patch',
      next: '1.4.3',
    });
    expect(suggestBump([], '1.4.2')).toEqual({ bump: 'none', base: '1.4.2', next: '1.4.2' });
  });

  it('shifts one place below 1.0 and says so', () => {
    expect(suggestBump([change('breaking')], '0.3.1')).toMatchObject({
      bump: 'major',
      next: '0.4.0',
      note: '0.x: a major change is released as a minor bump',
    });
    expect(suggestBump([change('non-breaking', 'operation-added')], '0.3.1')).toMatchObject({
      bump: 'minor',
      next: '0.3.2',
    });
  });

  it('checks the head version against the next one, and copes without versions', () => {
    expect(suggestBump([change('breaking')], '1.4.2', '2.0.0')).toMatchObject({ headSatisfies: true });
    expect(suggestBump([change('breaking')], '1.4.2', '1.5.0')).toMatchObject({ headSatisfies: false });
    expect(suggestBump([change('breaking')])).toEqual({ bump: 'major' });
    expect(suggestBump([change('breaking')], 'spring-edition')).toEqual({ bump: 'major', base: 'spring-edition' });
  });
});

describe('changelog file', () => {
  const entry = '## 2.0.0\n\n- b\n';
  it('goes before the first entry, below the title and introduction', () => {
    expect(withEntry('# Changelog\n\nIntro.\n\n## 1.0.0\n\n- a\n', entry)).toBe(
      '# Changelog\n\nIntro.\n\n## 2.0.0\n\n- b\n\n## 1.0.0\n\n- a\n',
    );
  });
  it('is appended to a changelog with no entries, and a new file gets a title', () => {
    expect(withEntry('# Changelog\n', entry)).toBe('# Changelog\n\n## 2.0.0\n\n- b\n');
    expect(withEntry('', entry)).toBe('# Changelog\n\n## 2.0.0\n\n- b\n');
  });
});

describe('pointers, sources and reports', () => {
  it('points into the bundled document and back to the spec file and line', () => {
    const head = new SpecCopy(dir)
      .set('schemas/accounting/gadget.yaml', '/properties/label/maxLength', 10)
      .set('openapi.yaml', '/components/parameters/Limit/schema/maximum', 100)
      .remove('paths/accounting/widgets.yaml', '/item/get/responses/404');
    const result = diffFolders(DIFF_BASE, head.dir);
    const byId = new Map(result.changes.map((c) => [`${c.id} ${c.pointer}`, c]));
    expect(
      byId.get('request-parameter-constraint-tightened /components/parameters/Limit/schema/maximum'),
    ).toMatchObject({
      operations: [{ method: 'GET', path: '/accounting/widgets', operationId: 'listWidgets' }],
      source: { file: 'openapi.yaml', pointer: '/components/parameters/Limit/schema/maximum', line: 32 },
    });
    expect(
      byId.get('response-property-constraint-tightened /components/schemas/Gadget/properties/label/maxLength'),
    ).toMatchObject({
      source: { file: 'schemas/accounting/gadget.yaml', pointer: '/properties/label/maxLength' },
    });
    expect(
      byId.get('response-non-success-status-removed /paths/~1accounting~1widgets~1{id}/get/responses/404'),
    ).toMatchObject({
      side: 'base',
      source: { file: 'paths/accounting/widgets.yaml', pointer: '/item/get/responses/404', line: 93 },
    });
  });

  it('reports are the same bytes on every run', () => {
    const head = new SpecCopy(dir)
      .remove('schemas/accounting/widget.yaml', '/properties/tags')
      .set('schemas/accounting/widget.yaml', '/properties/status/enum', ['Active', 'Retired', null]);
    const [first, second] = [diffFolders(DIFF_BASE, head.dir), diffFolders(DIFF_BASE, head.dir)];
    expect(jsonReport(second)).toBe(jsonReport(first));
    expect(markdownEntry(second)).toBe(markdownEntry(first));
    expect(first.changes.map((c) => c.level)).toEqual(
      [...first.changes.map((c) => c.level)].sort(
        (a, b) =>
          ['breaking', 'potentially-breaking', 'non-breaking'].indexOf(a) -
          ['breaking', 'potentially-breaking', 'non-breaking'].indexOf(b),
      ),
    );
  });

  it('text and markdown reports say when nothing changed', () => {
    const result = diffFolders(DIFF_BASE, DIFF_BASE);
    expect(textReport(result)).toEqual([
      'ledgerspec diff: base (1.4.0) → head (1.4.0)',
      '',
      'No changes.',
      '',
      'Suggested version bump: none',
      'No unaccepted breaking changes.',
    ]);
    expect(markdownEntry(result)).toBe('## Unreleased\n\nSuggested version bump: none.\n\nNo API changes.\n');
  });

  it('names the head version in the changelog heading when it changed', () => {
    const head = new SpecCopy(dir)
      .set('openapi.yaml', '/info/version', '1.5.0')
      .set('paths/accounting/widgets.yaml', '/item/get/deprecated', true);
    const result = diffFolders(DIFF_BASE, head.dir);
    expect(markdownEntry(result, { date: '2025-01-31' })).toMatch(
      /^## 1\.5\.0 — 2025-01-31\n\nSuggested version bump: minor \(1\.4\.0 → 1\.5\.0\)\.\n\n### Added & changed\n\n- \*\*GET \/accounting\/widgets\/\{id\}\*\*: GET \/accounting\/widgets\/\{id\} is now deprecated/,
    );
  });
});

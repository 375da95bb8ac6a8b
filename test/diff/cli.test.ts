import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDiff, type DiffCommandOptions } from '../../generator/commands/diff.ts';
import { runLint } from '../../generator/commands/lint.ts';
import { loadConfig } from '../../generator/config.ts';
import { capturedOutput } from '../helpers/captured-output.ts';
import { PROJECT_DIR } from '../helpers/spec.ts';
import { DIFF_BASE, SpecCopy } from './helpers.ts';

const BIN = join(PROJECT_DIR, 'bin/ledgerspec.js');
const dir = mkdtempSync(join(tmpdir(), 'ledgerspec-diff-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const W = 'schemas/accounting/widget.yaml';
const REMOVED = '/components/schemas/Widget/properties/tags';

// Folder against folder, the command's run function is called in-process with the CLI's own
// Output (the same lines on the same streams) and the configuration the CLI finds in `dir`: the
// same report and exit code without a process and a load of the generator per case. What needs
// the process is spawned: a usage error (commander's exit 2) and git refs, read from the working
// folder (test/cli/conventions.test.ts spawns diff once per exit code as well).
function run(args: string[], cwd = dir) {
  return spawnSync('node', [BIN, ...args], { cwd, encoding: 'utf8' });
}

async function diff(base: string, head: string, options: Partial<DiffCommandOptions> = {}) {
  const format = options.format ?? 'text';
  const output = capturedOutput(format);
  const status = runDiff(await loadConfig(dir), { base, head }, { ...options, format }, output.output);
  return { status, stdout: output.stdout(), stderr: output.stderr() };
}

/** The fixture with `tags` removed: breaking for responses (Widget) and requests (the derived
 * WidgetCreate and WidgetUpdate bodies), one change per pointer. */
function withoutTags(): SpecCopy {
  return new SpecCopy(dir).remove(W, '/properties/tags').remove(W, '/examples/0/tags');
}

describe('ledgerspec diff: folders', () => {
  const head = withoutTags();

  it('prints the changes grouped by level with pointer and source line, and exits 1 on a breaking change', async () => {
    const result = await diff(DIFF_BASE, head.dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^Breaking \(3\)$/m);
    expect(result.stdout).toContain(
      `[response-property-removed] GET /accounting/widgets and 3 more: optional field \`tags\` removed`,
    );
    expect(result.stdout).toContain(`at ${REMOVED}  schemas/accounting/widget.yaml:`);
    expect(result.stdout).toContain('Suggested version bump: major (1.4.0 → 2.0.0)');
  });

  it('exits 0 with --allow-breaking, still reporting the changes as accepted', async () => {
    const result = await diff(DIFF_BASE, head.dir, { allowBreaking: true });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('(accepted: --allow-breaking)');
  });

  it('--format json is sorted and carries rule id, level, pointer, operations and source', async () => {
    const result = await diff(DIFF_BASE, head.dir, { format: 'json' });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      summary: Record<string, number>;
      semver: Record<string, unknown>;
      changes: { id: string; level: string; pointer: string; operations: unknown[]; source: { file: string } }[];
    };
    expect(report.summary).toEqual({ breaking: 3, potentiallyBreaking: 0, nonBreaking: 1, unacceptedBreaking: 3 });
    expect(report.semver).toMatchObject({ bump: 'major', base: '1.4.0', next: '2.0.0' });
    expect(report.changes.map((c) => `${c.level} ${c.id} ${c.pointer}`)).toEqual([
      'breaking request-property-removed /components/schemas/WidgetCreate/properties/tags',
      'breaking request-property-removed /components/schemas/WidgetUpdate/properties/tags',
      'breaking response-property-removed /components/schemas/Widget/properties/tags',
      'non-breaking documentation-changed /components/schemas/Widget',
    ]);
    expect(report.changes[2]).toMatchObject({
      operations: expect.arrayContaining([
        { method: 'GET', path: '/accounting/widgets/{id}', operationId: 'getWidget' },
      ]),
      source: { file: 'schemas/accounting/widget.yaml', pointer: '/properties/tags' },
    });
  });

  it('--format markdown prints a changelog entry and --changelog prepends it before the first entry', async () => {
    const changelog = join(dir, 'CHANGELOG.md');
    writeFileSync(changelog, '# Changelog\n\nEvery release of the API.\n\n## 1.4.0 — 2024-01-01\n\n- First.\n');
    const result = await diff(DIFF_BASE, head.dir, {
      format: 'markdown',
      release: '2.0.0',
      date: '2024-05-01',
      changelog,
      allowBreaking: true,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^## 2\.0\.0 — 2024-05-01\n\nSuggested version bump: major \(1\.4\.0 → 2\.0\.0\)\.\n\n### Breaking\n\n- \*\*POST \/accounting\/widgets\*\*: optional field `tags` removed/,
    );
    expect(result.stdout).toContain('### Added & changed');
    expect(result.stdout).toContain(`(\`response-property-removed\` at \`${REMOVED}\`)`);
    const written = readFileSync(changelog, 'utf8');
    expect(written.startsWith('# Changelog\n\nEvery release of the API.\n\n## 2.0.0 — 2024-05-01\n')).toBe(true);
    expect(written).toContain(`${result.stdout.trimEnd()}\n\n## 1.4.0 — 2024-01-01\n\n- First.\n`);
  });

  it('exits 2 on a folder that is no spec and on a bad option', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty, { recursive: true });
    const broken = await diff(DIFF_BASE, empty);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain(`ledgerspec diff: cannot read the spec of ${empty}:`);
    const usage = run(['diff', '--format', 'xml']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("argument 'xml' is invalid");
  });
});

describe('ledgerspec diff: acknowledgements in the spec', () => {
  const acknowledge = (pointer: string) =>
    withoutTags().set('openapi.yaml', '/info/x-ledgerspec-accepted-breaking-changes', [
      { id: 'response-property-removed', pointer, reason: 'tags moved to the labels endpoint' },
      { id: 'request-property-removed', pointer: '/components/schemas/WidgetCreate/properties/tags', reason: 'same' },
      { id: 'request-property-removed', pointer: '/components/schemas/WidgetUpdate/properties/tags', reason: 'same' },
    ]);

  it('accepts exactly the acknowledged changes (id and pointer) and the linter accepts the extension', async () => {
    const head = acknowledge(REMOVED);
    const result = await diff(DIFF_BASE, head.dir);
    expect(result.stdout).toContain('(accepted: tags moved to the labels endpoint)');
    expect(result.status).toBe(0);
    const lint = capturedOutput();
    const status = runLint(await loadConfig(head.dir, { specDir: head.dir }), { format: 'text' }, lint.output);
    expect(lint.stdout()).toContain('ledgerspec lint: no problems');
    expect(status).toBe(0);
  });

  it('still exits 1 when the acknowledgement names another pointer, and warns about it', async () => {
    const head = acknowledge('/components/schemas/Widget/properties/name');
    const result = await diff(DIFF_BASE, head.dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'warning: acknowledgement [response-property-removed] at /components/schemas/Widget/properties/name matches no breaking change',
    );
    expect(result.stderr).toContain('1 breaking change(s) not accepted');
  });

  it('exits 2 on a malformed acknowledgement', async () => {
    const head = withoutTags().set('openapi.yaml', '/info/x-ledgerspec-accepted-breaking-changes', [
      { id: 'response-property-removed' },
    ]);
    const result = await diff(DIFF_BASE, head.dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('needs a string id, a string pointer and a non-empty reason');
  });
});

describe('ledgerspec diff: git refs', () => {
  const repo = join(dir, 'repo');
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args],
      { cwd: repo, encoding: 'utf8' },
    );
  mkdirSync(repo, { recursive: true });
  cpSync(DIFF_BASE, join(repo, 'spec'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'spec 1.4.0');
  git('tag', 'v1.4.0');

  it('compares HEAD with the working tree by default', () => {
    expect(run(['diff'], repo).status).toBe(0);
    const widget = join(repo, 'spec', W);
    writeFileSync(widget, readFileSync(widget, 'utf8').replace('    maxLength: 100\n', '    maxLength: 20\n'));
    const result = run(['diff'], repo);
    expect(result.stdout).toContain('ledgerspec diff: HEAD (1.4.0) → spec (1.4.0)');
    expect(result.stdout).toContain(
      '[request-property-constraint-tightened] POST /accounting/widgets: maxLength decreased from 100 to 20',
    );
    expect(result.status).toBe(1);
  });

  it('takes a ref for either side, leaves no temporary folder behind, and exits 2 on an unknown ref', () => {
    const before = listTemp();
    const result = run(['diff', 'v1.4.0', 'HEAD', '--format', 'json'], repo);
    expect(listTemp()).toEqual(before);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      base: { label: 'v1.4.0' },
      head: { label: 'HEAD' },
      changes: [],
    });
    const bad = run(['diff', 'no-such-ref'], repo);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('"no-such-ref" is neither a folder nor a git ref');
  });
});

function listTemp(): string[] {
  return execFileSync('ls', [tmpdir()], { encoding: 'utf8' })
    .split('\n')
    .filter(
      (n) =>
        n.startsWith('ledgerspec-diff-') &&
        !n.startsWith('ledgerspec-diff-cli-') &&
        !n.startsWith('ledgerspec-diff-corpus-'),
    )
    .sort();
}

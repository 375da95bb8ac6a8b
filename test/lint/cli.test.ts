import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../helpers/spec.ts';

const BIN = join(PROJECT_DIR, 'bin/ledgerspec.js');
const dir = mkdtempSync(join(tmpdir(), 'ledgerspec-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ledgerspec lint', () => {
  it('passes on the project spec', () => {
    const out = execFileSync('node', [BIN, 'lint'], { cwd: PROJECT_DIR, encoding: 'utf8' });
    expect(out).toContain('ledgerspec lint: no problems');
  });

  it('prints file:line, rule and pointer and exits 1 on a broken spec', () => {
    cpSync(new URL('../fixtures/lint-base', import.meta.url).pathname, dir, { recursive: true });
    const widget = join(dir, 'schemas/accounting/widget.yaml');
    writeFileSync(widget, readFileSync(widget, 'utf8').replace('x-relation: gadgets', 'x-relation: gizmos'));
    const text = spawnSync('node', [BIN, '--spec', dir, 'lint'], { cwd: dir, encoding: 'utf8' });
    expect(text.status).toBe(1);
    expect(text.stderr).toMatch(
      /^schemas\/accounting\/widget\.yaml:30 error \[relation-target\] at \/properties\/gadget_id\/x-relation: /m,
    );
    const json = spawnSync('node', [BIN, '--spec', dir, 'lint', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).diagnostics).toEqual([
      expect.objectContaining({
        code: 'relation-target',
        file: 'schemas/accounting/widget.yaml',
        pointer: '/properties/gadget_id/x-relation',
        line: 30,
      }),
    ]);
  });
});

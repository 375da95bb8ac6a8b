import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runLint } from '../../generator/commands/lint.ts';
import { loadConfig } from '../../generator/config.ts';
import { findProjectRoot } from '../../generator/project-root.ts';
import { capturedOutput } from '../helpers/captured-output.ts';
import { inFolder } from '../helpers/in-folder.ts';
import { PROJECT_DIR } from '../helpers/spec.ts';

const dir = mkdtempSync(join(tmpdir(), 'ledgerspec-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `ledgerspec [--spec <spec>] lint [--format f]` typed in `cwd`, in-process: the command's run
 * function with the CLI's own Output (the same lines on the same streams) and the configuration
 * the CLI finds from there. The CLI's exit codes and streams for lint are spawned in
 * test/cli/conventions.test.ts. */
function lint(cwd: string, format: 'text' | 'json', spec?: string) {
  return inFolder(cwd, async () => {
    const output = capturedOutput(format);
    const config = await loadConfig(findProjectRoot(cwd), { specDir: spec });
    const status = runLint(config, { format }, output.output);
    return { status, stdout: output.stdout(), stderr: output.stderr() };
  });
}

describe('ledgerspec lint', () => {
  it('passes on the project spec', async () => {
    const { status, stdout } = await lint(PROJECT_DIR, 'text');
    expect(stdout).toContain('ledgerspec lint: no problems');
    expect(status).toBe(0);
  });

  it('prints file:line, rule and pointer and exits 1 on a broken spec', async () => {
    cpSync(new URL('../fixtures/lint-base', import.meta.url).pathname, dir, { recursive: true });
    const widget = join(dir, 'schemas/accounting/widget.yaml');
    writeFileSync(widget, readFileSync(widget, 'utf8').replace('x-relation: gadgets', 'x-relation: gizmos'));
    const text = await lint(dir, 'text', dir);
    expect(text.status).toBe(1);
    expect(text.stderr).toMatch(
      /^schemas\/accounting\/widget\.yaml:30 error \[relation-target\] at \/properties\/gadget_id\/x-relation: /m,
    );
    const json = await lint(dir, 'json', dir);
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

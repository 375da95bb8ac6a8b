import { describe, expect, it } from 'vitest';
import { runGenerate } from '../../generator/commands/generate.ts';
import { cliOutput } from '../../generator/commands/output.ts';
import { loadConfig } from '../../generator/config.ts';
import { PROJECT_DIR } from '../helpers/spec.ts';

// `generate` at a terminal names each stage while it runs (a spinner on stderr) and ends with its
// summary; into a pipe, in CI or with --quiet it shows no progress at all.

const config = await loadConfig(PROJECT_DIR);

async function generateCheck(isTTY: boolean, env: Record<string, string>, quiet = false) {
  const text = { stdout: '', stderr: '' };
  const stdout = { isTTY, write: (s: string) => (text.stdout += s) };
  const stderr = { isTTY, write: (s: string) => (text.stderr += s) };
  const out = cliOutput({ format: 'text', quiet, verbose: false }, stdout, stderr, env);
  const code = await runGenerate(config, { check: true }, out);
  return { code, ...text };
}

/** The stages a run went through, from its last line (`fingerprint 12ms · cache 40ms · …`). */
function stagesOf(stdout: string): string[] {
  const timings = stdout.trim().split('\n').at(-1)!;
  return timings.split(' · ').map((t) => t.replace(/ \d+ms$/, ''));
}

describe('generate progress', () => {
  it('names every stage on stderr at a terminal, then prints the summary on stdout', async () => {
    const run = await generateCheck(true, { TERM: 'xterm' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^generated\/ is up to date \(\d+ files\)/);
    const stages = stagesOf(run.stdout);
    expect(stages).toContain('fingerprint');
    for (const stage of stages) expect(run.stderr).toContain(`generate --check: ${stage} `);
    // Each spinner line is cleared when its stage ends, so the terminal is left clean.
    expect(run.stderr.endsWith('\r\u001b[2K')).toBe(true);
  });

  it.each([
    ['into a pipe', false, {}],
    ['in CI', true, { CI: 'true' }],
    ['with TERM=dumb', true, { TERM: 'dumb' }],
  ])('shows nothing but the summary %s', async (_name, isTTY, env) => {
    const run = await generateCheck(isTTY, env);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('shows nothing at all with --quiet, even at a terminal', async () => {
    const run = await generateCheck(true, { TERM: 'xterm' }, true);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

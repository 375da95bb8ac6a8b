import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FRAMES } from '../../generator/commands/code-frame.ts';
import { githubAnnotation, sarifLog } from '../../generator/commands/findings.ts';
import { cliOutput } from '../../generator/commands/output.ts';
import { animationWanted, colourWanted } from '../../generator/commands/terminal.ts';
import { findProjectRoot } from '../../generator/project-root.ts';

// The CLI's output conventions without spawning anything: which stream a line goes to, colour
// and animation from the environment, code frames, annotation escaping, the project root.

const scratch = mkdtempSync(join(tmpdir(), 'ledgerspec-output-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function streams(isTTY = false) {
  const text = { stdout: '', stderr: '' };
  const stdout = { isTTY, write: (s: string) => (text.stdout += s) };
  const stderr = { isTTY, write: (s: string) => (text.stderr += s) };
  return { text, stdout, stderr };
}

describe('colour and animation', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it.each([
    ['a terminal', tty, {}, true],
    ['a pipe', pipe, {}, false],
    ['NO_COLOR at a terminal', tty, { NO_COLOR: '1' }, false],
    ['an empty NO_COLOR (unset, per no-color.org)', tty, { NO_COLOR: '' }, true],
    ['FORCE_COLOR into a pipe', pipe, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=0 at a terminal', tty, { FORCE_COLOR: '0' }, false],
    ['NO_COLOR over FORCE_COLOR', tty, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
    ['TERM=dumb', tty, { TERM: 'dumb' }, false],
  ])('colour on %s: %s', (_name, stream, env, wanted) => {
    expect(colourWanted(stream, env)).toBe(wanted);
  });

  it('animates only at a terminal outside CI', () => {
    expect(animationWanted({ isTTY: true }, {})).toBe(true);
    expect(animationWanted({ isTTY: false }, {})).toBe(false);
    expect(animationWanted({ isTTY: true }, { CI: 'true' })).toBe(false);
    expect(animationWanted({ isTTY: true }, { CI: 'false' })).toBe(true);
  });
});

describe('cliOutput', () => {
  it('puts results on stdout, problems on stderr, detail only with --verbose', () => {
    const { text, stdout, stderr } = streams();
    const out = cliOutput({ format: 'text', quiet: false, verbose: false }, stdout, stderr);
    out.result('the report');
    out.info('wrote a file');
    out.problem('a problem');
    out.detail('the config');
    expect(text).toEqual({ stdout: 'the report\nwrote a file\n', stderr: 'a problem\n' });
    const verbose = streams();
    cliOutput({ format: 'text', quiet: false, verbose: true }, verbose.stdout, verbose.stderr).detail('the config');
    expect(verbose.text.stderr).toBe('the config\n');
  });

  it('leaves out information with --quiet, never results or problems', () => {
    const { text, stdout, stderr } = streams();
    const out = cliOutput({ format: 'text', quiet: true, verbose: false }, stdout, stderr);
    out.result('{}');
    out.info('wrote a file');
    out.problem('a problem');
    expect(text).toEqual({ stdout: '{}\n', stderr: 'a problem\n' });
  });

  it('shows a code frame under the first problems that have a line, then stops', () => {
    const file = join(scratch, 'frame.yaml');
    writeFileSync(file, 'a: 1\nb: 2\nc: \u001b[31mred\n');
    const { text, stdout, stderr } = streams();
    const out = cliOutput({ format: 'text', quiet: false, verbose: false }, stdout, stderr);
    for (let i = 0; i < MAX_FRAMES + 2; i++)
      out.diagnostic({
        code: 'rule',
        severity: 'error',
        message: `problem ${i}`,
        file,
        pointer: '/c',
        line: 3,
        column: 4,
      });
    expect(text.stderr).toContain(
      `${file}:3:4 error [rule] at /c: problem 0\n  2 | b: 2\n> 3 | c: ?[31mred\n    |    ^\n`,
    );
    expect(text.stderr.match(/> 3 \|/g)).toHaveLength(MAX_FRAMES);
    expect(text.stderr).toContain(`code frames are shown for the first ${MAX_FRAMES} problems only`);
    expect(text.stderr).toContain(`problem ${MAX_FRAMES + 1}`);
    expect(text.stdout).toBe('');
  });

  it('draws no spinner and writes no escape sequence when stderr is not a terminal', () => {
    const { text, stdout, stderr } = streams(false);
    const out = cliOutput({ format: 'text', quiet: false, verbose: false }, stdout, stderr);
    out.progress('working')();
    out.problem('x.yaml:1 error [rule] at /: bad');
    expect(text.stderr).toBe('x.yaml:1 error [rule] at /: bad\n');
  });
});

describe('GitHub annotations', () => {
  it('escapes the message and the properties as the runner expects', () => {
    expect(
      githubAnnotation({
        ruleId: 'r:1',
        level: 'error',
        message: '100% wrong\nsecond line',
        file: 'spec/a,b.yaml',
        line: 3,
        column: 5,
      }),
    ).toBe('::error file=spec/a%2Cb.yaml,line=3,col=5,title=r%3A1::100%25 wrong%0Asecond line');
    expect(githubAnnotation({ ruleId: 'note', level: 'note', message: 'm' })).toBe('::notice title=note::m');
  });
});

describe('SARIF', () => {
  it('lists each rule once and locates results by relative URI and region', () => {
    const log = sarifLog(
      [
        { ruleId: 'b', level: 'warning', message: 'm', file: 'spec/a b.yaml', line: 2 },
        { ruleId: 'a', level: 'error', message: 'n' },
      ],
      { name: 'ledgerspec', version: '1.0.0' },
    );
    expect(log.runs[0]?.tool.driver.rules).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(log.runs[0]?.results[0]).toEqual({
      ruleId: 'b',
      ruleIndex: 1,
      level: 'warning',
      message: { text: 'm' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'spec/a%20b.yaml' }, region: { startLine: 2 } } }],
    });
    expect(log.runs[0]?.results[1]).not.toHaveProperty('locations');
  });
});

describe('the project root', () => {
  it('is the nearest folder above with ledgerspec.config.ts, or package.json beside a spec folder', () => {
    const project = join(scratch, 'project');
    mkdirSync(join(project, 'spec/schemas/accounting'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{}');
    expect(findProjectRoot(join(project, 'spec/schemas/accounting'))).toBe(project);
    const configured = join(project, 'packages/api');
    mkdirSync(join(configured, 'deep'), { recursive: true });
    writeFileSync(join(configured, 'ledgerspec.config.ts'), 'export default {};\n');
    expect(findProjectRoot(join(configured, 'deep'))).toBe(configured);
  });

  it('is the working folder itself when nothing above qualifies', () => {
    const lone = join(scratch, 'lone/sub');
    mkdirSync(lone, { recursive: true });
    expect(findProjectRoot(lone)).toBe(lone);
  });
});

import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

// bin/ledgerspec.js in a stand-in package: dist/cli/cli.js and generator/cli.ts are one-line
// stubs that say which of them ran, so the choice is checked without building anything.
let pkg: string;

beforeEach(() => {
  pkg = mkdtempSync(join(tmpdir(), 'ledgerspec-bin-'));
  mkdirSync(join(pkg, 'dist/cli'), { recursive: true });
  mkdirSync(join(pkg, 'generator'));
  cpSync(join(PROJECT, 'bin'), join(pkg, 'bin'), { recursive: true });
  copyFileSync(join(PROJECT, 'package.json'), join(pkg, 'package.json'));
  writeFileSync(join(pkg, 'dist/cli/cli.js'), "console.log('bundle');\n");
  writeFileSync(join(pkg, 'generator/cli.ts'), "const from: string = 'source';\nconsole.log(from);\n");
  recordBuild();
});
afterEach(() => rmSync(pkg, { recursive: true, force: true }));

/** What scripts/build-cli.mjs records: each bundled source file's size and mtime. */
function recordBuild(): void {
  const { size, mtimeMs } = statSync(join(pkg, 'generator/cli.ts'));
  writeFileSync(join(pkg, 'dist/cli/inputs.json'), JSON.stringify({ 'generator/cli.ts': { size, mtimeMs } }));
}

function run(): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(pkg, 'bin/ledgerspec.js'), '--version'], {
    cwd: pkg,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bin/ledgerspec.js', () => {
  it('runs the bundle when every source file it was built from is unchanged', () => {
    expect(run()).toEqual({ status: 0, stdout: 'bundle\n', stderr: '' });
  });

  it('runs the TypeScript source through tsx when a source file changed after the build', () => {
    symlinkSync(join(PROJECT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
    const later = new Date(statSync(join(pkg, 'generator/cli.ts')).mtimeMs + 5_000);
    utimesSync(join(pkg, 'generator/cli.ts'), later, later);
    expect(run()).toEqual({ status: 0, stdout: 'source\n', stderr: '' });
  });

  it('runs the TypeScript source when there is no build', () => {
    symlinkSync(join(PROJECT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
    rmSync(join(pkg, 'dist'), { recursive: true });
    expect(run()).toEqual({ status: 0, stdout: 'source\n', stderr: '' });
  });

  it('runs the bundle as it is in a published package (no generator/ sources, no inputs.json)', () => {
    rmSync(join(pkg, 'generator'), { recursive: true });
    rmSync(join(pkg, 'dist/cli/inputs.json'));
    expect(run()).toEqual({ status: 0, stdout: 'bundle\n', stderr: '' });
  });

  it('names a missing CLI dependency and the command that installs them all, on stderr, exit 2', () => {
    rmSync(join(pkg, 'generator'), { recursive: true });
    writeFileSync(join(pkg, 'dist/cli/cli.js'), "await import('prettier');\n");
    const result = run();
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("ledgerspec: the CLI needs the package 'prettier', which is not installed.");
    expect(result.stderr).toMatch(
      /\n {2}npm install --save-dev @babel\/code-frame@'\^[\d.]+' .*change-case@'\^[\d.]+' .*prettier@'\^[\d.]+' .*typescript@'\^[\d.]+' yaml@'\^[\d.]+'\n$/,
    );
    expect(result.stderr).not.toContain('fastify');
  });

  it('lets any other error through as it is', () => {
    rmSync(join(pkg, 'generator'), { recursive: true });
    writeFileSync(join(pkg, 'dist/cli/cli.js'), "await import('left-pad-that-is-no-peer');\n");
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Cannot find package 'left-pad-that-is-no-peer'");
  });

  it("prints the same install command as README.md's, from package.json's peer dependencies", () => {
    rmSync(join(pkg, 'generator'), { recursive: true });
    writeFileSync(join(pkg, 'dist/cli/cli.js'), "await import('handlebars');\n");
    const printed = run()
      .stderr.split('\n')
      .find((line) => line.includes('npm install --save-dev')) as string;
    const readme = readFileSync(join(PROJECT, 'README.md'), 'utf8');
    expect(readme).toContain(printed.trim().replace('npm install --save-dev ', 'npm install --save-dev ledgerspec '));
  });
});

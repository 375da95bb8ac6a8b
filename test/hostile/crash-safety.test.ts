import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { runGenerate } from '../../generator/commands/generate.ts';
import { loadConfig } from '../../generator/config.ts';
import { JOURNAL, listFiles, TMP } from '../../generator/pipeline/write.ts';
import { capturedOutput } from '../helpers/captured-output.ts';
import { PROJECT_DIR } from '../helpers/spec.ts';
import { switchBoth, type Tree } from './helpers/switch-both.ts';
import { expectNoStackTrace } from './no-stack-trace.ts';
import { tempDirs } from '../helpers/temp.ts';

// `generate` killed at any point of its write stage (issue #18) leaves generated/ and the mapping
// files as they were, or as the new spec makes them once the next run has finished the switch;
// the next run succeeds and leaves no staged file or journal behind. The kill comes from the
// test-only LEDGERSPEC_TEST_KILL_AT hook (generator/pipeline/kill-points.ts): SIGKILL, nothing
// runs after it. Only the killed runs are processes; the runs after them, which must simply
// succeed, are the same code called in-process.

const tempDir = tempDirs('ledgerspec-crash-');

type Trees = { generated: Tree; mappings: Tree };
const OLD: Trees = {
  generated: { 'a.ts': 'old a', 'b.ts': 'same b', 'stale.ts': 'stale', 'sub/d.ts': 'old d' },
  mappings: { 'xero/mappings/invoices.ts': 'old invoices', 'xero/connector.ts': 'hand-written' },
};
const NEW: Trees = {
  generated: { 'a.ts': 'new a', 'b.ts': 'same b', 'c.ts': 'new c', 'sub/d.ts': 'new d' },
  mappings: { 'xero/mappings/invoices.ts': 'merged invoices', 'xero/connector.ts': 'hand-written' },
};

function write(dir: string, tree: Tree): void {
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}
const read = (dir: string): Tree =>
  Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const leftovers = (dir: string): string[] =>
  (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(TMP) || f.endsWith(JOURNAL));

/** helpers/switch-child.ts and the write stage it runs, bundled once by esbuild into plain
 * JavaScript: each killed child then starts as node alone, without tsx compiling TypeScript
 * first (a fifth of the CPU time per child). The kill hook reads its variable when it loads. */
let childScript: string | undefined;
function switchChild(): string {
  childScript ??= (() => {
    const outfile = join(tempDir(), 'switch-child.mjs');
    buildSync({
      entryPoints: [join(PROJECT_DIR, 'test/hostile/helpers/switch-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'warning',
    });
    return outfile;
  })();
  return childScript;
}

function killedSwitch(generated: string, mappings: string, want: Trees, killAt: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, LEDGERSPEC_TEST_KILL_AT: killAt };
  return spawnSync('node', [switchChild(), generated, mappings, JSON.stringify(want)], { env, encoding: 'utf8' });
}

interface KillCase {
  killAt: string;
  /** What the folders hold right after the kill. */
  afterKill: 'old' | 'half-switched';
}

// 5 files change (a, c, sub/d, stale removed; the mapping), so 4 are staged (the mapping first).
const KILLS: KillCase[] = [
  { killAt: 'staged:1', afterKill: 'old' },
  { killAt: 'staged:2', afterKill: 'old' },
  { killAt: 'staged:4', afterKill: 'old' },
  { killAt: 'committed:1', afterKill: 'half-switched' },
  { killAt: 'renamed:1', afterKill: 'half-switched' },
  { killAt: 'renamed:3', afterKill: 'half-switched' },
  { killAt: 'renamed:4', afterKill: 'half-switched' },
];

describe('the write switch killed at each point', () => {
  it.each(KILLS)(
    'killed at $killAt: the folders are $afterKill, and the next run ends with the new tree',
    ({ killAt, afterKill }) => {
      const root = tempDir();
      const generated = join(root, 'generated');
      const mappings = join(root, 'connectors');
      write(generated, OLD.generated);
      write(mappings, OLD.mappings);
      const killed = killedSwitch(generated, mappings, NEW, killAt);
      expect(killed.signal).toBe('SIGKILL');
      if (afterKill === 'old') {
        expect(read(generated)).toEqual(OLD.generated);
        expect(read(mappings)).toEqual(OLD.mappings);
        expect(existsSync(join(generated, JOURNAL))).toBe(false);
      } else {
        // Committed: the journal says what is left to do; each file is whole, old or new.
        expect(existsSync(join(generated, JOURNAL))).toBe(true);
        for (const [dir, key] of [
          [generated, 'generated'],
          [mappings, 'mappings'],
        ] as const) {
          for (const [path, text] of Object.entries(read(dir)))
            expect([OLD[key][path], NEW[key][path]]).toContain(text);
        }
      }
      switchBoth(generated, mappings, NEW);
      expect(read(generated)).toEqual(NEW.generated);
      expect(read(mappings)).toEqual(NEW.mappings);
      expect([...leftovers(generated), ...leftovers(mappings)]).toEqual([]);
    },
  );

  it.each(KILLS.filter((k) => k.afterKill === 'old'))(
    'killed at $killAt, then run for the old spec again: the old tree, no leftovers',
    ({ killAt }) => {
      const root = tempDir();
      const generated = join(root, 'generated');
      const mappings = join(root, 'connectors');
      write(generated, OLD.generated);
      write(mappings, OLD.mappings);
      expect(killedSwitch(generated, mappings, NEW, killAt).signal).toBe('SIGKILL');
      switchBoth(generated, mappings, OLD);
      expect(read(generated)).toEqual(OLD.generated);
      expect(read(mappings)).toEqual(OLD.mappings);
      expect([...leftovers(generated), ...leftovers(mappings)]).toEqual([]);
    },
  );
});

describe('ledgerspec generate killed while writing', () => {
  const BIN = join(PROJECT_DIR, 'bin/ledgerspec.js');
  const project = () => {
    const root = tempDir();
    mkdirSync(join(root, 'spec'));
    cpSync(join(PROJECT_DIR, 'test/fixtures/third-party/openapi-3.1.yaml'), join(root, 'spec/openapi.yaml'));
    return root;
  };
  const spawnGenerate = (cwd: string, killAt?: string) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.LEDGERSPEC_TEST_KILL_AT;
    if (killAt) env.LEDGERSPEC_TEST_KILL_AT = killAt;
    return spawnSync('node', [BIN, 'generate', '--no-house-rules'], { cwd, env, encoding: 'utf8' });
  };

  /** `generate` after a kill, in-process with the CLI's output: only the killed runs need to be
   * processes. */
  const generateAgain = async (root: string) => {
    const output = capturedOutput();
    const status = await runGenerate(await loadConfig(root, { houseRules: false }), { check: false }, output.output);
    return { status, stdout: output.stdout(), stderr: output.stderr() };
  };

  let clean: Tree | undefined;
  /** generated/ of a run never killed (made once, in-process like the runs after a kill). */
  const cleanTree = async (): Promise<Tree> => {
    if (!clean) {
      const root = project();
      const run = await generateAgain(root);
      expect(run.status, run.stderr).toBe(0);
      clean = read(join(root, 'generated'));
    }
    return clean;
  };

  it.each(['staged:5', 'committed:1', 'renamed:7'])(
    'killed at %s: the next generate finishes, and equals a run never killed',
    async (killAt) => {
      const root = project();
      const killed = spawnGenerate(root, killAt);
      expect(killed.signal).toBe('SIGKILL');
      if (killAt.startsWith('staged')) expect(listFiles(join(root, 'generated'))).toEqual([]);
      const next = await generateAgain(root);
      expectNoStackTrace(next.stdout + next.stderr, `generate after a kill at ${killAt}`);
      expect(next.status, next.stderr).toBe(0);
      expect(next.stdout).toContain(
        killAt.startsWith('staged')
          ? 'recovered: deleted the staged files of an interrupted generate'
          : 'recovered: finished writing what an interrupted generate had committed',
      );
      expect(read(join(root, 'generated'))).toEqual(await cleanTree());
      expect(leftovers(join(root, 'generated'))).toEqual([]);
    },
  );
});

import { spawn, type ChildProcess } from 'node:child_process';
import { procCpuMs, type ProcessCost } from './processes.ts';

/** A running `ledgerspec generate --watch`, measured from outside: the CPU time the process spends
 * (utime + stime of /proc/<pid>/stat, Linux) and the wall time from an edit to the line saying the
 * run is done. What a regenerate costs when the modules are already loaded, as while editing with
 * `--watch` open. */
export interface WatchSession {
  /** Applies `edit` (untimed beyond the edit itself) and measures the regeneration it causes. */
  measure(edit: () => void): Promise<ProcessCost>;
  close(): Promise<void>;
}

const DONE = /^(regenerated|generation failed) in /m;

export async function startWatch(node: string, args: string[], cwd: string): Promise<WatchSession> {
  const child = spawn(node, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let failure = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (failure += text));
  const runsDone = () => output.match(new RegExp(DONE.source, 'gm'))?.length ?? 0;
  const waitForRuns = (count: number) =>
    waitFor(
      child,
      () => runsDone() >= count,
      () => failure,
    );
  await waitForRuns(1);
  return {
    async measure(edit) {
      const done = runsDone();
      const cpuBefore = procCpuMs(child.pid as number, 'own');
      const start = process.hrtime.bigint();
      edit();
      await waitForRuns(done + 1);
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      const last = output.trimEnd().split('\n').at(-1) ?? '';
      if (last.startsWith('generation failed')) throw new Error(`watch: ${last}\n${failure}`);
      return { wallMs, cpuMs: procCpuMs(child.pid as number, 'own') - cpuBefore };
    },
    async close() {
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

function waitFor(child: ChildProcess, condition: () => boolean, stderr: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (condition()) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`watch exited with ${child.exitCode}\n${stderr()}`));
      }
    }, 20);
  });
}

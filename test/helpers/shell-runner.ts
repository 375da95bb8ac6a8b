import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Commands that do not end by themselves: servers, mocks, a watcher. */
const LONG_RUNNING = /\bnpm start\b|\bprism (mock|proxy)\b|--watch\b/;

export interface CommandResult {
  command: string;
  problem?: string;
  /** Wall time until it ended (or, for a long-running command, until it was ready). */
  seconds: number;
}

/** Runs a README block's commands in order, as a shell would, in `cwd`, each expected to exit 0
 * unless its comment says otherwise (`# exit 1 until …`): a long-running command is
 * started, waited for (its port, or its first line of output), and kept until the block ends when
 * it ends in `&`, else until the next long-running command; curl answers are checked for the
 * status the command asks for (`Prefer: code=404`) or a 2xx. */
export async function runBlock(commands: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CommandResult[]> {
  const results: CommandResult[] = [];
  const running: { child: ChildProcess; port?: number; untilBlockEnd: boolean }[] = [];
  const stop = async (which: typeof running) => {
    await Promise.all(which.map(({ child, port }) => stopGroup(child, port)));
    running.splice(0, running.length, ...running.filter((r) => !which.includes(r)));
  };
  try {
    for (const command of commands) {
      const line = command.replace(/\s+#[^'"]*$/, '').trim();
      const start = performance.now();
      const seconds = () => Math.round((performance.now() - start) / 100) / 10;
      if (LONG_RUNNING.test(line)) {
        await stop(running.filter((r) => !r.untilBlockEnd));
        const background = line.endsWith('&');
        const started = await startLongRunning(line.replace(/&$/, ''), cwd, env);
        running.push({ child: started.child, port: started.port, untilBlockEnd: background });
        results.push({ command, seconds: seconds(), ...(started.problem ? { problem: started.problem } : {}) });
      } else {
        const ended = await runToEnd(line, cwd, env, expectedExit(command));
        results.push({ command, seconds: seconds(), ...ended });
      }
    }
  } finally {
    await stop([...running]);
  }
  return results;
}

/** The exit code a command's own comment announces (`# exit 1 until …`); 0 otherwise. */
function expectedExit(command: string): number {
  return Number(/\s#\s*exit (\d+)\b/.exec(command)?.[1] ?? 0);
}

async function runToEnd(
  line: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  exitCode: number,
): Promise<{ problem?: string }> {
  const done = await exec('sh', ['-c', line], { cwd, env, timeout: 180_000, maxBuffer: 64 << 20 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({
      code: e.code ?? -1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    }),
  );
  const tail = `${done.stderr}\n${done.stdout}`.trim().split('\n').slice(-6).join('\n');
  if (done.code !== exitCode) return { problem: `exit ${done.code}, expected ${exitCode}: ${tail}` };
  if (!/^curl\b/.test(line)) return {};
  const status = /readme-test-status (\d{3})/.exec(done.stdout)?.[1];
  const wanted = /Prefer: code=(\d{3})/i.exec(line)?.[1];
  const ok = wanted ? status === wanted : /^2\d\d$/.test(status ?? '');
  return ok ? {} : { problem: `HTTP ${status ?? 'no answer'}, expected ${wanted ?? '2xx'}: ${tail}` };
}

/** Starts the command in its own process group and waits until it serves its port (a server) or
 * says something (a watcher). */
async function startLongRunning(line: string, cwd: string, env: NodeJS.ProcessEnv) {
  const child = spawn('sh', ['-c', line], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<string>((resolve) => child.once('exit', (code) => resolve(`exited (${code}): ${output}`)));
  const watcher = /--watch\b/.test(line);
  const port = watcher ? undefined : Number(/-p (\d+)/.exec(line)?.[1] ?? /PORT=(\d+)/.exec(line)?.[1] ?? 4010);
  const ready = port === undefined ? outputSays(() => output, /watching/) : portOpen(port);
  const problem = await Promise.race([ready.then(() => undefined), exited, timeout(120_000, () => output)]);
  return { child, port, problem };
}

async function outputSays(output: () => string, pattern: RegExp): Promise<void> {
  while (!pattern.test(output())) await sleep(200);
}

async function portOpen(port: number, open = true): Promise<void> {
  while ((await answers(port)) !== open) await sleep(250);
}

function answers(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    }).once('error', () => resolve(false));
    setTimeout(() => socket.destroy(), 1000).unref();
  });
}

async function timeout(ms: number, output: () => string): Promise<string> {
  await sleep(ms);
  return `not ready after ${ms / 1000}s: ${output()}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** Ends the command's process group (npm start → node → the server) and waits until its port is
 * free, so the next server can take it. */
async function stopGroup(child: ChildProcess, port: number | undefined): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // the group is gone already
    }
  };
  signal('SIGTERM');
  const closed = port === undefined ? sleep(500) : portOpen(port, false);
  await Promise.race([closed, sleep(10_000)]);
  signal('SIGKILL');
}

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** Whole-process cost of one command: wall time, and CPU time (user + system) where the OS tells
 * it. Under load (several agents on 2 cores) CPU time is the steadier of the two. */
export interface ProcessCost {
  wallMs: number;
  cpuMs: number | undefined;
}

export interface Command {
  label: string;
  command: string;
  args: string[];
  cwd?: string;
  /** Runs before each run of the command, untimed: puts the input in the state to measure. */
  before?: () => void;
}

/** Runs each command `runs` times, interleaved (a, b, a, b, …) so that both meet the same
 * background load, and returns the median cost of each. Fails on a non-zero exit: a broken
 * command must not pass for a fast one. */
export function medianCosts(commands: Command[], runs: number): ProcessCost[] {
  const samples = commands.map(() => [] as ProcessCost[]);
  for (let run = 0; run < runs; run++) {
    commands.forEach((command, index) => samples[index]!.push(cost(command)));
  }
  return samples.map((costs) => ({
    wallMs: median(costs.map((c) => c.wallMs)),
    cpuMs: costs[0]!.cpuMs === undefined ? undefined : median(costs.map((c) => c.cpuMs as number)),
  }));
}

function cost({ label, command, args, cwd, before }: Command): ProcessCost {
  before?.();
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${label}: exit ${result.status}\n${result.stderr}`);
  const cpuAfter = childrenCpuMs();
  return { wallMs, cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

/** CPU time of this process's finished children (cutime + cstime of /proc/self/stat, Linux), or
 * undefined elsewhere. A child spawned synchronously is reaped before spawnSync returns, so the
 * difference around it is that child's whole CPU time. */
function childrenCpuMs(): number | undefined {
  return existsSync('/proc/self/stat') ? procCpuMs('self', 'children') : undefined;
}

/** CPU time (user + system) from /proc/<pid>/stat, in ms (clock ticks of 10 ms): the process's own
 * (utime + stime) or that of its finished children (cutime + cstime). Linux only. */
export function procCpuMs(pid: number | 'self', whose: 'own' | 'children'): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command name, field 3 (state) is index 0: utime, stime (14, 15) are 11, 12 and
  // cutime, cstime (16, 17) are 13, 14.
  const first = whose === 'own' ? 11 : 13;
  return (Number(fields[first]) + Number(fields[first + 1])) * 10;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** "0.14 CPU-s, 0.31 s wall", or wall only where CPU time is not known. */
export function describeCost({ wallMs, cpuMs }: ProcessCost): string {
  return cpuMs === undefined
    ? `${(wallMs / 1000).toFixed(2)} s wall`
    : `${(cpuMs / 1000).toFixed(2)} CPU-s, ${(wallMs / 1000).toFixed(2)} s wall`;
}

/** ledgerspec's cost over the peer's: by CPU time where known, else by wall time. */
export function costRatio(ours: ProcessCost, peer: ProcessCost): number {
  return ours.cpuMs !== undefined && peer.cpuMs ? ours.cpuMs / peer.cpuMs : ours.wallMs / peer.wallMs;
}

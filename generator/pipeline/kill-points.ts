/** Test-only: lets the crash-safety tests kill `generate` at a named point of the write switch.
 * `LEDGERSPEC_TEST_KILL_AT=<point>:<n>` (point: `staged`, `committed` or `renamed`) makes the
 * process kill itself with SIGKILL when it reaches the n-th occurrence of that point: after the
 * n-th staged file is written, after the journal commit (n = 1), after the n-th rename. Unset
 * (always, outside those tests), this does nothing. */
export type KillPoint = 'staged' | 'committed' | 'renamed';

const wanted = parse(process.env.LEDGERSPEC_TEST_KILL_AT);

export function killPointReached(point: KillPoint, count: number): void {
  if (wanted && wanted.point === point && wanted.count === count) process.kill(process.pid, 'SIGKILL');
}

function parse(value: string | undefined): { point: KillPoint; count: number } | undefined {
  const match = /^(staged|committed|renamed):(\d+)$/.exec(value ?? '');
  return match ? { point: match[1] as KillPoint, count: Number(match[2]) } : undefined;
}

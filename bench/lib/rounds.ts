import { median } from './processes.ts';

/** One contender of an in-process bench: `batch(n)` does the work `n` times (a loop of its own,
 * so that a synchronous call is not charged for an `await` per call). */
export interface Contender {
  label: string;
  batch(n: number): unknown;
  /** Calls per batch as a share of the others' (default 1): a peer thousands of times slower
   * runs fewer calls, so a round stays seconds long. Rates are per second either way. */
  share?: number;
}

/** Operations per second of each contender in each round: rounds run the contenders one after
 * the other (a, b, c, a, b, c, …) so that all meet the same background load on a shared machine,
 * after one untimed warm-up batch each (JIT, lazy compilation). */
export async function interleavedRounds(
  contenders: Contender[],
  rounds: number,
  perBatch: number,
): Promise<number[][]> {
  const calls = (contender: Contender) => Math.max(1, Math.round(perBatch * (contender.share ?? 1)));
  for (const contender of contenders) await contender.batch(Math.max(1, Math.floor(calls(contender) / 4)));
  const opsPerSecond = contenders.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (const [index, contender] of contenders.entries()) {
      const n = calls(contender);
      const start = process.hrtime.bigint();
      await contender.batch(n);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      opsPerSecond[index]!.push(n / seconds);
    }
  }
  return opsPerSecond;
}

/** The median over rounds of `ours[i] / peer[i]`: each round's contenders met the same load. */
export function medianRatio(ours: number[], peer: number[]): number {
  return median(ours.map((value, index) => value / (peer[index] as number)));
}

/** "1 234 567 ops/s" style, without locale surprises. */
export function formatRate(value: number, unit: string): string {
  return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
}

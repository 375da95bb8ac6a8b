import type { Memo } from '../../generator/cache/memo.ts';

/** An in-memory memo (what the cache's memo areas do, without the disk) that counts, by area, how
 * many answers it had to compute: for tests of what an edit recomputes. */
export function countingMemo(): { memo: Memo; computed(area: string): number } {
  const kept = new Map<string, string>();
  const counts = new Map<string, number>();
  const key = (area: string, parts: readonly string[]) => JSON.stringify([area, parts]);
  const counted = (area: string) => counts.set(area, (counts.get(area) ?? 0) + 1);
  const memo: Memo = {
    sync(area, parts, compute) {
      const hit = kept.get(key(area, parts));
      if (hit !== undefined) return hit;
      counted(area);
      const value = compute();
      kept.set(key(area, parts), value);
      return value;
    },
    async async(area, parts, compute) {
      const hit = kept.get(key(area, parts));
      if (hit !== undefined) return hit;
      counted(area);
      const value = await compute();
      kept.set(key(area, parts), value);
      return value;
    },
  };
  return { memo, computed: (area) => counts.get(area) ?? 0 };
}

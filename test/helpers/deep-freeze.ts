/** Freezes a value and everything reachable from it, so a test proves no code mutates it: in
 * strict mode (every ES module) a write to a frozen object throws a TypeError. */
export function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  for (const child of Object.values(value)) deepFreeze(child, seen);
  return Object.freeze(value);
}

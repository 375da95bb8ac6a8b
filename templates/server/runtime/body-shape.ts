/** Checks on a parsed JSON body that come before schema validation, so nothing after them
 * (validation, error messages, the idempotency fingerprint, handlers) ever walks a value deep
 * enough to overflow the stack or meets a number JSON cannot send back. Copied verbatim. */
import { ServerError } from './errors.js';

/** Default deepest nesting of arrays and objects in a body (the body itself is depth 1). The
 * spec's deepest request body is far shallower; `[[[…]]]` 200,000 deep fits in a 1 MiB body. */
export const DEFAULT_MAX_BODY_DEPTH = 64;

/** Walks `body` without recursion (cost: its size) and throws a 400 invalid-params at the first
 * place nested deeper than `maxDepth`, or holding a number that overflowed to ±Infinity
 * (`1e400`: JSON.parse reads it as Infinity, which would be answered as `null`). */
export function checkBodyShape(body: unknown, maxDepth: number): void {
  const stack: { value: unknown; depth: number; pointer: () => string }[] = [{ value: body, depth: 1, pointer: () => '' }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, depth, pointer } = next;
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw invalid(pointer(), 'number out of range', 'a number a 64-bit float can hold (up to about 1.8e308)');
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > maxDepth) throw invalid(pointer(), 'nested too deeply', `at most ${maxDepth} levels of arrays and objects`);
    // Pointers are built only for the one that is reported: each child keeps a closure over its parent's.
    const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, i) => [String(i), item]) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i] as [string, unknown];
      stack.push({ value: item, depth: depth + 1, pointer: () => `${pointer()}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` });
    }
  }
}

function invalid(pointer: string, problem: string, expected: string): ServerError {
  return new ServerError('invalid-params', `The request has an invalid parameter or field. ${pointer || '/'}: ${problem}`, {
    details: [{ pointer, message: `${problem}: expected ${expected}` }],
  });
}

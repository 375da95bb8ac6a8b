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
  checkNumber(body, undefined, '');
  if (body === null || typeof body !== 'object') return;
  // Only arrays and objects are stacked, each once, with a link to its parent: a body of 400,000
  // numbers costs 400,000 type checks and no allocation per number. Pointers are built only for
  // the place that is reported, by following the links up.
  const stack: Frame[] = [{ value: body, depth: 1, parent: undefined, key: '' }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    if (frame.depth > maxDepth)
      throw invalid(pointerOf(frame), 'nested too deeply', `at most ${maxDepth} levels of arrays and objects`);
    const { value } = frame;
    const keys = Array.isArray(value) ? undefined : Object.keys(value);
    const size = keys ? keys.length : (value as unknown[]).length;
    for (let i = size - 1; i >= 0; i--) {
      const key = keys ? (keys[i] as string) : i;
      const item = (value as Record<string | number, unknown>)[key];
      checkNumber(item, frame, key);
      if (item !== null && typeof item === 'object')
        stack.push({ value: item, depth: frame.depth + 1, parent: frame, key });
    }
  }
}

interface Frame {
  value: object;
  depth: number;
  parent: Frame | undefined;
  key: string | number;
}

function checkNumber(value: unknown, parent: Frame | undefined, key: string | number): void {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    const pointer = parent ? `${pointerOf(parent)}/${token(key)}` : '';
    throw invalid(pointer, 'number out of range', 'a number a 64-bit float can hold (up to about 1.8e308)');
  }
}

function pointerOf(frame: Frame): string {
  const tokens: string[] = [];
  for (let at: Frame | undefined = frame; at?.parent; at = at.parent) tokens.push(token(at.key));
  return tokens
    .reverse()
    .map((t) => `/${t}`)
    .join('');
}

function token(key: string | number): string {
  return typeof key === 'number' ? String(key) : key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function invalid(pointer: string, problem: string, expected: string): ServerError {
  return new ServerError(
    'invalid-params',
    `The request has an invalid parameter or field. ${pointer || '/'}: ${problem}`,
    {
      details: [{ pointer, message: `${problem}: expected ${expected}` }],
    },
  );
}

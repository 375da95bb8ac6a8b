/** Signed list cursors. A cursor is `<payload>.<mac>`: the base64url JSON of the page offset,
 * and an HMAC-SHA256 of it under a key derived from the server's secret and the list the page
 * belongs to (its operation and the query parameters that choose its records: filters, sort,
 * company, …). So a cursor cannot be forged or edited, and one from another list or another
 * query is refused, as is a cursor signed by another secret. Copied verbatim. */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

interface CursorBody {
  o: number;
}

/** The query parameters that page through a list (not which records it holds). */
const PAGING = new Set(['cursor', 'limit', 'include_total_count']);

/** The secret of servers given none: random, so cursors stay valid only within this process.
 * Deployments with more than one process must pass the same `cursorSecret` to each. */
const PROCESS_SECRET = randomBytes(32);

/** A cursor secret as bytes: the process's own when none is given; at least 32 bytes. */
export function cursorSecret(secret?: string | Uint8Array): Uint8Array {
  if (secret === undefined) return PROCESS_SECRET;
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (bytes.byteLength < 32) throw new Error('ledgerspec server: cursorSecret must be at least 32 bytes');
  return bytes;
}

/** The signing key of one list: the secret, the operation and the query's defining parameters
 * (hex). It never leaves the server. */
export function cursorKey(secret: Uint8Array, operationId: string, query: Record<string, unknown>): string {
  const scope = canonical([operationId, Object.fromEntries(Object.entries(query).filter(([k]) => !PAGING.has(k)))]);
  return createHmac('sha256', secret).update(scope).digest('hex');
}

export function encodeCursor(offset: number, key: string): string {
  const payload = Buffer.from(JSON.stringify({ o: offset } satisfies CursorBody)).toString('base64url');
  return `${payload}.${mac(payload, key)}`;
}

const SHAPE = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/;

/** The offset a cursor stands for, or undefined when it is not one this server signed for this
 * list and query (tampered, truncated, foreign or garbage). */
export function decodeCursor(cursor: string, key: string): number | undefined {
  const match = SHAPE.exec(cursor);
  if (!match) return undefined;
  const [, payload, signature] = match as unknown as [string, string, string];
  const expected = Buffer.from(mac(payload, key), 'base64url');
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<CursorBody>;
    return typeof body.o === 'number' && Number.isSafeInteger(body.o) && body.o >= 0 ? body.o : undefined;
  } catch {
    return undefined;
  }
}

function mac(payload: string, key: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

/** JSON with object keys sorted at every depth: the same value always gives the same text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

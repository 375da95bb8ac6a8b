/** Opaque list cursors: base64url JSON of the page offset and a hash of the query the page
 * belongs to, so a cursor is refused with other filters or sort. Copied verbatim. */

interface CursorBody {
  o: number;
  h: string;
}

/** The query parameters that define which records a list returns (not which page of them). */
const PAGING = new Set(['cursor', 'limit', 'include_total_count']);

/** A short stable hash (FNV-1a, 32 bits) of the query's defining parameters. */
export function queryHash(query: Record<string, unknown>): string {
  const text = canonical(Object.fromEntries(Object.entries(query).filter(([k]) => !PAGING.has(k))));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export function encodeCursor(offset: number, hash: string): string {
  return Buffer.from(JSON.stringify({ o: offset, h: hash } satisfies CursorBody)).toString('base64url');
}

/** The offset a cursor stands for, or undefined when it is not one of ours or belongs to
 * another query. */
export function decodeCursor(cursor: string, hash: string): number | undefined {
  try {
    const body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
    if (typeof body.o !== 'number' || !Number.isInteger(body.o) || body.o < 0 || body.h !== hash) return undefined;
    return body.o;
  } catch {
    return undefined;
  }
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

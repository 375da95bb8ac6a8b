import { byCodeUnit } from '../source/compare.ts';

/** One thing to name: its identity in the spec (a component key, an operation's `method path`,
 * an x-entity) and the name it would like (the identity made an identifier). */
export interface NameRequest {
  identity: string;
  wanted: string;
  /** The identity is its own name (nothing had to change to make it an identifier); defaults to
   * `identity === wanted`. */
  exact?: boolean;
  /** Names tried in order when `wanted` is taken, before `wanted2`, `wanted3`, … (a nested type
   * named by its title falls back on the name its position gives). */
  alternatives?: readonly string[];
}

export interface ClaimOptions {
  /** Names the namespace already holds (`index` among the types' files). */
  taken?: Iterable<string>;
  /** What two names must differ in: `toLowerCase` where a case-insensitive file system would
   * otherwise put two files on one. */
  fold?: (name: string) => string;
}

/**
 * Names for `requests`, unique within one namespace (which may start with `taken` names), decided
 * by the rule that keeps names stable as a spec grows:
 *
 * 1. Requests whose identity IS their wanted name (`InvoicePayment`, `listPets`) go first: two
 *    identities are never equal, so none of them is ever renamed by anything.
 * 2. Then the rest (`api_error` → `ApiError`), in code-point order of identity; the first keeps the
 *    bare name, a later one whose name is taken gets the first free `<name>2`, `<name>3`, ….
 *
 * So adding a name never renames an existing one, except that a new identity that is exactly an
 * existing transformed name (`ApiError` beside `api_error`), or a new transformed identity that
 * sorts before an existing one with the same name, takes the bare name. The order never depends on
 * the machine (code points, never locale).
 */
export function claimNames(requests: readonly NameRequest[], options: ClaimOptions = {}): Map<string, string> {
  const fold = options.fold ?? ((name: string) => name);
  const used = new Set([...(options.taken ?? [])].map(fold));
  const names = new Map<string, string>();
  for (const request of claimOrder(requests)) {
    const isFree = (n: string) => !used.has(fold(n));
    const name = [request.wanted, ...(request.alternatives ?? [])].find(isFree) ?? firstFree(request.wanted, isFree);
    used.add(fold(name));
    names.set(request.identity, name);
  }
  return names;
}

function claimOrder(requests: readonly NameRequest[]): NameRequest[] {
  const exact = (r: NameRequest) => ((r.exact ?? r.identity === r.wanted) ? 0 : 1);
  return [...requests].sort((a, b) => exact(a) - exact(b) || byCodeUnit(a.identity, b.identity));
}

/** `name`, else `name2`, `name3`, … (`name_2` after a trailing digit, so `v1` + 2 is not `v12`). */
export function firstFree(name: string, isFree: (name: string) => boolean): string {
  if (isFree(name)) return name;
  const glue = /\d$/.test(name) ? '_' : '';
  for (let n = 2; ; n++) if (isFree(`${name}${glue}${n}`)) return `${name}${glue}${n}`;
}

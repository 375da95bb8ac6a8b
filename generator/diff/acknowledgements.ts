import { isObject, type JsonObject } from '../source/schema-walk.ts';
import type { Acknowledgement, Change } from './model.ts';

/** Where a spec records the breaking changes its authors accept, under `info` of the root
 * document: `[{ id, pointer, reason }]`. */
export const ACKNOWLEDGEMENTS_KEY = 'x-ledgerspec-accepted-breaking-changes';

export class AcknowledgementError extends Error {}

/** The head spec's acknowledgements, checked for shape: a malformed entry is an input error,
 * not something to skip silently. */
export function readAcknowledgements(document: JsonObject): Acknowledgement[] {
  const info = isObject(document.info) ? document.info : {};
  const raw = info[ACKNOWLEDGEMENTS_KEY];
  if (raw === undefined) return [];
  if (!Array.isArray(raw))
    throw new AcknowledgementError(`info.${ACKNOWLEDGEMENTS_KEY} must be a list of { id, pointer, reason }`);
  return raw.map((entry, i) => {
    const ok =
      isObject(entry) &&
      typeof entry.id === 'string' &&
      typeof entry.pointer === 'string' &&
      typeof entry.reason === 'string' &&
      entry.reason.trim() !== '';
    if (!ok)
      throw new AcknowledgementError(
        `info.${ACKNOWLEDGEMENTS_KEY}[${i}] needs a string id, a string pointer and a non-empty reason`,
      );
    return { id: entry.id as string, pointer: entry.pointer as string, reason: entry.reason as string };
  });
}

/** Marks the breaking changes an acknowledgement names by rule id and pointer, both exact: an
 * acknowledgement accepts that one change, never an unrelated break of the same rule elsewhere.
 * Returns the acknowledgements that matched nothing (stale, or mistyped). */
export function applyAcknowledgements(changes: Change[], acknowledgements: Acknowledgement[]): Acknowledgement[] {
  const used = new Set<Acknowledgement>();
  for (const change of changes) {
    if (change.level !== 'breaking') continue;
    const ack = acknowledgements.find((a) => a.id === change.id && a.pointer === change.pointer);
    if (!ack) continue;
    used.add(ack);
    change.accepted = { reason: ack.reason };
  }
  return acknowledgements.filter((a) => !used.has(a));
}

/** --allow-breaking: every breaking change accepted, for this run only. */
export function acceptAll(changes: Change[]): void {
  for (const change of changes)
    if (change.level === 'breaking' && !change.accepted) change.accepted = { reason: '--allow-breaking' };
}

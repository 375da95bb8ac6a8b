import type { MappedField } from '../../shared/mapped-fields.ts';
import { todoEntry } from '../skeleton.ts';
import { entryKey } from './entry-keys.ts';
import { insertionEdits, type InsertContext, type Insertion } from './insert-entries.ts';
import { flagEdits, type NamedEntry } from './removed-flags.ts';
import type { TextEdit } from './text-edits.ts';

/** What merging the spec's fields into one rules object (`read` or `write`) comes to. */
export interface SectionMerge {
  added: string[];
  flagged: string[];
  edits: TextEdit[];
  /** Set when the object has entries whose fields cannot be known: what to add by hand. */
  byHand?: { pos: number; message: string };
}

/**
 * A `todo(...)` entry for each field without one, in spec order; a flag on each entry whose field
 * is gone. An object with a spread or a computed key that is not a literal may already cover any field,
 * so nothing is added to it: the person is told what may be missing instead. Entries with a key
 * written out are still flagged when their field is gone, since that much is certain.
 */
export function mergeSection(context: InsertContext, section: string, fields: MappedField[]): SectionMerge {
  const keys = context.rules.properties.map((node) => ({ node, key: entryKey(node, context.file) }));
  const named: NamedEntry[] = keys.flatMap(({ node, key }) => ('field' in key ? [{ node, field: key.field }] : []));
  const present = new Set(named.map((e) => e.field));
  const missing = fields.filter((f) => !present.has(f.name));
  const flags = flagEdits(context.text, context.file, named, new Set(fields.map((f) => f.name)), context.eol);
  const unknown = keys.find(({ key }) => 'unknown' in key);
  if (unknown && 'unknown' in unknown.key) {
    const byHand = missing.length
      ? { pos: unknown.node.getStart(context.file), message: cannotTell(section, unknown.key.unknown, missing) }
      : undefined;
    return { added: [], flagged: flags.flagged, edits: flags.edits, ...(byHand ? { byHand } : {}) };
  }
  const insertions = planInsertions(
    keys.map(({ key }) => ('field' in key ? key.field : undefined)),
    fields,
    present,
  );
  return {
    added: missing.map((f) => f.name),
    flagged: flags.flagged,
    edits: [...insertions.flatMap((i) => insertionEdits(context, i)), ...flags.edits],
  };
}

/** Each missing field goes after the entry of the last field the spec lists before it (first when
 * there is none), so entries keep the spec's order; fields with the same anchor stay together. */
export function planInsertions(
  names: (string | undefined)[],
  fields: MappedField[],
  present: Set<string>,
): Insertion[] {
  const byAnchor = new Map<number, string[]>();
  const earlier = new Set<string>();
  for (const field of fields) {
    if (!present.has(field.name)) {
      const anchor = names.reduce<number>(
        (last, name, index) => (name !== undefined && earlier.has(name) ? index : last),
        -1,
      );
      byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), todoEntry(field)]);
    }
    earlier.add(field.name);
  }
  return [...byAnchor].map(([anchor, entries]) => ({ anchor, entries }));
}

function cannotTell(section: string, what: string, missing: MappedField[]): string {
  const entries = missing.map((f) => todoEntry(f)).join(', ');
  return `${section}: ledgerspec cannot tell which fields ${what} covers, so it added nothing here; if the rules do not map ${missing.map((f) => f.name).join(', ')}, add by hand: ${entries}`;
}

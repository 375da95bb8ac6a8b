import type ts from 'typescript';
import type { EntityMappingFacts, MappedField } from '../shared/mapped-fields.ts';
import { FLAG_WORDS } from './merge/removed-flags.ts';
import { findRules, type Section } from './merge/rules-object.ts';
import { mergeSection } from './merge/section.ts';
import { parseMapping } from './merge/syntax.ts';
import type { SyntaxProblem } from '../shared/read-utf8.ts';
import { applyEdits, lineEnding, type TextEdit } from './merge/text-edits.ts';
import { todoImportEdit } from './merge/todo-import.ts';

/** Something about a mapping file the person has to act on; `line` is 1-based. */
export interface MergeNote {
  line: number;
  message: string;
}

/** What merging the spec's fields into one mapping file did. */
export interface MappingMerge {
  text: string;
  /** Fields new to the spec, now `todo(...)` entries: `read.number`, `write.memo`. */
  added: string[];
  /** Entries for fields the spec no longer has, now carrying the removed-field flag. */
  flagged: string[];
  /** The file does not parse: it is left exactly as it was, and generate fails. */
  syntax?: SyntaxProblem;
  /** Why the file could not be merged (it is then left exactly as it was). */
  problem?: MergeNote;
  /** What the merge could not do itself and the person should (the rest was merged). */
  byHand: MergeNote[];
}

/** The comment the merge puts on its own line above an entry whose field left the spec. */
export const REMOVED_FLAG = `// ${FLAG_WORDS}`;

/**
 * Brings a hand-edited mapping up to date with the spec, touching only what it must: a missing
 * field becomes a `todo(...)` entry inserted in spec order, an entry for a field that is gone gets
 * flagged, and a flag on a field that came back is taken off. The rules objects are the ones the
 * exported `read` and `write` are built from, found in the syntax tree; every edit is an insertion
 * at a position of that tree (or the removal of our own flag), so everything else — expressions,
 * imports, helpers, comments, formatting, line endings — stays byte for byte.
 */
export function mergeMapping(text: string, facts: EntityMappingFacts): MappingMerge {
  const unchanged = { text, added: [], flagged: [], byHand: [] };
  const parsed = parseMapping(text);
  if ('syntax' in parsed) return { ...unchanged, syntax: parsed.syntax };
  const { file } = parsed;
  const sections = sectionsOf(file, facts);
  if ('problem' in sections) return { ...unchanged, problem: sections.problem };
  const merge = { text, added: [] as string[], flagged: [] as string[], byHand: [] as MergeNote[] };
  const edits: TextEdit[] = [];
  for (const { section, rules, fields } of sections.found) {
    const merged = mergeSection({ text, file, rules, eol: lineEnding(text) }, section, fields);
    merge.added.push(...merged.added.map((name) => `${section}.${name}`));
    merge.flagged.push(...merged.flagged.map((name) => `${section}.${name}`));
    edits.push(...merged.edits);
    if (merged.byHand) merge.byHand.push({ line: lineOf(file, merged.byHand.pos), message: merged.byHand.message });
  }
  if (merge.added.length > 0) edits.push(...importTodo(file, merge.byHand));
  return { ...merge, text: applyEdits(text, edits) };
}

interface FoundSection {
  section: Section;
  rules: ts.ObjectLiteralExpression;
  fields: MappedField[];
}

/** The rules objects to merge: `read` always, `write` when the entity is writable and the file
 * has one (a connector may leave writes out). Any other shape is a problem for the whole file. */
function sectionsOf(
  file: ts.SourceFile,
  facts: EntityMappingFacts,
): { found: FoundSection[] } | { problem: MergeNote } {
  const wanted: [Section, MappedField[]][] = [['read', facts.readFields]];
  if (facts.write) wanted.push(['write', facts.write.fields]);
  const found: FoundSection[] = [];
  for (const [section, fields] of wanted) {
    const lookup = findRules(file, section);
    if ('rules' in lookup) found.push({ section, rules: lookup.rules, fields });
    else if ('problem' in lookup) return { problem: { line: lineOf(file, lookup.pos), message: lookup.problem } };
    else if (section === 'read')
      return { problem: { line: 1, message: 'no `export const read = mapRead<…>({ … })` with an object of rules' } };
  }
  return { found };
}

function importTodo(file: ts.SourceFile, byHand: MergeNote[]): TextEdit[] {
  const edits = todoImportEdit(file);
  if (edits) return edits;
  byHand.push({
    line: 1,
    message: 'the new entries call todo(...): import it from the generated connectors runtime, beside mapRead',
  });
  return [];
}

function lineOf(file: ts.SourceFile, pos: number): number {
  return file.getLineAndCharacterOfPosition(pos).line + 1;
}

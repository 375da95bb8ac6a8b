import { Node, Project, SyntaxKind, type ObjectLiteralElementLike, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import type { EntityMappingFacts, MappedField } from './mapped-fields.ts';
import { todoEntry } from './skeleton.ts';

/** What merging the spec's fields into one mapping file did. */
export interface MappingMerge {
  text: string;
  /** Fields new to the spec, now `todo(...)` entries: `read.number`, `write.memo`. */
  added: string[];
  /** Entries for fields the spec no longer has, now carrying the removed-field flag. */
  flagged: string[];
  /** Why the file could not be merged (it is then left exactly as it was). */
  problem?: string;
}

/** The comment the merge puts above an entry whose field left the spec. The entry itself stays:
 * it holds someone's code; the type check fails on it until a person moves or deletes it. */
export const REMOVED_FLAG = '// ledgerspec: removed from the spec';

const project = new Project({ useInMemoryFileSystem: true });

/**
 * Brings a hand-edited mapping up to date with the spec, touching only what it must: a missing
 * field becomes a `todo(...)` entry inserted in spec order, an entry for a field that is gone gets
 * {@link REMOVED_FLAG} above it, and a flag on a field that came back is taken off. Everything
 * else — expressions, imports, helpers, comments, formatting — is left byte for byte.
 */
export function mergeMapping(text: string, facts: EntityMappingFacts): MappingMerge {
  const file = project.createSourceFile('/mapping.ts', text, { overwrite: true });
  const sections: { call: string; label: string; fields: MappedField[] }[] = [{ call: 'mapRead', label: 'read', fields: facts.readFields }];
  if (facts.write) sections.push({ call: 'mapWrite', label: 'write', fields: facts.write.fields });
  if (!rulesObject(file, 'mapRead')) return { text, added: [], flagged: [], problem: 'no mapRead<…>({ … }) call with an object of rules' };
  const added: string[] = [];
  const flagged: string[] = [];
  const edits: TextEdit[] = [];
  for (const section of sections) {
    const rules = rulesObject(file, section.call);
    if (!rules) continue;
    const missing = addMissing(text, rules, section.fields);
    added.push(...missing.added.map((name) => `${section.label}.${name}`));
    edits.push(...missing.edits);
    const review = reviewFlags(text, rules, section.fields);
    flagged.push(...review.flagged.map((name) => `${section.label}.${name}`));
    edits.push(...review.edits);
  }
  if (added.length > 0) edits.push(...importEdit(file, 'todo'));
  return { text: applyEdits(text, edits), added, flagged };
}

/** A plain text edit; applied last, from the end of the file back, so positions stay right. */
interface TextEdit {
  pos: number;
  end: number;
  text: string;
}

function applyEdits(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.pos - a.pos).reduce((out, e) => out.slice(0, e.pos) + e.text + out.slice(e.end), text);
}

/** The object literal passed to the first `mapRead(...)` / `mapWrite(...)` call in the file. */
function rulesObject(file: SourceFile, callee: string): ObjectLiteralExpression | undefined {
  for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const name = call.getExpression().getText().split('.').pop();
    const [first] = call.getArguments();
    if (name === callee && first && Node.isObjectLiteralExpression(first)) return first;
  }
  return undefined;
}

function entryName(entry: ObjectLiteralElementLike): string | undefined {
  if (Node.isPropertyAssignment(entry) || Node.isShorthandPropertyAssignment(entry) || Node.isMethodDeclaration(entry)) {
    const name = entry.getNameNode();
    return Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name) ? name.getLiteralText() : name.getText();
  }
  return undefined;
}

/** A `todo(...)` entry for each field without one, placed after the entry of the field the spec
 * lists before it (first when there is none), so entries keep the spec's order. New entries go on
 * lines of their own, indented like their neighbours, so no existing line changes — except that
 * a last entry without a trailing comma gets one. */
function addMissing(text: string, rules: ObjectLiteralExpression, fields: MappedField[]): { added: string[]; edits: TextEdit[] } {
  const entries = rules.getProperties();
  const names = entries.map(entryName);
  const indent = entries[0] ? indentationAt(text, entries[0].getStart(true)) : `${indentationAt(text, rules.getStart())}  `;
  const inserts = new Map<number, string[]>();
  const added: string[] = [];
  fields.forEach((field, position) => {
    if (names.includes(field.name)) return;
    const earlier = new Set(fields.slice(0, position).map((f) => f.name));
    const anchor = names.reduce((last, name, index) => (name !== undefined && earlier.has(name) ? index : last), -1);
    inserts.set(anchor, [...(inserts.get(anchor) ?? []), todoEntry(field)]);
    added.push(field.name);
  });
  const edits: TextEdit[] = [];
  for (const [anchor, lines] of inserts) {
    const entry = entries[anchor];
    const block = lines.map((line) => `${indent}${line},\n`).join('');
    if (!entry) {
      const afterBrace = lineAfter(text, rules.getStart() + 1);
      edits.push({ pos: afterBrace, end: afterBrace, text: block });
      continue;
    }
    const comma = entry.getNextSiblingIfKind(SyntaxKind.CommaToken);
    if (!comma) edits.push({ pos: entry.getEnd(), end: entry.getEnd(), text: ',' });
    const at = lineAfter(text, comma?.getEnd() ?? entry.getEnd());
    edits.push({ pos: at, end: at, text: block });
  }
  return { added, edits };
}

/** The whitespace a line starts with, for the line `pos` is on. */
function indentationAt(text: string, pos: number): string {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, pos))?.[0] ?? '';
}

/** The position just past the line break that ends the line `pos` is on. */
function lineAfter(text: string, pos: number): number {
  const newline = text.indexOf('\n', pos);
  return newline === -1 ? text.length : newline + 1;
}

/** Flags each entry whose field left the spec, and takes the flag off an entry whose field came
 * back (the flag is ours to remove). */
function reviewFlags(text: string, rules: ObjectLiteralExpression, fields: MappedField[]): { flagged: string[]; edits: TextEdit[] } {
  const known = new Set(fields.map((f) => f.name));
  const flagged: string[] = [];
  const edits: TextEdit[] = [];
  for (const entry of rules.getProperties()) {
    const name = entryName(entry);
    if (name === undefined) continue;
    const flag = entry.getLeadingCommentRanges().find((c) => c.getText().startsWith(REMOVED_FLAG));
    const indent = indentationAt(text, entry.getStart(true));
    if (!known.has(name)) {
      flagged.push(name);
      if (!flag) edits.push({ pos: entry.getStart(true), end: entry.getStart(true), text: `${REMOVED_FLAG}: ${JSON.stringify(name)} is not a field any more. Move what you still need and delete this entry; until then the type check fails here.\n${indent}` });
    } else if (flag) {
      // The flag went in as `<flag>\n<indent>` right before the entry; take exactly that out.
      edits.push({ pos: flag.getPos(), end: flag.getEnd() + 1 + indent.length, text: '' });
    }
  }
  return { flagged, edits };
}

/** Adds `name` to the import that brings in mapRead, when it is not imported yet. */
function importEdit(file: SourceFile, name: string): TextEdit[] {
  const declaration = file.getImportDeclarations().find((d) => d.getNamedImports().some((n) => n.getName() === 'mapRead'));
  const named = declaration?.getNamedImports() ?? [];
  const last = named[named.length - 1];
  if (!last || named.some((n) => n.getName() === name)) return [];
  return [{ pos: last.getEnd(), end: last.getEnd(), text: `, ${name}` }];
}

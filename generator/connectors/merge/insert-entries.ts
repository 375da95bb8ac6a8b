import ts from 'typescript';
import { leadingIndent, lineBreakAt, lineIndent, skipBlanks, type TextEdit } from './text-edits.ts';

/** New entries to put right after the entry at `anchor` (-1: before the first entry). */
export interface Insertion {
  anchor: number;
  entries: string[];
}

/** What the edits need to know about the file and the rules object they go into. */
export interface InsertContext {
  text: string;
  file: ts.SourceFile;
  rules: ts.ObjectLiteralExpression;
  eol: string;
}

/** Where new entries go: just past the anchor's comma (or past the `{`), decided from tokens,
 * never by looking for the next line break — that one may be inside the anchor's expression or
 * a template literal that follows it on the same line. */
interface Slot {
  after: number;
  /** The anchor is the last entry and has no trailing comma. */
  bare: boolean;
  /** Other entries come after the new ones. */
  followed: boolean;
  /** The object has no entries at all. */
  empty: boolean;
}

/**
 * The edits that insert `insertion.entries` into the rules object. When the rest of the slot's
 * line is blank (or holds only comments, which stay with the entry before), the new entries are
 * whole lines of their own, indented like the entries around them; otherwise (a one-line object,
 * or entries sharing a line) they go on that same line, separated like their neighbours.
 */
export function insertionEdits(context: InsertContext, insertion: Insertion): TextEdit[] {
  const slot = slotAfter(context, insertion.anchor);
  const comma: TextEdit[] = slot.bare ? [{ pos: slot.after, end: slot.after, text: ',' }] : [];
  const ownLine = nextLineStart(context.text, slot.after);
  if (ownLine !== undefined)
    return [...comma, { pos: ownLine, end: ownLine, text: ownLines(context, slot, insertion.entries) }];
  return [inline(context, slot, insertion.entries)];
}

function slotAfter({ file, rules }: InsertContext, anchor: number): Slot {
  const entries = rules.properties;
  const entry = entries[anchor];
  if (!entry)
    return { after: rules.getStart(file) + 1, bare: false, followed: entries.length > 0, empty: entries.length === 0 };
  const comma = commaAfter(file, rules, entry);
  return { after: comma?.end ?? entry.end, bare: !comma, followed: anchor < entries.length - 1, empty: false };
}

/** The comma token after an entry: the syntax list of the object holds entries and commas. */
function commaAfter(file: ts.SourceFile, rules: ts.ObjectLiteralExpression, entry: ts.Node): ts.Node | undefined {
  const list = rules.getChildren(file).find((child) => child.kind === ts.SyntaxKind.SyntaxList);
  const tokens = list?.getChildren(file) ?? [];
  const next = tokens[tokens.indexOf(entry) + 1];
  return next?.kind === ts.SyntaxKind.CommaToken ? next : undefined;
}

/** The start of the next line when nothing but blanks and comments follows `pos` on its line. */
function nextLineStart(text: string, pos: number): number | undefined {
  const comments = ts.getTrailingCommentRanges(text, pos) ?? [];
  const end = skipBlanks(text, comments[comments.length - 1]?.end ?? pos);
  const lineBreak = lineBreakAt(text, end);
  return lineBreak ? end + lineBreak : undefined;
}

/** Whole lines; the last keeps the object's trailing-comma style when it becomes the last entry. */
function ownLines(context: InsertContext, slot: Slot, entries: string[]): string {
  const indent = entryIndent(context);
  const lastBare = slot.bare && !slot.followed;
  return entries
    .map((entry, i) => `${indent}${entry}${lastBare && i === entries.length - 1 ? '' : ','}${context.eol}`)
    .join('');
}

function inline({ text }: InsertContext, slot: Slot, entries: string[]): TextEdit {
  const at = slot.after;
  // `b: 2 }` → `b: 2, c: todo(…) }`: the object had no trailing comma and gets none.
  if (slot.bare) return { pos: at, end: at, text: entries.map((entry) => `, ${entry}`).join('') };
  // `{}` / `{ }` → `{ c: todo(…) }`.
  if (slot.empty) return { pos: at, end: at, text: ` ${entries.join(', ')}${text[at] === '}' ? ' ' : ''}` };
  // After a comma or the `{`: each new entry is followed by a comma and spaced like what follows.
  const gap = text.slice(at, skipBlanks(text, at));
  return { pos: at, end: at, text: entries.map((entry) => `${gap}${entry},`).join('') };
}

/** The indentation of the first entry that starts its own line; for an object with none, one
 * level (a tab or two spaces, as the file indents) deeper than the line of its `}`. */
export function entryIndent({ text, file, rules }: InsertContext): string {
  for (const entry of rules.properties) {
    const indent = leadingIndent(text, entry.getStart(file));
    if (indent !== undefined) return indent;
  }
  const base = lineIndent(text, rules.end - 1);
  return base + (base.includes('\t') ? '\t' : '  ');
}

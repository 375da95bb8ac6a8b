import ts from 'typescript';
import { leadingIndent, lineBreakAt, skipBlanks, type TextEdit } from './text-edits.ts';

/** The words that start the flag the merge puts before an entry whose field left the spec. */
export const FLAG_WORDS = 'ledgerspec: removed from the spec';

/** One entry of a rules object with the field it names. */
export interface NamedEntry {
  node: ts.ObjectLiteralElementLike;
  field: string;
}

/**
 * Flags each entry whose field left the spec, and takes the flag off an entry whose field came
 * back (the flag is ours to remove). The entry itself stays: it holds someone's code; the type
 * check fails on it until a person moves or deletes it. An entry that starts its line gets a
 * `//` line above it; one that shares its line gets a `/* … *\/` before it, so the line stays one.
 */
export function flagEdits(
  text: string,
  file: ts.SourceFile,
  entries: NamedEntry[],
  known: Set<string>,
  eol: string,
): { flagged: string[]; edits: TextEdit[] } {
  const flagged: string[] = [];
  const edits: TextEdit[] = [];
  for (const { node, field } of entries) {
    const flag = commentsBefore(text, node).find((c) => isFlag(text.slice(c.pos, c.end)));
    if (!known.has(field)) {
      flagged.push(field);
      if (!flag) edits.push(insertFlag(text, node.getStart(file, true), field, eol));
    } else if (flag) {
      edits.push({ pos: flag.pos, end: flagEnd(text, flag), text: '' });
    }
  }
  return { flagged, edits };
}

/** The comments between the previous token and the entry. TypeScript calls those on the line of
 * that token its trailing comments and only the rest leading; an inline flag is among the former. */
function commentsBefore(text: string, node: ts.Node): ts.CommentRange[] {
  return [
    ...(ts.getTrailingCommentRanges(text, node.pos) ?? []),
    ...(ts.getLeadingCommentRanges(text, node.pos) ?? []),
  ];
}

function isFlag(comment: string): boolean {
  return comment.replace(/^(\/\/|\/\*)\s*/, '').startsWith(FLAG_WORDS);
}

function insertFlag(text: string, start: number, field: string, eol: string): TextEdit {
  const words = `${FLAG_WORDS}: ${quoted(field)} is not a field any more. Move what you still need and delete this entry; until then the type check fails here.`;
  const indent = leadingIndent(text, start);
  const flag = indent === undefined ? `/* ${words} */ ` : `// ${words}${eol}${indent}`;
  return { pos: start, end: start, text: flag };
}

/** The flag went in as `<flag><line break><indent>` or `<flag> ` right before the entry; the end
 * of exactly that, so taking it out restores the line as it was. */
function flagEnd(text: string, flag: ts.CommentRange): number {
  const lineBreak = flag.kind === ts.SyntaxKind.SingleLineCommentTrivia ? lineBreakAt(text, flag.end) : 0;
  return skipBlanks(text, flag.end + lineBreak);
}

/** The field's name as a JSON string that cannot end the comment it sits in: no `*\/`, and no
 * U+2028/U+2029, which end a `//` comment in JavaScript but which JSON.stringify leaves as they are. */
function quoted(field: string): string {
  return JSON.stringify(field)
    .replace(/\*\//g, '*\\/')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

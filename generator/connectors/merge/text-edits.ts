/** A replacement of `text[pos, end)`; insertions have `pos === end`. */
export interface TextEdit {
  pos: number;
  end: number;
  text: string;
}

/** Applies edits from the end of the file back, so each edit's positions still refer to the
 * original text. Edits at the same position keep the order they were given in. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => b.edit.pos - a.edit.pos || b.index - a.index);
  return ordered.reduce((out, { edit }) => out.slice(0, edit.pos) + edit.text + out.slice(edit.end), text);
}

/** The file's own line break (its first one), so a CRLF file gets CRLF lines; LF for a file of
 * one line. */
export function lineEnding(text: string): string {
  return /\r\n|\n|\r/.exec(text)?.[0] ?? '\n';
}

/** The position where the line holding `pos` starts. */
export function lineStart(text: string, pos: number): number {
  return Math.max(text.lastIndexOf('\n', pos - 1), text.lastIndexOf('\r', pos - 1)) + 1;
}

/** The whitespace before `pos` when nothing else precedes it on its line; undefined when `pos`
 * is not the first thing on its line. */
export function leadingIndent(text: string, pos: number): string | undefined {
  const before = text.slice(lineStart(text, pos), pos);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** The length of the line break at `pos` (CRLF, LF or CR), 0 when there is none. */
export function lineBreakAt(text: string, pos: number): number {
  if (text.startsWith('\r\n', pos)) return 2;
  return text[pos] === '\n' || text[pos] === '\r' ? 1 : 0;
}

/** The position after the spaces and tabs from `pos` on. */
export function skipBlanks(text: string, pos: number): number {
  let at = pos;
  while (text[at] === ' ' || text[at] === '\t') at++;
  return at;
}

/** The whitespace the line holding `pos` starts with. */
export function lineIndent(text: string, pos: number): string {
  const start = lineStart(text, pos);
  return text.slice(start, skipBlanks(text, start));
}

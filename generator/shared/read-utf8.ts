/** Where a text stops being what it should be (1-based line and column): invalid UTF-8 here, a
 * syntax error in a mapping file (connectors/merge/syntax.ts). */
export interface SyntaxProblem {
  line: number;
  column: number;
  message: string;
}

/**
 * A mapping file's text, or where it stops being UTF-8. Decoding replaces a bad byte with U+FFFD,
 * and writing the merged text back would then change bytes nobody asked to change; such a file is
 * refused like one that does not parse.
 */
export function readUtf8(bytes: Buffer): { text: string } | { text: string; syntax: SyntaxProblem } {
  const text = bytes.toString('utf8');
  const again = Buffer.from(text, 'utf8');
  if (again.equals(bytes)) return { text };
  let at = 0;
  while (at < bytes.length && bytes[at] === again[at]) at++;
  const before = bytes.subarray(0, at).toString('utf8');
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { text, syntax: { line, column, message: `byte ${at} is not valid UTF-8 (save the file as UTF-8)` } };
}

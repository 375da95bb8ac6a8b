/** A file name as it is printed in a line of output: as it is when it holds only printable
 * characters, else JSON-quoted, so a newline, a carriage return or an escape sequence in a name
 * cannot forge extra lines or repaint the terminal. */
export function printablePath(name: string): string {
  // C0 and C1 controls, DEL, the Unicode line and paragraph separators, and bidi overrides.
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(name) ? JSON.stringify(name) : name;
}

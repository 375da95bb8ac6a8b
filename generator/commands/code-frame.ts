import { codeFrameColumns } from '@babel/code-frame';
import { readFileSync, statSync } from 'node:fs';

/** Frames beyond this many are left out: the first few show where to look, the rest is a list. */
export const MAX_FRAMES = 5;
/** Files larger than this get no frame (a frame is a courtesy, not worth reading megabytes for). */
const MAX_FRAMED_BYTES = 2 * 1024 * 1024;

/** The lines around `line` of `file`, numbered, with a marker under the line (and column, when
 * known); undefined when the file cannot be read as a regular file of modest size. Each line is
 * cut at 160 characters: a minified file must not flood the terminal. */
export function codeFrame(file: string, line: number, column?: number): string | undefined {
  const text = readSmallText(file);
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  if (line < 1 || line > lines.length) return undefined;
  const shortened = lines.map((l) => printable(l.length > 160 ? `${l.slice(0, 157)}...` : l)).join('\n');
  return codeFrameColumns(
    shortened,
    { start: column ? { line, column } : { line } },
    { linesAbove: 1, linesBelow: 1, highlightCode: false },
  );
}

/** Control characters (escape sequences, carriage returns) from a hostile file shown as '?', so
 * the frame cannot repaint the terminal. */
function printable(line: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it replaces
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '?');
}

function readSmallText(file: string): string | undefined {
  try {
    const stats = statSync(file);
    if (!stats.isFile() || stats.size > MAX_FRAMED_BYTES) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Exit code of a crash: the BSD sysexits code for an internal software error. */
export const INTERNAL_ERROR_EXIT = 70;

/** The last line of defence: an error no stage turned into a diagnostic is a bug in ledgerspec.
 * The user sees one line (a short id, what happened, where the details are, how to report it),
 * never a stack trace; the trace goes to a file for the report. The id is a hash of the error's
 * name, message and top frames, so the same bug gets the same id. Commands write only after
 * every stage succeeded, so a crash leaves every output as it was. */
export function reportInternalError(error: unknown, argv: readonly string[], out: (line: string) => void): number {
  const err = error instanceof Error ? error : new Error(String(error));
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 5)
    .join('\n');
  const id = createHash('sha256').update(`${err.name}\n${err.message}\n${frames}`).digest('hex').slice(0, 8);
  const details = join(tmpdir(), `ledgerspec-internal-error-${id}.txt`);
  let saved = true;
  try {
    writeFileSync(
      details,
      `ledgerspec internal error ${id}\ncommand: ledgerspec ${argv.join(' ')}\nnode: ${process.version}\n\n${err.stack ?? err.message}\n`,
    );
  } catch {
    saved = false;
  }
  out(
    `ledgerspec: internal error ${id}: ${firstLine(err.message)} (${err.name}). This is a bug in ledgerspec, not a problem you can fix in your input; nothing was written.`,
  );
  out(
    saved
      ? `Please report it with the command you ran and the file ${details} (it holds the details).`
      : 'Please report it with the command you ran and this id.',
  );
  return INTERNAL_ERROR_EXIT;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').slice(0, 200);
}

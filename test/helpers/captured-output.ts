import { stripVTControlCharacters } from 'node:util';
import { cliOutput, type Output } from '../../generator/commands/output.ts';

/** The CLI's own Output (same streams for the same kinds of line), writing into strings instead
 * of the process's stdout and stderr: a command's run function called in-process prints what the
 * CLI would, without the cost of a process. Colour, if the test runner forces it, is removed. */
export function capturedOutput(format = 'text'): { output: Output; stdout: () => string; stderr: () => string } {
  let stdout = '';
  let stderr = '';
  const output = cliOutput(
    { format, quiet: false, verbose: false },
    { write: (text: string) => (stdout += text) },
    { write: (text: string) => (stderr += text) },
  );
  return { output, stdout: () => stripVTControlCharacters(stdout), stderr: () => stripVTControlCharacters(stderr) };
}

import { createColors } from 'picocolors';
import type { Diagnostic } from '../diagnostics.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { codeFrame, MAX_FRAMES } from './code-frame.ts';
import { animationWanted, colourWanted } from './terminal.ts';

/** Where each kind of line goes, the same in every command: results on stdout, problems on
 * stderr (so `ledgerspec lint --format sarif > out.sarif` holds only the document, and a person
 * still sees what went wrong), detail only with --verbose, nothing but problems with --quiet. */
export interface Output {
  /** Requested output format (`text` unless --format says otherwise). */
  readonly format: string;
  readonly verbose: boolean;
  /** What the command was asked for (a report, a JSON/SARIF document): stdout, always. */
  result(line: string): void;
  /** What a person likes to see (files written, per-connector lines, a success summary): stdout,
   * left out with --quiet. */
  info(line: string): void;
  /** A problem found or an input refused: stderr, always. */
  problem(line: string): void;
  /** Worth knowing but no problem (validators compiled at run time, and why): stderr, left out
   * with --quiet. */
  notice(line: string): void;
  /** More detail (config, stage timings): stderr, only with --verbose. */
  detail(line: string): void;
  /** A diagnostic as `file:line:col severity [code] at pointer: message`, with a short code frame
   * for the first MAX_FRAMES that have a line. */
  diagnostic(d: Diagnostic): void;
  /** A step that may take seconds: a spinner with the elapsed time on stderr at a terminal, nothing
   * elsewhere. Call the returned function when the step is over. */
  progress(label: string): () => void;
}

/** Commands take an Output, or a plain function that gets every line (as tests collect them). */
export type Out = Output | ((line: string) => void);

export function toOutput(out: Out, format = 'text'): Output {
  if (typeof out !== 'function') return out;
  return {
    format,
    verbose: false,
    result: out,
    info: out,
    problem: out,
    notice: out,
    detail: () => {},
    diagnostic: (d) => out(formatDiagnostic(d)),
    progress: () => () => {},
  };
}

export interface CliOutputOptions {
  format: string;
  quiet: boolean;
  verbose: boolean;
}

type Stream = { isTTY?: boolean; write(text: string): unknown };

/** The CLI's Output on the process's streams (tests pass their own streams and environment). */
export function cliOutput(
  options: CliOutputOptions,
  stdout: Stream = process.stdout,
  stderr: Stream = process.stderr,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Output {
  const paint = painter(colourWanted(stderr, env));
  const animate = animationWanted(stderr, env) && options.format === 'text' && !options.quiet;
  let frames = 0;
  const problem = (line: string) => void stderr.write(`${paint(line)}\n`);
  return {
    format: options.format,
    verbose: options.verbose,
    result: (line) => void stdout.write(`${line}\n`),
    info: (line) => void (options.quiet ? undefined : stdout.write(`${line}\n`)),
    problem,
    notice: (line) => void (options.quiet ? undefined : stderr.write(`${line}\n`)),
    detail: (line) => void (options.verbose ? stderr.write(`${line}\n`) : undefined),
    diagnostic(d) {
      problem(formatDiagnostic(d));
      const frame = d.line && frames < MAX_FRAMES ? codeFrame(d.file, d.line, d.column) : undefined;
      if (frame) stderr.write(`${frame}\n\n`);
      if (frame && ++frames === MAX_FRAMES)
        stderr.write(`(code frames are shown for the first ${MAX_FRAMES} problems only)\n\n`);
    },
    progress: (label) => (animate ? spinner(stderr, label) : () => {}),
  };
}

/** Colours the words people scan for: error / FAIL red, warning / WARN yellow. */
function painter(enabled: boolean): (line: string) => string {
  const c = createColors(enabled);
  if (!enabled) return (line) => line;
  return (line) =>
    line
      .replace(
        / (error|warning) \[([^\]]+)\]/,
        (_m, level: string, code: string) =>
          ` ${level === 'error' ? c.red(c.bold(level)) : c.yellow(c.bold(level))} ${c.dim(`[${code}]`)}`,
      )
      .replace(
        /^(FAIL|WARN) /,
        (_m, level: string) => `${level === 'FAIL' ? c.red(c.bold(level)) : c.yellow(c.bold(level))} `,
      );
}

const SPIN = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

function spinner(stderr: Stream, label: string): () => void {
  const started = performance.now();
  let tick = 0;
  const draw = () =>
    stderr.write(
      `\r\u001b[2K${SPIN[tick++ % SPIN.length]} ${label} ${((performance.now() - started) / 1000).toFixed(1)}s`,
    );
  draw();
  const timer = setInterval(draw, 100);
  timer.unref();
  return () => {
    clearInterval(timer);
    stderr.write('\r\u001b[2K');
  };
}

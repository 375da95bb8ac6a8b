/** What the terminal can take, from the environment alone (no packages: cli.ts may load this
 * before any command). */

type Env = Readonly<Record<string, string | undefined>>;

/** Colour on a stream: NO_COLOR (any value, https://no-color.org) turns it off, FORCE_COLOR (other
 * than 0 or false) on; otherwise only on a terminal that is not `dumb`. */
export function colourWanted(stream: { isTTY?: boolean }, env: Env = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR);
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

/** Something animated (a spinner, a line rewritten in place) only for a person at a terminal:
 * never into a file or pipe, never in CI, where each redraw would be one more line of log. */
export function animationWanted(stream: { isTTY?: boolean }, env: Env = process.env): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return Boolean(stream.isTTY) && !ci && env.TERM !== 'dumb';
}

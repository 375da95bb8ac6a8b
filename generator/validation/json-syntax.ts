/** Where JSON text stops being acceptable, with its line: a syntax error (V8's JSON.parse names a
 * position for some errors only), and what JSON.parse lets through silently but a data file must
 * not have: a key twice in one object (JSON.parse keeps the last), a number beyond a 64-bit float
 * (`1e400` parses to Infinity and prints as null), nesting deeper than `maxDepth` (nothing after
 * parsing then risks the stack). One pass over the text; recursion only as deep as `maxDepth`. */

/** Deepest nesting of arrays and objects a data file may have (the value itself is depth 1). */
export const MAX_DATA_DEPTH = 64;

/** A JSON number at the scan position (sticky: no copy of the rest of the text). */
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

export interface JsonProblem {
  offset: number;
  line: number;
  reason: string;
  /** `syntax`, `duplicate-key`, `number-range` or `depth`. */
  kind: 'syntax' | 'duplicate-key' | 'number-range' | 'depth';
}

export function jsonProblem(text: string, maxDepth = MAX_DATA_DEPTH): JsonProblem | undefined {
  let i = 0;
  let depth = 0;
  const fail = (reason: string, kind: JsonProblem['kind'] = 'syntax', at = i): never => {
    throw new ProblemAt(at, reason, kind);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const expect = (word: string) => {
    for (const c of word) {
      if (text[i] !== c) fail(`expected ${JSON.stringify(word)}`);
      i++;
    }
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail('control character in a string');
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('bad \\u escape');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail('bad escape');
      }
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
  };
  const number = () => {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (!match || match[0] === '-' || match[0] === '') fail('bad number');
    const literal = (match as RegExpExecArray)[0];
    if (!Number.isFinite(Number(literal)))
      fail(
        `number ${literal.length > 30 ? `${literal.slice(0, 29)}…` : literal} is beyond what a 64-bit float holds (about 1.8e308)`,
        'number-range',
      );
    i += literal.length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === undefined) fail('unexpected end of input');
    else if (c === '{' || c === '[') {
      if (++depth > maxDepth) fail(`nested deeper than ${maxDepth} levels of arrays and objects`, 'depth');
      if (c === '{') object();
      else members(']', value);
      depth--;
    } else if (c === '"') string();
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else if (c === 't') expect('true');
    else if (c === 'f') expect('false');
    else if (c === 'n') expect('null');
    else fail(`unexpected ${JSON.stringify(c)}`);
  };
  const object = () => {
    const keys = new Set<string>();
    members('}', () => {
      ws();
      if (text[i] !== '"') fail('expected a property name in double quotes');
      const start = i;
      string();
      const key = JSON.parse(text.slice(start, i)) as string;
      if (keys.has(key))
        fail(
          `duplicate key ${JSON.stringify(key)} in one object (JSON.parse would keep only the last)`,
          'duplicate-key',
          start,
        );
      keys.add(key);
      ws();
      if (text[i] !== ':') fail("expected ':' after a property name");
      i++;
      value();
    });
  };
  const members = (close: string, member: () => void) => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      member();
      ws();
      if (text[i] === ',') {
        i++;
        ws();
        if (text[i] === close) fail(`trailing comma before ${JSON.stringify(close)}`);
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      fail(i >= text.length ? 'unexpected end of input' : `expected ',' or ${JSON.stringify(close)}`);
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail('unexpected text after the JSON value');
    return undefined;
  } catch (error) {
    if (!(error instanceof ProblemAt)) throw error;
    return { offset: error.offset, line: lineAt(text, error.offset), reason: error.reason, kind: error.kind };
  }
}

class ProblemAt extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
    readonly kind: JsonProblem['kind'],
  ) {
    super(reason);
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** Where JSON text stops being JSON. V8's JSON.parse names a position for some errors only
 * ("Unexpected token '}', … is not valid JSON" has none), so malformed files are scanned again
 * here to point at the line. Only called once JSON.parse has failed. */
export function jsonSyntaxError(text: string): { offset: number; line: number; reason: string } {
  let i = 0;
  const fail = (reason: string): never => {
    throw new SyntaxAt(i, reason);
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
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match || match[0] === '-' || match[0] === '') fail('bad number');
    i += (match as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === undefined) fail('unexpected end of input');
    else if (c === '{') members('}', () => {
      ws();
      if (text[i] !== '"') fail('expected a property name in double quotes');
      string();
      ws();
      if (text[i] !== ':') fail("expected ':' after a property name");
      i++;
      value();
    });
    else if (c === '[') members(']', value);
    else if (c === '"') string();
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else if (c === 't') expect('true');
    else if (c === 'f') expect('false');
    else if (c === 'n') expect('null');
    else fail(`unexpected ${JSON.stringify(c)}`);
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
    return located(text, text.length, 'not valid JSON');
  } catch (error) {
    if (!(error instanceof SyntaxAt)) throw error;
    return located(text, error.offset, error.reason);
  }
}

class SyntaxAt extends Error {
  constructor(readonly offset: number, readonly reason: string) {
    super(reason);
  }
}

function located(text: string, offset: number, reason: string) {
  return { offset, line: text.slice(0, offset).split('\n').length, reason };
}

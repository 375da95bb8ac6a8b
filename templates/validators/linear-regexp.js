/** The regular expression engine of every `pattern` check: RE2's linear-time matching (re2js, a
 * pure JavaScript port), so no value, however long or crafted, makes a validator backtrack for
 * seconds (`^(a+)+$` on `aaaa…!` is exponential for JavaScript's own RegExp). Self-contained, so
 * ledgerspec copies it verbatim into generated/validators/linear-regexp.js and its own Ajv uses the
 * very same engine; `lint` reports a pattern RE2 cannot run (lookaround, backreferences).
 * JavaScript with declarations beside it (linear-regexp.d.ts), as standalone.js is, so the
 * validators import it without a TypeScript step. */
import { RE2JS } from 're2js';

/** JSON Schema patterns are ECMA-262 syntax; RE2 spells a code point `\x{…}`, not `\uXXXX` or
 * `\u{…}`. Everything else of the common syntax is the same. An escaped backslash stays as it is. */
export function toRe2Syntax(pattern) {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const rest = pattern.slice(i + 1);
    const braced = /^u\{([0-9a-fA-F]{1,6})\}/.exec(rest) ?? /^u([0-9a-fA-F]{4})/.exec(rest);
    if (braced) {
      out += `\\x{${braced[1]}}`;
      i += braced[0].length;
    } else {
      out += c + (pattern[i + 1] ?? '');
      i++;
    }
  }
  return out;
}

/** Ajv's `code.regExp`: called with the pattern and Ajv's flags (`u`); throws on a pattern RE2
 * cannot compile. The result is searched for anywhere in a value, as JSON Schema says. Ajv keys
 * compiled patterns by `toString()`, so it must name the pattern, as a RegExp's does. */
export default function linearRegExp(pattern, flags = '') {
  const compiled = RE2JS.compile(toRe2Syntax(pattern), flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
  return { test: (value) => compiled.test(value), toString: () => `/${pattern}/${flags}` };
}

/** What Ajv needs of a regular expression: `pattern` is searched for anywhere in the value, as
 * JSON Schema says (not anchored). */
export interface LinearRegExp {
  test(value: string): boolean;
  /** `/pattern/flags`: Ajv's key for the compiled pattern. */
  toString(): string;
}

/** ECMA-262 pattern → RE2 syntax (`\\uXXXX` and `\\u{…}` become `\\x{…}`). */
export declare function toRe2Syntax(pattern: string): string;

/** Ajv's `code.regExp`: RE2 (linear time); throws on a pattern RE2 cannot compile. */
export default function linearRegExp(pattern: string, flags?: string): LinearRegExp;

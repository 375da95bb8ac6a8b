/** Safe TypeScript identifiers from any string: the one rule every generated name goes through. */

/** Words TypeScript reserves (or gives a meaning to) where a value or a type is named. */
const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private protected public static yield any boolean number string symbol type object never unknown undefined await async arguments eval'.split(
    ' ',
  ),
);

/** Names that are legal identifiers but, as object keys or exports, reach Object.prototype. */
const PROTOTYPE_NAMES = new Set(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf']);

const PLAIN_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** pascal: a type; camel: a binding (a function, a const, an export); member: a property or method
 * name, where a reserved word is fine (`client.invoices.delete`) but a prototype member is not. */
export type Casing = 'pascal' | 'camel' | 'member';

/** True for an ASCII identifier that names nothing of the language or of Object.prototype. */
export function isSafeIdentifier(name: string, casing: Casing = 'camel'): boolean {
  return PLAIN_IDENTIFIER.test(name) && (casing === 'member' || !RESERVED.has(name)) && !PROTOTYPE_NAMES.has(name);
}

/**
 * A safe TypeScript identifier made of any string, ASCII only (file systems and json2ts disagree
 * about the rest):
 * - camel (bindings: functions, constants, exports) and member (properties, methods): a string that is already a safe identifier is
 *   kept as it is (`listInvoices`, `list_pets`); anything else is split into words at every
 *   character that cannot be in an identifier and joined camelCase (`a-b.c` → `aBC`); a reserved
 *   word (camel only) or a prototype member gets a trailing `_` (`class_`, `__proto___`);
 * - pascal (types): the name json-schema-to-typescript makes of it (its `toSafeString`), so json2ts
 *   never renames what we hand it: `api_error` → `ApiError`, `InvoicePayment` unchanged.
 * Both: accents are dropped (`café` → `cafe`), other letters outside ASCII are spelt as their code
 * point (`名前` → `U540DU524D`), a leading digit gets a `_` (`200` → `_200`); empty → `fallback`.
 */
export function identifier(raw: string, casing: Casing, fallback = casing === 'pascal' ? 'Schema' : 'name'): string {
  if (casing !== 'pascal' && isSafeIdentifier(raw, casing)) return raw;
  const words = wordsOf(raw);
  if (words.length === 0) return fallback;
  const name = casing === 'pascal' ? jsonSchemaToTsName(digitGuard(words.join(' '))) : camel(words, casing);
  return name || fallback;
}

/** Accents dropped, non-ASCII letters spelt as code points, split at everything else. */
function wordsOf(raw: string): string[] {
  const ascii = [...raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')]
    .map((ch) => (ch.charCodeAt(0) < 128 ? ch : ` U${ch.codePointAt(0)!.toString(16).toUpperCase()} `))
    .join('');
  return ascii.split(/[^A-Za-z0-9_$]+/).filter((w) => w !== '');
}

const digitGuard = (name: string) => (/^\d/.test(name) ? `_${name}` : name);

/** json-schema-to-typescript's `toSafeString`, step for step (a name it returns unchanged is one it
 * keeps): `_x` and ` x` become `X`, a letter after digits is upper-cased, the first letter too. */
function jsonSchemaToTsName(raw: string): string {
  const safe = raw
    .replace(/(^\s*[^a-zA-Z_$])|([^a-zA-Z_$\d])/g, ' ')
    .replace(/^_[a-z]/g, (m) => m.toUpperCase())
    .replace(/_[a-z]/g, (m) => m.slice(1).toUpperCase())
    .replace(/([\d$]+[a-zA-Z])/g, (m) => m.toUpperCase())
    .replace(/\s+([a-zA-Z])/g, (m) => m.trim().toUpperCase())
    .replace(/\s/g, '')
    .replace(/^\d+/, '');
  return safe.charAt(0).toUpperCase() + safe.slice(1);
}

function camel(words: string[], casing: Casing): string {
  const joined = words.map((w, i) => (i === 0 ? lowerFirst(w) : upperFirst(w))).join('');
  const name = digitGuard(joined);
  return isSafeIdentifier(name, casing) ? name : `${name}_`;
}

const upperFirst = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const lowerFirst = (w: string) => w.charAt(0).toLowerCase() + w.slice(1);

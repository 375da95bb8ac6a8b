/** JSON values as TypeScript literals in their final layout, so a template made of them needs no
 * formatting pass (server/schemas.ts is 400 KiB of schemas: a formatter took seconds over it). The
 * layout is prettier's for such data: a value stays on one line when it fits in the width,
 * otherwise each entry of the object or array goes on a line of its own with a trailing comma;
 * keys are bare when they are identifiers; strings take single quotes unless they hold more single
 * than double quotes. */

const WIDTH = 120;
const INDENT = '  ';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `value` printed at `column` (where its first character goes) on a line indented by `indent`
 * spaces, leaving `trail` characters after it (a `,` or `;`). */
export function printLiteral(value: unknown, indent: number, column = indent, trail = 1): string {
  const flat = flatLiteral(value);
  if (column + flat.length + trail <= WIDTH || !isContainer(value)) return flat;
  const inner = ' '.repeat(indent) + INDENT;
  const lines = Array.isArray(value)
    ? value.map((item) => printLiteral(item, inner.length))
    : Object.entries(value as Record<string, unknown>).map(([key, item]) => printProperty(key, item, inner.length));
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${lines.map((line) => `${inner}${line},\n`).join('')}${' '.repeat(indent)}${close}`;
}

/** `key: value` as an entry of an object literal whose entries are indented by `indent`. */
export function printProperty(key: string, value: unknown, indent: number): string {
  const name = `${propertyKey(key)}: `;
  // A string too long for the key's line starts on the next one, indented (as prettier does).
  if (typeof value === 'string' && indent + name.length + flatLiteral(value).length + 1 > WIDTH)
    return `${name.trimEnd()}\n${' '.repeat(indent)}${INDENT}${flatLiteral(value)}`;
  return name + printLiteral(value, indent, indent + name.length);
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null && (Array.isArray(value) ? value : Object.keys(value)).length > 0;
}

/** The one-line form (the layout of a value that fits). */
function flatLiteral(value: unknown): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (Array.isArray(value)) return `[${value.map(flatLiteral).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => `${propertyKey(key)}: ${flatLiteral(item)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  // JSON has no undefined; null, booleans and finite numbers print as JSON does.
  return JSON.stringify(value) ?? 'undefined';
}

/** A bare key when it is an identifier; `__proto__` is written computed (`['__proto__']`): as a
 * plain key in an object literal it would set the prototype instead of an own property. */
function propertyKey(key: string): string {
  if (key === '__proto__') return "['__proto__']";
  return IDENTIFIER.test(key) ? key : stringLiteral(key);
}

function stringLiteral(text: string): string {
  const json = JSON.stringify(text);
  const singles = text.split("'").length - 1;
  const doubles = text.split('"').length - 1;
  if (singles > doubles) return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

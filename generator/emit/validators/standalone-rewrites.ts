import { byCodeUnit } from '../../source/compare.ts';

/* Rewrites of the standalone code Ajv prints, shared by standalone.js and the server's validators:
 * pure ESM (esmOnly), and evaluated-records bundlers can drop (hoistEvaluated). */

/** `require("x/y").z` → `__cjs(__x_y).z`, with `import * as __x_y from "x/y.js"` on top. Node's ESM
 * loader needs the file extension for a package's deep path. `__cjs` gives back what `require`
 * would have: Node's namespace of a CommonJS module holds `module.exports` as `default`, while
 * bundlers (honouring `__esModule`) spread its exports into the namespace itself. */
export function esmOnly(code: string): string {
  const { imports, body } = esmParts(code);
  return `${importHeader(imports)}\n${body}\n`;
}

/** The namespace imports (specifier → local name), in code-unit order, and `__cjs` when any. */
export function importHeader(imports: ReadonlyMap<string, string>): string {
  const lines = [...imports]
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([specifier, local]) => `import * as ${local} from ${JSON.stringify(specifier)};`);
  if (imports.size > 0) lines.push('const __cjs = (ns) => (ns.default && ns.default.__esModule ? ns.default : ns);');
  return lines.join('\n');
}

/** What esmOnly puts together: the imports (specifier with its extension → local name) and the
 * code with each `require` replaced by its import. */
export interface EsmParts {
  imports: Map<string, string>;
  body: string;
}

export function esmParts(code: string): EsmParts {
  const imports = new Map<string, string>();
  const body = code
    .replace(/^"use strict";\s*/, '')
    .replace(/require\(\s*"([^"]+)"\s*\)/g, (_match, specifier: string) => {
      const local = `__${specifier.replace(/[^A-Za-z0-9]+/g, '_')}`;
      imports.set(withExtension(specifier), local);
      return `/*#__PURE__*/ __cjs(${local})`;
    });
  if (/\brequire\s*\(/.test(body))
    throw new Error('Ajv standalone code has a require() ledgerspec cannot turn into an import');
  return { imports, body: body.trim() };
}

/** Ajv 2020 records on each validator function what it evaluated (`validate12.evaluated = {…};`), a
 * top-level property assignment that bundlers must keep, and with it every validator. Each record
 * becomes a plain `const __evaluated_validate12 = {…};` (the functions read it only when called),
 * so an unused validator can be dropped. */
export function hoistEvaluated(code: string): string {
  const assignment = /\b(validate\d+)\.evaluated = (?=\{)/g;
  const names = new Set<string>();
  let out = '';
  let from = 0;
  for (let match = assignment.exec(code); match; match = assignment.exec(code)) {
    const end = endOfJsonObject(code, assignment.lastIndex);
    if (end < 0 || code[end] !== ';') continue;
    const name = match[1] as string;
    names.add(name);
    out += `${code.slice(from, match.index)}const __evaluated_${name} = ${code.slice(assignment.lastIndex, end)}`;
    from = end;
    assignment.lastIndex = end;
  }
  out += code.slice(from);
  out = out.replace(/\b(validate\d+)\.evaluated\b/g, (read, name: string) =>
    names.has(name) ? `__evaluated_${name}` : read,
  );
  // A recursive $ref (a schema that reaches itself: TreeNode, Expr → Sum → Expr) is called
  // through a wrapper (`const wrapper1 = {validate: validate56}`) that reads
  // `wrapper1.validate.evaluated`: those validators keep the property too (`const __evaluated_validate56 = validate56.evaluated = {…};`).
  const read = new Set([...out.matchAll(/\b(wrapper\d+)\.validate\.evaluated\b/g)].map((m) => m[1] as string));
  const wrapped = new Set(
    [...out.matchAll(/\bconst (wrapper\d+) = \{validate: (validate\d+)\}/g)]
      .filter((m) => read.has(m[1] as string))
      .map((m) => m[2] as string),
  );
  return out.replace(/\bconst __evaluated_(validate\d+) = /g, (declaration, name: string) =>
    wrapped.has(name) ? `${declaration}${name}.evaluated = ` : declaration,
  );
}

/** Index just past the JSON object starting at `start` (strings may hold braces), or -1. */
function endOfJsonObject(code: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

function withExtension(specifier: string): string {
  const deep = specifier.startsWith('@') ? specifier.split('/').length > 2 : specifier.includes('/');
  return deep && !/\.[cm]?js$/.test(specifier) ? `${specifier}.js` : specifier;
}

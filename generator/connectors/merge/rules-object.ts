import ts from 'typescript';

/** The two rule sets a mapping file exports, and the runtime function each is built with. */
export const SECTIONS = { read: 'mapRead', write: 'mapWrite' } as const;
export type Section = keyof typeof SECTIONS;

/** The exported rules of one section, or why they cannot be merged. */
export type RulesLookup = { rules: ts.ObjectLiteralExpression } | { missing: true } | { problem: string; pos: number };

/**
 * The object literal of `export const read = mapRead<…>({ … })` (or `write` / `mapWrite`). Found
 * through the declaration, not the first call by that name: a helper built with `mapRead({ … })`
 * above `read` must never receive the entries meant for `read`.
 */
export function findRules(file: ts.SourceFile, section: Section): RulesLookup {
  const declaration = exportedConst(file, section);
  if (!declaration) return { missing: true };
  const call = declaration.initializer && unwrap(declaration.initializer);
  const [first] = call && ts.isCallExpression(call) && calleeName(call) === SECTIONS[section] ? call.arguments : [];
  const rules = first && unwrap(first);
  if (rules && ts.isObjectLiteralExpression(rules)) return { rules };
  return {
    problem: `\`${section}\` is not \`${SECTIONS[section]}<…>({ … })\` with the rules written out as an object literal`,
    pos: declaration.getStart(file),
  };
}

function exportedConst(file: ts.SourceFile, name: string): ts.VariableDeclaration | undefined {
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement) || !statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
      continue;
    const found = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name);
    if (found) return found;
  }
  return undefined;
}

/** `mapRead` or `runtime.mapRead`. */
function calleeName(call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

/** Sees through `( … )`, `… as T`, `… satisfies T` and `…!`, which change no value. */
function unwrap(node: ts.Expression): ts.Expression {
  if (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isNonNullExpression(node)
  )
    return unwrap(node.expression);
  return node;
}

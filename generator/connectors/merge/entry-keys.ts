import ts from 'typescript';

/** What one entry of a rules object says about the fields it covers. */
export type EntryKey =
  /** A key written out (`name`, `'name'`, `['name']`): it covers exactly that field. */
  | { field: string }
  /** A spread or a computed key: which fields it covers is known only when the code runs. */
  | { unknown: string };

export function entryKey(entry: ts.ObjectLiteralElementLike, file: ts.SourceFile): EntryKey {
  if (ts.isSpreadAssignment(entry)) return { unknown: `the spread \`${clip(entry.getText(file))}\`` };
  const name = entry.name;
  if (!name) return { unknown: `the entry \`${clip(entry.getText(file))}\`` };
  const field = ts.isComputedPropertyName(name)
    ? literalText(name.expression)
    : ts.isIdentifier(name)
      ? ts.idText(name)
      : literalText(name);
  return field === undefined ? { unknown: `the computed key \`${clip(name.getText(file))}\`` } : { field };
}

/** The property name a literal spells out (`'name'`, `` `name` ``, `1e3`); undefined for any other
 * expression, whose value is known only when the code runs. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  // `1e3: …` names the property "1000", as the runtime converts it.
  if (ts.isNumericLiteral(node)) return String(Number(node.text));
  return undefined;
}

/** Code quoted in a message stays on one short line. */
function clip(code: string): string {
  const line = code.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

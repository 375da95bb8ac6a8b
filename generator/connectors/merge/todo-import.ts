import ts from 'typescript';
import type { TextEdit } from './text-edits.ts';

/** Adds `todo` to the named import that brings in `mapRead`, unless the file already has a
 * top-level `todo`. Undefined when there is no such import to add it to (a namespace import,
 * say): the person is then told to import it. */
export function todoImportEdit(file: ts.SourceFile): TextEdit[] | undefined {
  if (topLevelNames(file).has('todo')) return [];
  for (const statement of file.statements) {
    const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    const elements = bindings.elements;
    const last = elements[elements.length - 1];
    if (last && elements.some((e) => (e.propertyName ?? e.name).text === 'mapRead'))
      return [{ pos: last.end, end: last.end, text: ', todo' }];
  }
  return undefined;
}

/** Names bound at the top of the file by imports and declarations. */
function topLevelNames(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of file.statements) {
    const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
    if (clause?.name) names.add(clause.name.text);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) names.add(e.name.text);
    if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name)
      names.add(statement.name.text);
  }
  return names;
}

import { isRecord } from './amounts.ts';
import { readDeclarations } from './declarations.ts';
import {
  ANNOTATED_KINDS,
  DECLARED_KINDS,
  type DeclarationOf,
  type DeclaredKindName,
  type InvariantDeclaration,
} from './kinds.ts';
import type { DeclaredKind, InvariantContext, InvariantFinding } from './model.ts';

export { ANNOTATED_KINDS, DECLARED_KINDS, type InvariantDeclaration } from './kinds.ts';
export type { InvariantContext, InvariantFinding } from './model.ts';

/** The invariants a model of the bundled document declares in `x-invariants`. The spec is linted
 * before conformance runs, so a malformed declaration here is a bug: it throws. */
export function declaredInvariants(document: Record<string, unknown>, model: string): InvariantDeclaration[] {
  const schemas =
    isRecord(document.components) && isRecord(document.components.schemas) ? document.components.schemas : {};
  const schema = schemas[model];
  if (!isRecord(schema)) return [];
  const { declarations, problems } = readDeclarations(schema);
  if (problems.length)
    throw new Error(`${model}: malformed x-invariants at ${problems[0]?.pointer}: ${problems[0]?.message}`);
  return declarations;
}

/** Every invariant a record breaks: those its entity declares, then references and calendar dates. */
export function checkRecord(
  record: unknown,
  declarations: readonly InvariantDeclaration[],
  context: InvariantContext,
): InvariantFinding[] {
  if (!isRecord(record)) return [];
  return [
    ...declarations.flatMap((declaration) => checkDeclared(declaration, record, context)),
    ...Object.values(ANNOTATED_KINDS).flatMap((kind) => kind.check(record, context)),
  ];
}

function checkDeclared<Kind extends DeclaredKindName>(
  declaration: { kind: Kind } & DeclarationOf[Kind],
  record: Record<string, unknown>,
  context: InvariantContext,
): InvariantFinding[] {
  const kind = DECLARED_KINDS[declaration.kind] as DeclaredKind<DeclarationOf[Kind]>;
  return kind.check(declaration, record, context);
}

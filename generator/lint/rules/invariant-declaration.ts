import {
  fieldRequirements,
  INVARIANTS_KEY,
  readDeclarations,
  type FieldRequirement,
} from '../../invariants/declarations.ts';
import { DECLARED_KINDS } from '../../invariants/kinds.ts';
import type { DeclaredKind } from '../../invariants/model.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import { isObject, nonNullTypes, type JsonObject } from '../../source/schema-walk.ts';
import type { SourceFile } from '../../source/yaml-file.ts';
import type { LintContext } from '../context.ts';
import type { LintRule } from '../rule.ts';

const CODE = 'invariant-declaration';

/** `x-invariants` (see generator/invariants/) is read by conformance, which trusts it:
 * a typo would silently check nothing. */
export const invariantDeclaration: LintRule = {
  code: CODE,
  description:
    'x-invariants appears only on entity schemas; each entry has a known kind and exactly its parameters; every field it names exists and holds a number (or an array of lines) as the kind needs; every example satisfies the invariants.',
  check: (ctx) =>
    ctx.sources.schemas.flatMap(({ file }): Diagnostic[] => {
      const doc = isObject(file.data) ? file.data : {};
      if (doc[INVARIANTS_KEY] === undefined) return [];
      if (typeof doc['x-entity'] !== 'string')
        return [
          ctx.diagnostic(
            CODE,
            file,
            `/${INVARIANTS_KEY}`,
            `${INVARIANTS_KEY} belongs on an entity schema (one with x-entity)`,
          ),
        ];
      const { declarations, problems } = readDeclarations(doc);
      if (problems.length) return problems.map((p) => ctx.diagnostic(CODE, file, p.pointer, p.message));
      const fields = declarations.flatMap((declaration, index) =>
        fieldRequirements(declaration, `/${INVARIANTS_KEY}/${index}`).flatMap((requirement) => {
          const problem = fieldProblem(ctx, file, doc, requirement);
          return problem ? [ctx.diagnostic(CODE, file, requirement.pointer, `${declaration.kind}: ${problem}`)] : [];
        }),
      );
      if (fields.length) return fields;
      const examples = Array.isArray(doc.examples) ? doc.examples : [];
      return examples.flatMap((example, index) =>
        declarations.flatMap((declaration) =>
          (DECLARED_KINDS[declaration.kind] as DeclaredKind<typeof declaration>)
            .check(declaration, isObject(example) ? example : {}, NO_CONTEXT)
            .map((f) =>
              ctx.diagnostic(
                CODE,
                file,
                `/examples/${index}${f.pointer}`,
                `example ${index} breaks ${f.kind}: ${f.message} (expected ${f.expected}, found ${f.found})`,
              ),
            ),
        ),
      );
    }),
};

/** The declared kinds look at the record only; they never read the context. */
const NO_CONTEXT = {
  document: {},
  model: '',
  connector: '',
  accountingEntities: new Set<string>(),
  fixtureIds: new Map(),
  external: [],
};

/** What is wrong with the field a declaration names, if anything. */
function fieldProblem(
  ctx: LintContext,
  file: SourceFile,
  entity: JsonObject,
  requirement: FieldRequirement,
): string | undefined {
  let at = { file, value: entity as unknown };
  let walked = '';
  for (const segment of requirement.path) {
    at = schemaOf(ctx, at.file, at.value);
    const schema = isObject(at.value) ? at.value : {};
    if (segment === '*') {
      if (!nonNullTypes(schema).includes('array') || !isObject(schema.items)) return `${walked} is not an array`;
      at = { file: at.file, value: schema.items };
    } else {
      const property = isObject(schema.properties) ? schema.properties[segment] : undefined;
      if (!isObject(property))
        return `${walked ? `${walked}/` : ''}${segment} is no field${walked ? ` of the items of ${walked.replace(/\/\*$/, '')}` : ''}`;
      at = { file: at.file, value: property };
    }
    walked = walked ? `${walked}/${segment}` : segment;
  }
  const types = nonNullTypes(
    isObject(schemaOf(ctx, at.file, at.value).value) ? (schemaOf(ctx, at.file, at.value).value as JsonObject) : {},
  );
  const fits =
    requirement.shape === 'number'
      ? types.includes('number') || types.includes('integer')
      : types.includes(requirement.shape);
  return fits
    ? undefined
    : `${walked} must hold ${requirement.shape === 'array' ? 'an array' : `a ${requirement.shape}`} (found type ${types.join(', ') || 'unspecified'})`;
}

/** A schema with `$ref`s followed and a nullable anyOf/oneOf around one reduced to it. */
function schemaOf(ctx: LintContext, file: SourceFile, value: unknown): { file: SourceFile; value: unknown } {
  let at = ctx.deref(file, value);
  const union = isObject(at.value) ? (at.value.anyOf ?? at.value.oneOf) : undefined;
  if (Array.isArray(union)) {
    const branch = union.find((s) => isObject(s) && s.type !== 'null');
    if (branch !== undefined) at = ctx.deref(at.file, branch);
  }
  return at;
}

import { isRecord } from './amounts.ts';
import { DECLARED_KINDS, isDeclaredKind, type InvariantDeclaration } from './kinds.ts';
import type { FieldShape, ParamSpec } from './model.ts';

/** The extension an entity schema declares its invariants in. */
export const INVARIANTS_KEY = 'x-invariants';

/** Something wrong with a declaration, at a pointer relative to the entity schema. */
export interface DeclarationProblem {
  pointer: string;
  message: string;
}

/** A field a declaration names, as a path from the entity schema (`*` for an array's items), and
 * what it must hold there. */
export interface FieldRequirement {
  /** Pointer of the parameter (or list element) that names it, relative to the entity schema. */
  pointer: string;
  path: string[];
  shape: FieldShape;
}

const TERM = /^[a-z_][a-z0-9_]*(\/\*\/[a-z_][a-z0-9_]*)?$/;

/** An entity schema's `x-invariants`, checked for structure: known kinds, each parameter present
 * (unless optional), of its type, and nothing else. Whether the named fields exist and hold the
 * right values is `fieldRequirements`' part. */
export function readDeclarations(schema: Record<string, unknown>): {
  declarations: InvariantDeclaration[];
  problems: DeclarationProblem[];
} {
  const value = schema[INVARIANTS_KEY];
  if (value === undefined) return { declarations: [], problems: [] };
  if (!Array.isArray(value))
    return {
      declarations: [],
      problems: [
        { pointer: `/${INVARIANTS_KEY}`, message: `${INVARIANTS_KEY} must be a list of invariant declarations` },
      ],
    };
  const declarations: InvariantDeclaration[] = [];
  const problems: DeclarationProblem[] = [];
  value.forEach((entry, index) => {
    const found = declarationProblems(entry, `/${INVARIANTS_KEY}/${index}`);
    if (found.length) problems.push(...found);
    else declarations.push(entry as InvariantDeclaration);
  });
  return { declarations, problems };
}

function declarationProblems(entry: unknown, at: string): DeclarationProblem[] {
  if (!isRecord(entry)) return [{ pointer: at, message: 'an invariant declaration is an object with a kind' }];
  const kinds = Object.keys(DECLARED_KINDS).join(', ');
  if (!isDeclaredKind(entry.kind))
    return [
      { pointer: `${at}/kind`, message: `unknown invariant kind ${JSON.stringify(entry.kind)} (known: ${kinds})` },
    ];
  const params: Record<string, ParamSpec> = DECLARED_KINDS[entry.kind].params;
  const unknown = Object.keys(entry).filter((key) => key !== 'kind' && !Object.hasOwn(params, key));
  return [
    ...unknown.map((key) => ({
      pointer: `${at}/${key}`,
      message: `${entry.kind} takes no parameter ${JSON.stringify(key)} (it takes ${Object.keys(params).join(', ')})`,
    })),
    ...Object.entries(params).flatMap(([name, spec]) => paramProblems(entry, name, spec, `${at}/${name}`)),
  ];
}

function paramProblems(
  entry: Record<string, unknown>,
  name: string,
  spec: ParamSpec,
  at: string,
): DeclarationProblem[] {
  const value = entry[name];
  if (value === undefined)
    return spec.optional
      ? []
      : [
          {
            pointer: at.slice(0, at.lastIndexOf('/')),
            message: `${String(entry.kind)} needs ${name}: ${spec.description}`,
          },
        ];
  const problem = (message: string) => [{ pointer: at, message: `${name} ${message}` }];
  switch (spec.type) {
    case 'field':
      return typeof value === 'string' && value !== '' ? [] : problem('must name a field');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0
        ? []
        : problem('must be a number, zero or more');
    case 'fields':
    case 'terms':
    case 'subset': {
      if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string' || v === ''))
        return problem('must be a non-empty list of field names');
      if (spec.type === 'terms') {
        const bad = value.findIndex((v) => !TERM.test(v as string));
        return bad < 0
          ? []
          : [
              {
                pointer: `${at}/${bad}`,
                message: `${name}: ${JSON.stringify(value[bad])} is neither a field name nor a path array/*/field`,
              },
            ];
      }
      if (spec.type === 'subset') {
        const listed = new Set(
          spec.of.flatMap((other) => (Array.isArray(entry[other]) ? (entry[other] as unknown[]) : [])),
        );
        const bad = value.findIndex((v) => !listed.has(v));
        return bad < 0
          ? []
          : [
              {
                pointer: `${at}/${bad}`,
                message: `${name}: ${JSON.stringify(value[bad])} is not among ${spec.of.join(' or ')}`,
              },
            ];
      }
      return [];
    }
  }
}

/** Every field a (structurally valid) declaration names, with where it must be and what it must
 * hold: `lines: line_items` is an array at [line_items]; `amount: sub_total` within it is a
 * number at [line_items, *, sub_total]; a term `assets/*\/value` a number at [assets, *, value]. */
export function fieldRequirements(declaration: InvariantDeclaration, at: string): FieldRequirement[] {
  const params: Record<string, ParamSpec> = DECLARED_KINDS[declaration.kind].params;
  const entry = declaration as unknown as Record<string, unknown>;
  /** The paths a parameter names (a list parameter names several). */
  const pathsOf = (name: string, seen: string[] = []): string[][] => {
    const spec = params[name];
    const value = entry[name];
    if (!spec || value === undefined || seen.includes(name)) return [];
    const names = Array.isArray(value) ? (value as string[]) : [value as string];
    const bases =
      spec.type === 'field' || spec.type === 'fields'
        ? spec.within
          ? pathsOf(spec.within, [...seen, name]).map((base) => [...base, '*'])
          : [[]]
        : [[]];
    return bases.flatMap((base) => names.map((n) => [...base, ...n.split('/')]));
  };
  return Object.entries(params).flatMap(([name, spec]): FieldRequirement[] => {
    if (entry[name] === undefined) return [];
    if (spec.type === 'field' || spec.type === 'fields') {
      const names = spec.type === 'fields' ? (entry[name] as string[]) : [entry[name] as string];
      const bases = spec.within ? pathsOf(spec.within, [name]).map((base) => [...base, '*']) : [[]];
      return names.flatMap((field, index) =>
        bases.map((base) => ({
          pointer: spec.type === 'fields' ? `${at}/${name}/${index}` : `${at}/${name}`,
          path: [...base, field],
          shape: spec.shape,
        })),
      );
    }
    if (spec.type === 'terms')
      return (entry[name] as string[]).map((term, index) => ({
        pointer: `${at}/${name}/${index}`,
        path: term.split('/'),
        shape: 'number' as const,
      }));
    return [];
  });
}

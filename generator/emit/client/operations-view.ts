import { camelCase, pascalCase } from 'change-case';
import type { OperationIR, SpecIR } from '../../ir/model.ts';
import { byCodeUnit } from '../../source/compare.ts';
import { identifier } from '../../shared/render.ts';
import { retryableStatuses, styleOf } from './view.ts';

/** What templates/client/operations.ts.hbs renders: the operations of one tag that belong to no
 * entity (every operation of a third-party spec). Untagged ones have `property` undefined and
 * sit on the client itself, as Speakeasy and Fern place them. */
export interface OperationGroupView {
  file: string;
  property?: string;
  factory: string;
  interfaceName: string;
  title: string;
  operations: PlainOperationView[];
}

export interface PlainOperationView {
  operationId: string;
  name: string;
  opAlias: string;
  constName: string;
  httpMethod: string;
  path: string;
  method: string;
  /** First line of the method's JSDoc: the summary, else the operationId. */
  headline: string;
  description: string;
  /** A required parameter or body: the call cannot be made without `args`. */
  argsRequired: boolean;
  queryStyles: { name: string; style: string }[];
  retryOn: number[];
}

/** Operations with no entity, one group per first tag, in name order. `taken` holds the names
 * already used on the client (its areas), which a group must not reuse. */
export function operationGroups(ir: SpecIR, taken: readonly string[]): OperationGroupView[] {
  const loose = ir.operations.filter((op) => op.entity === undefined);
  const byTag = new Map<string, OperationIR[]>();
  for (const op of loose) {
    const tag = op.tags[0] ?? '';
    byTag.set(tag, [...(byTag.get(tag) ?? []), op]);
  }
  const used = new Set(taken);
  const tags = [...byTag.keys()].sort(byCodeUnit);
  const groups = tags.map((tag) => groupView(tag, byTag.get(tag) ?? [], used));
  // Untagged methods sit on the client beside the groups: they must not shadow one.
  const root = groups.find((g) => g.property === undefined);
  if (root) for (const op of root.operations) op.name = unique(op.name, used);
  return groups;
}

function groupView(tag: string, operations: OperationIR[], used: Set<string>): OperationGroupView {
  const base = tag ? safeName(camelCase(tag), 'operations') : 'untagged';
  const property = tag ? unique(base, used) : undefined;
  const stem = property ?? base;
  const names = new Set<string>();
  const views = [...operations]
    .sort((a, b) => byCodeUnit(a.operationId || a.path, b.operationId || b.path) || byCodeUnit(a.method, b.method))
    .map((op) => plainOperationView(op, names));
  return {
    file: stem,
    ...(property ? { property } : {}),
    factory: `${stem}Operations`,
    interfaceName: `${typeName(stem, 'Untagged')}Operations`,
    title: tag ? `The ${tag} operations` : 'The operations without a tag',
    operations: views,
  };
}

function plainOperationView(op: OperationIR, names: Set<string>): PlainOperationView {
  const name = unique(safeName(camelCase(op.operationId || `${op.method} ${op.path}`), op.method), names);
  return {
    operationId: op.operationId,
    name,
    opAlias: `${typeName(name, 'Operation')}Op`,
    constName: `${identifier(name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase())}_OPERATION`,
    httpMethod: op.method.toUpperCase(),
    method: op.method,
    path: op.path,
    headline: op.summary || op.operationId || `${op.method.toUpperCase()} ${op.path}`,
    description: op.description.trim(),
    argsRequired:
      op.requestBody?.required === true ||
      op.parameters.some((p) => p.required && (p.in === 'path' || p.in === 'query' || p.in === 'header')),
    queryStyles: op.parameters.filter((p) => p.in === 'query').flatMap((p) => styleOf(p)),
    retryOn: retryableStatuses(op),
  };
}

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await constructor prototype __proto__ toString valueOf hasOwnProperty'.split(
    ' ',
  ),
);

/** A camelCase identifier from any text: letters and digits kept, a leading digit prefixed with
 * `_`, reserved words and Object.prototype names suffixed with `_`; `fallback` when nothing is left. */
function safeName(camel: string, fallback: string): string {
  const cleaned = camel.replace(/[^A-Za-z0-9_$]/g, '') || fallback;
  const named = /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
  return identifier(RESERVED.has(named) ? `${named}_` : named);
}

/** A PascalCase type name; one that would start with a digit gets a `The` in front, so it can
 * never equal the `_`-prefixed camelCase value name made from the same text. */
function typeName(text: string, fallback: string): string {
  const pascal = pascalCase(text).replace(/[^A-Za-z0-9_$]/g, '') || fallback;
  return identifier(/^[0-9]/.test(pascal) ? `The${pascal}` : pascal);
}

/** `name`, or `name2`, `name3`… when taken; records the result as taken. Groups and operations
 * are visited in sorted order, so a name keeps its suffix until something sorts before it. */
function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`;
  taken.add(candidate);
  return candidate;
}

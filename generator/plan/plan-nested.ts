import pointer from 'json-pointer';
import type { ModelIR, SpecIR } from '../ir/model.ts';
import { isObject, type JsonObject } from '../source/schema-walk.ts';
import { claimNames, type NameRequest } from './claims.ts';
import { identifier } from './identifier.ts';
import type { ModelNames, NestedName } from './name-plan.ts';
import { COMPONENT_PREFIX, isNamedKind, pathLabel, subSchemas } from './schema-positions.ts';

/** One position to name, with the request claimNames decides it by. */
interface Position {
  owner: string;
  by: NestedName['by'];
  request: NameRequest;
}

/**
 * The nested types (NamePlan.nested): every position inside a component that a `$ref` points at
 * (named by its path: `AccountCategory`), and every titled object, enum or composition inside one
 * (named by its title: `<Model><Title>`, or the title when it already starts with the model's type
 * name; by its path when that is taken). Claimed after the model types, in code-point order of
 * pointer (claimNames), so adding a schema leaves the existing nested names as they were unless
 * its own type is one of them, or one of its nested types wants an existing name and its pointer
 * sorts before that one's. Identical titled sub-schemas of one component are one type.
 */
export function planNested(ir: SpecIR, models: ReadonlyMap<string, ModelNames>): Map<string, NestedName> {
  const positions = refTargets(ir, models);
  const sameAs = new Map<string, string>();
  for (const model of ir.models) titledPositions(model, models.get(model.name)!.type, positions, sameAs);
  const types = claimNames(
    [...positions.values()].map((p) => p.request),
    { taken: [...models.values()].map((m) => m.type) },
  );
  const nested = new Map<string, NestedName>();
  for (const [at, { owner, by }] of positions) nested.set(at, { type: types.get(at)!, owner, by });
  for (const [at, first] of sameAs) nested.set(at, nested.get(first)!);
  return nested;
}

/** Positions into (not at) a component that some `$ref` names: `<Type><Path>`. */
function refTargets(ir: SpecIR, models: ReadonlyMap<string, ModelNames>): Map<string, Position> {
  const positions = new Map<string, Position>();
  for (const at of ir.schemaRefs) {
    if (!at.startsWith(COMPONENT_PREFIX)) continue;
    const [head = '', ...rest] = at.slice(COMPONENT_PREFIX.length).split('/').map(pointer.unescape);
    const model = models.get(head);
    if (!model || rest.length === 0 || !pointer.has(ir.schemas, at)) continue;
    positions.set(at, { owner: head, by: 'ref', request: { identity: at, wanted: `${model.type}${pathLabel(rest)}` } });
  }
  return positions;
}

/** Adds the titled named-kind sub-schemas of `model` that no `$ref` names to `positions`; one
 * identical to an earlier one of the same model goes to `sameAs` (its pointer → the earlier's). */
function titledPositions(model: ModelIR, type: string, positions: Map<string, Position>, sameAs: Map<string, string>) {
  const seen = new Map<string, string>();
  const visit = (schema: JsonObject, path: string[], at: string) => {
    for (const [steps, child] of subSchemas(schema)) {
      if (!isObject(child)) continue;
      const childPath = [...path, ...steps];
      const childAt = `${at}/${steps.map(pointer.escape).join('/')}`;
      if (isTitled(child) && !positions.has(childAt)) {
        const key = JSON.stringify(child);
        const first = seen.get(key);
        if (first !== undefined) sameAs.set(childAt, first);
        else {
          seen.set(key, childAt);
          positions.set(childAt, {
            owner: model.name,
            by: 'title',
            request: titleRequest(childAt, child, type, childPath),
          });
        }
      }
      visit(child, childPath, childAt);
    }
  };
  visit(model.schema, [], `${COMPONENT_PREFIX}${pointer.escape(model.name)}`);
}

function isTitled(schema: JsonObject): boolean {
  return typeof schema.title === 'string' && typeof schema.$ref !== 'string' && isNamedKind(schema);
}

function titleRequest(at: string, schema: JsonObject, type: string, path: string[]): NameRequest {
  const label = identifier(schema.title as string, 'pascal');
  const wanted = label.startsWith(type) ? label : `${type}${label}`;
  return { identity: at, wanted, alternatives: [`${type}${pathLabel(path)}`] };
}

import { identifier } from '../../plan/identifier.ts';
import type { ModelIR } from '../../ir/model.ts';
import { modelNames as plannedNames, type NamePlan } from '../../plan/name-plan.ts';

/** The type name json-schema-to-typescript keeps of a name (see `identifier`), for the named
 * sub-schemas a model owns (`AccountCategory`): model names themselves come from the NamePlan. */
export function safeIdentifier(raw: string): string {
  return identifier(raw, 'pascal');
}

/** First candidate not yet taken, else the first with `Alt` appended until free (never a digit). */
export function claim(candidates: string[], used: Set<string>): string {
  let name = candidates.find((c) => !used.has(c)) ?? (candidates[0] as string);
  while (used.has(name)) name = `${name}Alt`;
  used.add(name);
  return name;
}

export interface ModelName {
  /** The exported type name. */
  ident: string;
  /** File stem under types/, snake_case of the type name. */
  file: string;
}

/** components.schemas key → type name and file stem, as the NamePlan has them. */
export function modelNames(models: ModelIR[], plan: NamePlan): Map<string, ModelName> {
  return new Map(
    models.map((model) => {
      const names = plannedNames(plan, model);
      return [model.name, { ident: names.type, file: names.file }];
    }),
  );
}

/** Code-point order: independent of locale, so output is the same on every machine. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

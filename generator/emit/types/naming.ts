import type { ModelIR } from '../../ir/model.ts';
import { modelNames as plannedNames, type NamePlan } from '../../plan/name-plan.ts';

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

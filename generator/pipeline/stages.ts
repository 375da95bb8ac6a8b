/** The modules of generate's stages, loaded together and only when the pipeline has to run: a
 * no-change generate (answered from the cache's record) never loads YAML, Ajv, the emitters,
 * openapi-typescript, TypeScript or dprint. */
export { frontStages, specChecks } from './front.ts';
export { planNames } from '../plan/plan-names.ts';
export { formatFiles } from './format.ts';
export { selectedEmitters } from '../emit/index.ts';
export { mergeConnectorMappings } from '../connectors/merge-stage.ts';
export { asCompileProblems } from '../validation/compile-problems.ts';

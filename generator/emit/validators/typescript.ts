import type { JsonObject } from '../../source/schema-walk.ts';
import type { ModelIR } from '../../ir/model.ts';
import { reachableModels, type DiscriminatorSite } from '../../validation/discriminators.ts';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** validators/standalone.d.ts: one validator per model, typed by the issues module. */
export function standaloneDeclarations(models: readonly ModelIR[]): string {
  const lines = models.map(
    (m) =>
      `/** Ajv validator of ${m.name}; its \`errors\` hold the last failure's Ajv errors. */\nexport declare const ${identifier(m.name)}: Validator;`,
  );
  return `import type { Validator } from './issues.js';\n\n${lines.join('\n')}\n`;
}

/** validators/index.ts: isX / assertX / validateX for every model, each a top-level function
 * that only touches its own validator (and, for discriminated unions, its variants'). */
export function validatorsIndex(
  sites: readonly DiscriminatorSite[],
  document: JsonObject,
  models: readonly ModelIR[],
): string {
  const head = [
    '/** Runtime validators for every model of the spec, compiled ahead of time by Ajv (standalone.js). */',
    "import * as R from './issues.js';",
    "import * as S from './standalone.js';",
    "import type * as T from '../types/index.js';",
    '',
    "export { ValidationError } from './issues.js';",
    "export type { ValidationIssue, ValidationResult } from './issues.js';",
  ];
  return `${[...head, ...models.map((m) => modelFunctions(m, unionsOf(document, m.name, sites)))].join('\n')}\n`;
}

function modelFunctions(model: ModelIR, unions: DiscriminatorSite[]): string {
  const name = identifier(model.name);
  const fn = name.charAt(0).toUpperCase() + name.slice(1);
  const extra = unions.length ? `, ${unionsName(fn)}()` : '';
  const table = unions.length
    ? [
        '',
        `function ${unionsName(fn)}(): R.Discriminator[] {`,
        `  return [${unions
          .map(
            (u) =>
              `{ at: ${JSON.stringify(u.at)}, property: ${JSON.stringify(u.property)}, mapping: { ${Object.entries(
                u.mapping,
              )
                .map(([tag, target]) => `${JSON.stringify(tag)}: S.${identifier(target)}`)
                .join(', ')} } }`,
          )
          .join(', ')}];`,
        '}',
      ]
    : [];
  return [
    ...table,
    '',
    `/** True when \`value\` is a valid ${model.name}. */`,
    `export function is${fn}(value: unknown): value is T.${name} {`,
    `  return S.${name}(value);`,
    '}',
    '',
    `/** Throws a ValidationError listing every issue unless \`value\` is a valid ${model.name}. */`,
    `export function assert${fn}(value: unknown): asserts value is T.${name} {`,
    `  R.assertValid(S.${name}, value, ${JSON.stringify(model.name)}${extra});`,
    '}',
    '',
    `/** \`value\` as a ${model.name}, or the issues that keep it from being one. */`,
    `export function validate${fn}(value: unknown): R.ValidationResult<T.${name}> {`,
    `  return R.validateWith<T.${name}>(S.${name}, value${extra});`,
    '}',
  ].join('\n');
}

const unionsName = (fn: string) => `unionsOf${fn}`;

/** The discriminated unions a model's validator can reach. */
function unionsOf(document: JsonObject, name: string, sites: readonly DiscriminatorSite[]): DiscriminatorSite[] {
  if (sites.length === 0) return [];
  const reachable = new Set(reachableModels(document, name));
  return sites.filter((s) => reachable.has(s.model));
}

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`schema name ${JSON.stringify(name)} cannot be a TypeScript identifier`);
  return name;
}

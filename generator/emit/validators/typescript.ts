import type { JsonObject } from '../../source/schema-walk.ts';
import type { ModelIR } from '../../ir/model.ts';
import { docText } from '../../shared/render.ts';
import { reachableModels, type DiscriminatorSite } from '../../ir/discriminators.ts';

/** components.schemas key → the planned name of its type and validator (see NamePlan). */
export type ExportNames = ReadonlyMap<string, string>;

/** validators/standalone.d.ts: one validator per model, typed by the issues module. */
export function standaloneDeclarations(models: readonly ModelIR[], exports: ExportNames): string {
  const lines = models.map(
    (m) =>
      `/** Ajv validator of ${docName(m.name)}; its \`errors\` hold the last failure's Ajv errors. */\nexport declare const ${exportOf(exports, m.name)}: Validator;`,
  );
  return `import type { Validator } from './issues.js';\n\n${lines.join('\n')}\n`;
}

/** validators/index.ts: isX / assertX / validateX for every model, each a top-level function
 * that only touches its own validator (and, for discriminated unions, its variants'). */
export function validatorsIndex(
  sites: readonly DiscriminatorSite[],
  document: JsonObject,
  models: readonly ModelIR[],
  exports: ExportNames,
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
  return `${[...head, ...models.map((m) => modelFunctions(m, exports, unionsOf(document, m.name, sites)))].join('\n')}\n`;
}

function modelFunctions(model: ModelIR, exports: ExportNames, unions: DiscriminatorSite[]): string {
  const name = exportOf(exports, model.name);
  const fn = name.charAt(0).toUpperCase() + name.slice(1);
  const label = docName(model.name);
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
                .map(([tag, target]) => `${JSON.stringify(tag)}: S.${exportOf(exports, target)}`)
                .join(', ')} } }`,
          )
          .join(', ')}];`,
        '}',
      ]
    : [];
  return [
    ...table,
    '',
    `/** True when \`value\` is a valid ${label}. */`,
    `export function is${fn}(value: unknown): value is T.${name} {`,
    `  return S.${name}(value);`,
    '}',
    '',
    `/** Throws a ValidationError listing every issue unless \`value\` is a valid ${label}. */`,
    `export function assert${fn}(value: unknown): asserts value is T.${name} {`,
    `  R.assertValid(S.${name}, value, ${JSON.stringify(model.name)}${extra});`,
    '}',
    '',
    `/** \`value\` as a ${label}, or the issues that keep it from being one. */`,
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

function exportOf(exports: ExportNames, model: string): string {
  const name = exports.get(model);
  if (name === undefined) throw new Error(`validators: no planned name for schema ${JSON.stringify(model)}`);
  return name;
}

/** A schema key inside a JSDoc comment: any string, so `*\/` must not close it. */
const docName = (name: string) => docText(name);

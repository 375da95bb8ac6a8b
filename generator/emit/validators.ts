import { readFileSync } from 'node:fs';
import { TEMPLATES_DIR } from '../package-root.ts';
import type { GeneratedFile, SpecIR } from '../ir/model.ts';
import { standaloneModule } from './validators/standalone-code.ts';
import { emitContext, type EmitContext } from './index.ts';
import { modelNames } from '../plan/name-plan.ts';
import { standaloneDeclarations, validatorsIndex } from './validators/typescript.ts';
import type { NamePlan } from '../plan/name-plan.ts';
import type { ValidatorExports } from '../validation/schemas-stamp.ts';

/** The runtime half of the issue mapping, shared verbatim with the `validate` command. */
const ISSUES_TEMPLATE = new URL('validators/issues.ts', TEMPLATES_DIR);
/** The linear-time `pattern` engine standalone.js imports, the one ledgerspec's own Ajv uses. */
const LINEAR_REGEXP_TEMPLATE = new URL('validators/linear-regexp.js', TEMPLATES_DIR);
const LINEAR_REGEXP_DECLARATIONS = new URL('validators/linear-regexp.d.ts', TEMPLATES_DIR);

/** generated/validators/: Ajv standalone validators compiled at generate time (standalone.js, its
 * declarations), the Ajv error → ValidationIssue mapping (issues.ts), and typed isX / assertX /
 * validateX for every model (index.ts, types from ../types/index.js). */
export function emitValidators(ir: SpecIR, context?: Partial<EmitContext>): GeneratedFile[] {
  const { memo, names } = emitContext(ir, context);
  const models = [...ir.models].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const exports = modelExports(ir, names);
  return [
    { path: 'validators/index.ts', contents: validatorsIndex(ir.discriminators, ir.schemas, models, exports) },
    { path: 'validators/issues.ts', contents: readFileSync(ISSUES_TEMPLATE, 'utf8'), printed: true },
    { path: 'validators/linear-regexp.d.ts', contents: readFileSync(LINEAR_REGEXP_DECLARATIONS, 'utf8') },
    { path: 'validators/linear-regexp.js', contents: readFileSync(LINEAR_REGEXP_TEMPLATE, 'utf8') },
    { path: 'validators/standalone.d.ts', contents: standaloneDeclarations(models, exports) },
    {
      path: 'validators/standalone.js',
      contents: standaloneModule(ir.schemas, exports, memo),
    },
  ];
}

/** components.schemas key → its export in validators/standalone.js (the planned type name). */
export function modelExports(ir: SpecIR, names: NamePlan): ValidatorExports {
  return new Map(ir.models.map((m) => [m.name, modelNames(names, m).type]));
}

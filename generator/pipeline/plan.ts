import { snakeCase } from 'change-case';
import type { Diagnostic } from '../diagnostics.ts';
import type { SpecIR } from '../ir/model.ts';

/** TypeScript reserved words that cannot name a type or a value. */
const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private protected public static yield any boolean number string symbol type object never unknown undefined'.split(
    ' ',
  ),
);

/** Stage 5: names from the spec become identifiers and file names in generated code. Every name
 * must be a safe identifier, and no two may land in the same file, before anything is emitted:
 * a spec string never reaches generated code unchecked. */
export function planNames(ir: SpecIR, rootFile: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const files = new Map<string, string>();
  for (const model of ir.models) {
    const at = `/components/schemas/${model.name}`;
    if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(model.name) || RESERVED.has(model.name)) {
      problems.push(
        planProblem(
          rootFile,
          at,
          `schema name ${JSON.stringify(model.name)} cannot be a TypeScript identifier; use PascalCase letters and digits`,
        ),
      );
      continue;
    }
    const file = snakeCase(model.name);
    const clash = files.get(file);
    if (clash)
      problems.push(
        planProblem(
          rootFile,
          at,
          `schema ${model.name} and ${clash} would both be written to types/${file}.ts; rename one`,
        ),
      );
    files.set(file, model.name);
  }
  for (const op of ir.operations) {
    if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(op.operationId))
      problems.push(
        planProblem(
          rootFile,
          `/paths/${op.path}/${op.method}/operationId`,
          `operationId ${JSON.stringify(op.operationId)} cannot be a TypeScript identifier`,
        ),
      );
  }
  return problems;
}

function planProblem(file: string, pointer: string, message: string): Diagnostic {
  return { code: 'plan-names', severity: 'error', message, file, pointer };
}

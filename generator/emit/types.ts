import type { JSONSchema } from 'json-schema-to-typescript';
import type { GeneratedFile, ModelIR, SpecIR } from '../ir/model.ts';
import { compare, modelNames, type ModelName } from './types/naming.ts';
import { prepareModel, unionsByPointer, type Declaration, type PrepareContext } from './types/prepare-schema.ts';
import type { Memo } from '../cache/memo.ts';
import { openapiDtsInput } from './types/openapi-dts-key.ts';
import { emitContext, type EmitContext } from './index.ts';

/** json-schema-to-typescript settings: unformatted (the pipeline runs prettier), `unknown` for
 * open values, `| undefined` on index signatures, objects open unless a schema closes them,
 * plain `T[]` whatever minItems says (as openapi-typescript has it; validators check lengths). */
const COMPILE_OPTIONS = {
  bannerComment: '',
  format: false,
  additionalProperties: true,
  strictIndexSignatures: true,
  unknownAny: true,
  declareExternallyReferenced: true,
  unreachableDefinitions: false,
  ignoreMinAndMaxItems: true,
  enableConstEnums: false,
  inferStringEnumKeysFromValues: false,
} as const;

/**
 * The types emitter: `types/<snake_name>.ts` with one documented exported type per
 * components.schemas entry (plus the nested types it owns, named by the NamePlan),
 * `types/index.ts` re-exporting every model type, and `openapi.d.ts` (openapi-typescript) whose
 * `components['schemas']` are those same types. Same IR → byte-identical files.
 */
export async function emitTypes(ir: SpecIR, context?: Partial<EmitContext>): Promise<GeneratedFile[]> {
  const { memo, names: plan } = emitContext(ir, context);
  const models = [...ir.models].sort((a, b) => compare(a.name, b.name));
  const names = modelNames(models, plan);
  const ctx: PrepareContext = {
    document: ir.schemas,
    names,
    nested: plan.nested,
    unions: unionsByPointer(ir.discriminators),
  };
  const files: GeneratedFile[] = [];
  for (const model of models)
    files.push({
      path: `types/${(names.get(model.name) as ModelName).file}.ts`,
      contents: await modelFile(model, ctx, memo),
    });
  files.push({ path: 'types/index.ts', contents: indexFile(models, names) });
  files.push({ path: 'openapi.d.ts', contents: await openapiDts(ir, names, memo), printed: true });
  return files.sort((a, b) => compare(a.path, b.path));
}

/** openapi-typescript over the whole document is a pure function of the document (less what it
 * never prints, openapiDtsInput) and the model type names it points at: a run whose document is
 * unchanged for it (a mapping edited, a property's description, generated/ edited by hand) takes it
 * from the cache and never loads openapi-typescript, Redocly or TypeScript. */
function openapiDts(ir: SpecIR, names: Map<string, ModelName>, memo: Memo): Promise<string> {
  const idents = [...names].map(([name, n]) => [name, n.ident]);
  const input = openapiDtsInput(ir.document, new Set(names.keys()));
  return memo.async('openapi-dts', [JSON.stringify(input), JSON.stringify(idents)], async () => {
    const { emitOpenapiDts } = await import('./types/openapi-dts.ts');
    return emitOpenapiDts(ir, names);
  });
}

async function modelFile(model: ModelIR, ctx: PrepareContext, memo: Memo): Promise<string> {
  const { declarations, imports } = prepareModel(model, ctx);
  const importLines = [...imports]
    .sort(([a], [b]) => compare(a, b))
    .map(([file, names]) => `import type { ${[...names].sort(compare).join(', ')} } from './${file}.js';\n`)
    .join('');
  const bodies: string[] = [];
  // json2ts is most of this emitter's time and a pure function of the prepared schema (its $refs
  // already replaced by type names): an edit re-compiles only the declarations it changes.
  for (const declaration of declarations)
    bodies.push(
      await memo.async('json2ts', [declaration.name, JSON.stringify(declaration.schema)], () =>
        compileOne(declaration, model.name),
      ),
    );
  return `${importLines}${importLines ? '\n' : ''}${bodies.join('\n')}`;
}

/** One declaration through json2ts, checked to declare exactly the name it was given. */
async function compileOne({ name, schema }: Declaration, model: string): Promise<string> {
  // Loaded only when a declaration is not in the cache.
  const { compile } = await import('json-schema-to-typescript');
  const code = await compile(schema as JSONSchema, name, COMPILE_OPTIONS);
  const declared = [
    ...code.matchAll(/^export (?:declare )?(?:const )?(?:interface|type|enum) ([A-Za-z_$][\w$]*)/gm),
  ].map((m) => m[1]);
  if (declared.length !== 1 || declared[0] !== name) {
    throw new Error(
      `types: ${model}: expected json-schema-to-typescript to declare only ${name}, got ${declared.join(', ') || 'nothing'}`,
    );
  }
  return code.endsWith('\n') ? code : `${code}\n`;
}

function indexFile(models: ModelIR[], names: Map<string, ModelName>): string {
  const lines = models
    .map((m) => names.get(m.name) as ModelName)
    .sort((a, b) => compare(a.ident, b.ident))
    .map((n) => `export type { ${n.ident} } from './${n.file}.js';\n`);
  return `${lines.join('')}`;
}

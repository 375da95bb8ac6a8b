import { astToString, createRef, transformSchema, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import type { SpecIR } from '../../ir/model.ts';
import { isObject } from '../../source/schema-walk.ts';
import type { ModelName } from './naming.ts';
import { openapiTsContext } from './openapi-ts-context.ts';

/**
 * openapi.d.ts: `paths`, `operations` and `components` from openapi-typescript, with one source
 * of model types. The `transform` hook answers every components.schemas entry with
 * `Models.<TypeName>`, the type in types/ (`import type * as Models from './types/index.js'`),
 * so `components['schemas']['InvoicePayment']` IS `InvoicePayment`, and every `$ref` in paths
 * (list items, `<Title>Create` bodies, `#/components/schemas/X/properties/y`) resolves through it.
 */
export async function emitOpenapiDts(ir: SpecIR, names: Map<string, ModelName>): Promise<string> {
  const byPath = new Map([...names].map(([name, n]) => [createRef(['components', 'schemas', name]), n.ident]));
  const replaced = new Set<string>();
  const document = structuredClone(ir.document) as unknown as OpenAPI3;
  const nodes = transformSchema(
    document,
    openapiTsContext(document, (_schema, options) => {
      const ident = options.path === undefined ? undefined : byPath.get(options.path);
      if (ident === undefined) return undefined;
      replaced.add(ident);
      return ts.factory.createTypeReferenceNode(
        ts.factory.createQualifiedName(ts.factory.createIdentifier('Models'), ident),
      );
    }),
  );
  const missing = [...byPath.values()].filter((ident) => !replaced.has(ident));
  if (missing.length)
    throw new Error(`openapi.d.ts: no components.schemas entry became a model type for ${missing.join(', ')}`);
  const components = isObject(ir.document.components) ? ir.document.components : {};
  const imports =
    isObject(components.schemas) && Object.keys(components.schemas).length
      ? "import type * as Models from './types/index.js';\n\n"
      : '';
  return `${imports}${twoSpaceIndent(astToString(nodes))}`;
}

/** TypeScript's printer indents by four spaces and has no option for it; the rest of generated/ is
 * indented by two. This file is not run through prettier (see formatFiles), so its indentation is
 * halved here: every line's leading spaces, which the printer only ever emits in fours. */
function twoSpaceIndent(code: string): string {
  return code.replace(/^((?: {4})+)/gm, (indent) => ' '.repeat(indent.length / 2));
}

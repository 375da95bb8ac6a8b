import type { GeneratedFile, SpecIR } from '../ir/model.ts';

/** generated/openapi.json: the bundled, fully local spec for other tools (Redoc, Prism,
 * Schemathesis). Keys are already in canonical order, so the text is stable. */
export function emitOpenapiJson(ir: SpecIR): GeneratedFile[] {
  return [{ path: 'openapi.json', contents: `${JSON.stringify(ir.document, null, 2)}\n` }];
}

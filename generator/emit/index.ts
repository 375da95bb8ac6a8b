import type { GeneratedFile, SpecIR } from '../ir/model.ts';
import type { Memo } from '../cache/memo.ts';
import { emitOpenapiJson } from './openapi-json.ts';
import { emitGeneratedProject } from './generated-project.ts';
import { emitServer } from './server.ts';
import { emitTypes } from './types.ts';
import { emitValidators } from './validators.ts';
import { emitClient } from './client.ts';
import { emitConnectors } from './connectors.ts';

/** What an emitter may use besides the IR: a memo for its slow pure steps (see memoIn). */
export interface EmitContext {
  memo: Memo;
}

export type Emitter = (ir: SpecIR, context: EmitContext) => GeneratedFile[] | Promise<GeneratedFile[]>;

/** Every emitter, each owning its own files under generated/. */
export const EMITTERS: readonly Emitter[] = [
  emitOpenapiJson,
  emitGeneratedProject,
  emitTypes,
  emitValidators,
  emitClient,
  emitServer,
  emitConnectors,
];

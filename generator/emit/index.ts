import type { GeneratedFile, SpecIR } from '../ir/model.ts';
import { NO_MEMO, type Memo } from '../cache/memo.ts';
import type { NamePlan } from '../plan/name-plan.ts';
import { planNames } from '../plan/plan-names.ts';
import { EMITTER_NAMES, type EmitterName } from '../config.ts';
import { emitOpenapiJson } from './openapi-json.ts';
import { emitGeneratedProject } from './generated-project.ts';
import { emitServer } from './server.ts';
import { emitTypes } from './types.ts';
import { emitValidators } from './validators.ts';
import { emitClient } from './client.ts';
import { emitConnectors } from './connectors.ts';

/** What an emitter may use besides the IR: a memo for its slow pure steps (see memoIn), and the
 * NamePlan, where it looks up every identifier and file name it writes. */
export interface EmitContext {
  memo: Memo;
  names: NamePlan;
}

/** The context outside `generate` (tests): no memo, the plan of the IR as it is now (planned anew
 * each call, so an IR a test edited between two emits is never named by a stale plan). */
export function emitContext(ir: SpecIR, context: Partial<EmitContext> = {}): EmitContext {
  return { memo: context.memo ?? NO_MEMO, names: context.names ?? planNames(ir).plan };
}

export type Emitter = (ir: SpecIR, context: EmitContext) => GeneratedFile[] | Promise<GeneratedFile[]>;

/** Every emitter by the name the config's `emitters` selects it with, each owning its own files
 * under generated/; they run in EMITTER_NAMES order. */
export const EMITTERS: Readonly<Record<EmitterName, Emitter>> = {
  'openapi-json': emitOpenapiJson,
  project: emitGeneratedProject,
  types: emitTypes,
  validators: emitValidators,
  client: emitClient,
  server: emitServer,
  connectors: emitConnectors,
};

/** The selected emitters (loadConfig has checked the names), in EMITTER_NAMES order. */
export function selectedEmitters(names: readonly EmitterName[]): Emitter[] {
  return EMITTER_NAMES.filter((name) => names.includes(name)).map((name) => EMITTERS[name]);
}

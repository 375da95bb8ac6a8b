import { afterAll, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { emitValidators } from '../../generator/emit/validators.ts';
import type { GeneratedFile, SpecIR } from '../../generator/ir/model.ts';
import { frontStages } from '../../generator/pipeline/front.ts';
import type { ValidationIssue, Validator } from '../../generator/validation/errors.ts';
import { PROJECT_DIR } from '../helpers/spec.ts';

/** The 3.1 single-file spec, without lint: ledgerspec's layout rules are beside the point. */
export function thirdPartyIR(): SpecIR {
  const config = { specDir: join(PROJECT_DIR, 'test/fixtures/third-party'), rootFile: 'openapi-3.1.yaml' };
  return frontStages.ir(frontStages.examples(frontStages.normalize(frontStages.bundle(frontStages.load(config)))));
}

export type Result = { ok: true; value: unknown } | { ok: false; issues: ValidationIssue[] };

/** What generated/validators/index.ts exports, seen untyped: isX, assertX, validateX per model. */
export type GeneratedValidators = Record<string, (value: unknown) => unknown> & {
  ValidationError: new (...args: never[]) => Error;
};

export interface EmittedValidators {
  dir: string;
  files: GeneratedFile[];
  index: () => Promise<GeneratedValidators>;
  standalone: () => Promise<Record<string, Validator>>;
  cleanup: () => void;
}

/** Emits the validators into a temporary folder beside a types stub (every model `unknown`; the
 * types emitter owns the real ones) and a link to the project's node_modules, so the generated
 * files import ajv's runtime as a user's project would. */
export function emitToTemp(ir: SpecIR, extra: GeneratedFile[] = []): EmittedValidators {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerspec-validators-'));
  const files = emitValidators(ir);
  const stub: GeneratedFile = {
    path: 'types/index.ts',
    contents: ir.models.map((m) => `export type ${m.name} = unknown;\n`).join(''),
  };
  const withTypes = extra.some((f) => f.path === 'types/index.ts') ? extra : [stub, ...extra];
  for (const file of [...files, ...withTypes]) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.contents);
  }
  symlinkSync(join(PROJECT_DIR, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return {
    dir,
    files,
    index: () => import(join(dir, 'validators/index.ts')) as Promise<GeneratedValidators>,
    standalone: () => import(join(dir, 'validators/standalone.js')) as Promise<Record<string, Validator>>,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Emits the validators of `ir` once for the calling test file, imports them before its tests
 * and removes them after; the returned getter gives the loaded module. */
export function useGeneratedValidators(ir: SpecIR): () => GeneratedValidators {
  let emitted: EmittedValidators | undefined;
  let loaded: GeneratedValidators | undefined;
  beforeAll(async () => {
    emitted = emitToTemp(ir);
    loaded = await emitted.index();
  }, 30_000);
  afterAll(() => emitted?.cleanup());
  return () => {
    if (!loaded) throw new Error('the generated validators are not loaded yet');
    return loaded;
  };
}

import { planNames } from '../../generator/plan/plan-names.ts';
import { describe, expect, it } from 'vitest';
import { EMITTERS } from '../../generator/emit/index.ts';
import { NO_MEMO } from '../../generator/cache/memo.ts';
import { emitDocsSite } from '../../generator/emit/docs/site.ts';
import { projectIR } from '../helpers/spec.ts';
import { deepFreeze } from '../helpers/deep-freeze.ts';

// Emitters read one shared IR in turn; one that changed it would change what the next one sees.
describe('every emitter (and the docs site) over a frozen IR', () => {
  it('emits its files without writing to the IR', async () => {
    const ir = deepFreeze(await projectIR());
    expect(Object.isFrozen(ir.models[0]?.schema)).toBe(true);
    for (const [name, emit] of Object.entries(EMITTERS)) {
      const files = await emit(ir, { memo: NO_MEMO, names: planNames(ir).plan });
      expect(files.length, name).toBeGreaterThan(0);
    }
    expect(emitDocsSite(ir).length).toBeGreaterThan(0);
  }, 240_000);

  it('a write to the frozen IR throws (the guard is real)', async () => {
    const ir = deepFreeze(await projectIR());
    expect(() => {
      (ir.operations as unknown[]).push({});
    }).toThrow(TypeError);
  });
});

import { describe, expect, it } from 'vitest';
import { emitClient } from '../../generator/emit/client.ts';
import { emitServer } from '../../generator/emit/server.ts';
import { memoizedRender } from '../../generator/emit/render-memo.ts';
import { renderTemplate } from '../../generator/shared/render.ts';
import { countingMemo } from '../helpers/counting-memo.ts';
import { projectIR } from '../helpers/spec.ts';

describe('memoizedRender', () => {
  it('renders what renderTemplate renders, and renders a view only once', () => {
    const { memo, computed } = countingMemo();
    const render = memoizedRender(memo);
    const view = { names: ['a', 'b'] };
    const first = render('server/validators.d.ts.hbs', view);
    expect(first).toBe(renderTemplate('server/validators.d.ts.hbs', view));
    expect(render('server/validators.d.ts.hbs', { names: ['a', 'b'] })).toBe(first);
    expect(computed('templates')).toBe(1);
    expect(render('server/validators.d.ts.hbs', { names: ['a', 'c'] })).not.toBe(first);
    expect(computed('templates')).toBe(2);
  });

  it('refuses a view JSON cannot key (two such views could share a key and not a render)', () => {
    const render = memoizedRender(countingMemo().memo);
    expect(() => render('server/validators.d.ts.hbs', { names: new Map([['a', 1]]) })).toThrow(/JSON cannot key/);
    expect(() => render('server/validators.d.ts.hbs', { names: [Number.NaN] })).toThrow(/JSON cannot key/);
  });

  it('gives the client and server emitters the same files from the memo as without it, rendering nothing again', async () => {
    const ir = await projectIR();
    const { memo, computed } = countingMemo();
    const plain = [...emitClient(ir), ...emitServer(ir)];
    const first = [...emitClient(ir, { memo }), ...emitServer(ir, { memo })];
    const rendered = computed('templates');
    const again = [...emitClient(ir, { memo }), ...emitServer(ir, { memo })];
    expect(first).toEqual(plain);
    expect(again).toEqual(plain);
    expect(rendered).toBeGreaterThan(20);
    expect(computed('templates')).toBe(rendered);
  });
});

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mergeConnectorMappings } from '../../generator/connectors/merge-stage.ts';
import type { SpecIR } from '../../generator/ir/model.ts';
import { PROJECT_DIR, projectIR } from '../helpers/spec.ts';
import { countingMemo } from '../helpers/counting-memo.ts';

// The mapping-merge memo keeps each file's verdict; its key leaves descriptions out, because they
// only word the todo(...) entries a merge adds (merge-stage.ts).

function withDescription(ir: SpecIR, entity: string, field: string, description: string): SpecIR {
  const copy = structuredClone(ir);
  const target = copy.entities.find((e) => e.name === entity)?.fields.find((f) => f.name === field);
  if (!target) throw new Error(`no field ${entity}.${field}`);
  target.description = description;
  return copy;
}

describe('the mapping merge memo', () => {
  const connectors = join(PROJECT_DIR, 'connectors');

  it('answers every file in step after a description edit, with the same verdicts', async () => {
    const ir = await projectIR();
    const { memo, computed } = countingMemo();
    const first = await mergeConnectorMappings(ir, connectors, memo);
    const files = computed('mapping-merge');
    expect(files).toBeGreaterThan(20);
    const edited = withDescription(ir, 'currencies', 'name', 'The currency, as its platform names it.');
    const second = await mergeConnectorMappings(edited, connectors, memo);
    expect(computed('mapping-merge')).toBe(files);
    expect(second).toEqual(first);
    expect(second).toEqual(await mergeConnectorMappings(edited, connectors));
  });

  it('merges again when a field is added, and words its entry with the description', async () => {
    const ir = structuredClone(await projectIR());
    const { memo, computed } = countingMemo();
    await mergeConnectorMappings(ir, connectors, memo);
    const before = computed('mapping-merge');
    const currencies = ir.entities.find((e) => e.name === 'currencies');
    const name = currencies?.fields.find((f) => f.name === 'name');
    if (!currencies || !name) throw new Error('no currencies.name');
    currencies.fields.push({ ...name, name: 'iso_symbol', description: 'The symbol, as ISO spells it.' });
    const { updates } = await mergeConnectorMappings(ir, connectors, memo);
    expect(computed('mapping-merge')).toBeGreaterThan(before);
    const added = updates.filter((u) => u.contents?.includes("iso_symbol: todo('The symbol, as ISO spells it.')"));
    expect(added.length).toBeGreaterThan(0);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMITTER_NAMES, loadConfig } from '../../generator/config.ts';
import { DiagnosticError } from '../../generator/diagnostics.ts';
import { EMITTERS, selectedEmitters } from '../../generator/emit/index.ts';
import { tempDirs } from '../helpers/temp.ts';

const tempDir = tempDirs('ledgerspec-emitters-');

function folderWithConfig(config: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'ledgerspec.config.ts'), `export default ${config};\n`);
  return dir;
}

describe('emitters in the config', () => {
  it('default to every named emitter', async () => {
    const config = await loadConfig(tempDir());
    expect(config.emitters).toEqual(Object.keys(EMITTERS));
    expect(selectedEmitters(config.emitters)).toEqual(Object.values(EMITTERS));
  });

  it('select the named ones, in the order they always run', async () => {
    const config = await loadConfig(folderWithConfig(`{ emitters: ['client', 'types'] }`));
    expect(selectedEmitters(config.emitters)).toEqual([EMITTERS.types, EMITTERS.client]);
  });

  it('refuse an unknown name, listing the known ones', async () => {
    const dir = folderWithConfig(`{ emitters: ['types', 'python'] }`);
    const error = await loadConfig(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiagnosticError);
    const [problem] = (error as DiagnosticError).diagnostics;
    expect(problem?.pointer).toBe('/emitters/1');
    expect(problem?.file).toBe(join(dir, 'ledgerspec.config.ts'));
    expect(problem?.message).toContain('"python"');
    expect(problem?.message).toContain(EMITTER_NAMES.join(', '));
  });
});

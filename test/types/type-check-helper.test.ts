import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeCheckProject } from '../helpers/compile.ts';
import { tempDirs } from '../helpers/temp.ts';

// typeCheckProject leaves out lib.*.d.ts and other packages' declarations: what it still reports.
// (The projects load lib.es5.d.ts only: the DOM's declarations would be most of each program.)
const tempDir = tempDirs('ledgerspec-type-check-');

function project(files: Record<string, string>, options: Record<string, unknown> = {}): string {
  const dir = tempDir();
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: 'NodeNext', lib: ['es5'], types: [], ...options },
    }),
  );
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('typeCheckProject', () => {
  it("reports errors in the project's files, its own .d.ts included, and in its options", () => {
    expect(typeCheckProject(project({ 'a.ts': 'export const n: number = 1;\n' }))).toBe('');
    expect(typeCheckProject(project({ 'a.ts': "export const n: number = 'one';\n" }))).toMatch(
      /a\.ts\(1,14\): error TS2322: Type 'string' is not assignable to type 'number'/,
    );
    expect(typeCheckProject(project({ 'm.d.ts': 'export declare const x: Missing;\n' }))).toMatch(
      /m\.d\.ts\(1,25\): error TS2304: Cannot find name 'Missing'/,
    );
    expect(typeCheckProject(project({ 'a.ts': 'export {};\n' }, { target: 'ES3000' }))).toMatch(/error TS6046/);
  });

  it('reports errors in the declarations of a package under test, when asked', () => {
    const dir = project({ 'a.ts': "import { x } from 'broken';\nexport const y: string = x;\n" });
    mkdirSync(join(dir, 'node_modules/broken'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/broken/package.json'), '{ "name": "broken", "types": "index.d.ts" }');
    writeFileSync(join(dir, 'node_modules/broken/index.d.ts'), 'export declare const x: Missing;\n');
    expect(typeCheckProject(dir)).toBe('');
    expect(typeCheckProject(dir, {}, ['broken'])).toMatch(
      /index\.d\.ts\(1,25\): error TS2304: Cannot find name 'Missing'/,
    );
  });
});

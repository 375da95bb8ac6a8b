import type { GeneratedFile } from '../ir/model.ts';

/** generated/tsconfig.json: lets `tsc -p generated` check every generated file under strict,
 * on its own, as CI does. */
export function emitGeneratedProject(): GeneratedFile[] {
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      allowJs: false,
      types: [],
    },
    include: ['**/*.ts'],
  };
  return [{ path: 'tsconfig.json', contents: `${JSON.stringify(tsconfig, null, 2)}\n` }];
}

import type { GeneratedFile } from '../ir/model.ts';

/** generated/tsconfig.json: lets `tsc -p generated` check every generated file under strict,
 * on its own, as CI does. generated/package.json: the generated code is ES modules (`.js`
 * specifiers, `import.meta`) wherever the output folder lies, also in a project whose own
 * package.json does not say `"type": "module"`. */
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
  return [
    { path: 'package.json', contents: `${JSON.stringify({ type: 'module' }, null, 2)}\n` },
    { path: 'tsconfig.json', contents: `${JSON.stringify(tsconfig, null, 2)}\n` },
  ];
}

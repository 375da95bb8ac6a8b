import ts from 'typescript';

/** Compiles in-memory files (absolute paths, so their imports resolve from where they would
 * sit) and returns the diagnostics in those files, with their 0-based line and message. */
export function compileVirtual(
  files: Map<string, string>,
  overrides: ts.CompilerOptions = {},
): { file: string; line: number; message: string }[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    ...overrides,
  };
  const host = ts.createCompilerHost(options);
  const { readFile, getSourceFile, fileExists } = host;
  host.fileExists = (f) => files.has(f) || fileExists.call(host, f);
  host.readFile = (f) => files.get(f) ?? readFile.call(host, f);
  host.getSourceFile = (f, lang) =>
    files.has(f) ? ts.createSourceFile(f, files.get(f)!, lang) : getSourceFile.call(host, f, lang);
  const program = ts.createProgram([...files.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.has(d.file.fileName))
    .map((d) => ({
      file: d.file!.fileName,
      line: d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    }));
}

/** `tsc -p <dir>` without a process: one program over the project's tsconfig.json (plus
 * `overrides`, as tsc's flags would), checked by the TypeScript the test runner has loaded
 * already. Returns the diagnostics as tsc prints them; empty when the project type-checks. */
export function typeCheckProject(dir: string, overrides: ts.CompilerOptions = {}): string {
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(`${dir}/tsconfig.json`, overrides, host)!;
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const diagnostics = [...parsed.errors, ...ts.getPreEmitDiagnostics(program)];
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => dir,
    getNewLine: () => '\n',
  });
}

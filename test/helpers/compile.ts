import { realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ts from 'typescript';

// Test files share a module registry per worker (vitest.config.ts: isolate false), so this cache
// lives as long as the worker: every program the tests build (README examples, the client's type
// errors, generated trees…) parses lib.*.d.ts, @types/node and the unchanged files of generated/
// once, not once per program, as TypeScript's own language service shares them between projects
// (its document registry, whose key for the options that change parsing and binding is used here).
// A file rewritten in place (another mtime or size) is parsed again. Files under the temporary
// folder (trees a test generates, each used by one test) are not kept: the worker's memory stays flat.
const registry = ts.createDocumentRegistry();
const sourceFiles = new Map<string, ts.SourceFile>();
const TEMP = [tmpdir(), realpathSync(tmpdir())];

/** `host` with its getSourceFile answered from the shared cache for files on disk. */
function sharingSourceFiles(host: ts.CompilerHost, options: ts.CompilerOptions): ts.CompilerHost {
  const read = host.getSourceFile.bind(host);
  const settings = registry.getKeyForCompilationSettings(options);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const stat = statSync(fileName, { throwIfNoEntry: false });
    if (!stat?.isFile() || TEMP.some((dir) => fileName.startsWith(dir)))
      return read(fileName, languageVersion, onError, shouldCreate);
    const format = typeof languageVersion === 'object' ? languageVersion.impliedNodeFormat : undefined;
    const key = [fileName, settings, JSON.stringify(languageVersion), format, stat.mtimeMs, stat.size].join('\0');
    let file = sourceFiles.get(key);
    if (!file) {
      file = read(fileName, languageVersion, onError, shouldCreate);
      if (file) sourceFiles.set(key, file);
    }
    return file;
  };
  return host;
}

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
  const host = sharingSourceFiles(ts.createCompilerHost(options), options);
  const { readFile, getSourceFile, fileExists } = host;
  host.fileExists = (f) => files.has(f) || fileExists.call(host, f);
  host.readFile = (f) => files.get(f) ?? readFile.call(host, f);
  host.getSourceFile = (f, lang) =>
    files.has(f) ? ts.createSourceFile(f, files.get(f)!, lang) : getSourceFile.call(host, f, lang);
  const program = ts.createProgram([...files.keys()], options, host);
  // Only the given files are checked: the checker resolves what they use from the rest on demand,
  // and the other files' own diagnostics were thrown away anyway (a README example over the
  // generated client: 5.8 s when the whole program was checked).
  return [...files.keys()]
    .flatMap((file) => ts.getPreEmitDiagnostics(program, program.getSourceFile(file)))
    .filter((d) => d.file && files.has(d.file.fileName))
    .map((d) => ({
      file: d.file!.fileName,
      line: d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    }));
}

/** `tsc -p <dir>` without a process: one program over the project's tsconfig.json (plus
 * `overrides`, as tsc's flags would), checked by the TypeScript the test runner has loaded
 * already. Returns the diagnostics as tsc prints them; empty when the project type-checks.
 *
 * Only the project's own files are checked (with tsc's option, config and global diagnostics),
 * and the declarations of `packages` under test (an installed package's): not TypeScript's
 * lib.*.d.ts nor other packages' declarations under node_modules, which are the same in every
 * program the tests build and are checked once, by CI's `npm run typecheck` (`tsc -p generated`,
 * skipLibCheck off). Checking them again took 2.2 of the 5 CPU-s of each program over generated/. */
export function typeCheckProject(dir: string, overrides: ts.CompilerOptions = {}, packages: string[] = []): string {
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(`${dir}/tsconfig.json`, overrides, host)!;
  const compilerHost = sharingSourceFiles(ts.createCompilerHost(parsed.options), parsed.options);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host: compilerHost });
  const diagnostics = [...parsed.errors, ...projectDiagnostics(program, packages)];
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => dir,
    getNewLine: () => '\n',
  });
}

/** getPreEmitDiagnostics for the program's own files and `packages`' declarations (each call
 * also gives the program-wide ones, config, options and global: deduplicated). */
function projectDiagnostics(program: ts.Program, packages: string[]): readonly ts.Diagnostic[] {
  const underTest = packages.map((name) => `/node_modules/${name}/`);
  const own = program
    .getSourceFiles()
    .filter(
      (file) =>
        underTest.some((folder) => file.fileName.includes(folder)) ||
        (!program.isSourceFileDefaultLibrary(file) && !program.isSourceFileFromExternalLibrary(file)),
    );
  return ts.sortAndDeduplicateDiagnostics(own.flatMap((file) => ts.getPreEmitDiagnostics(program, file)));
}

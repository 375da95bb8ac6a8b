import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
// Static, not loaded on demand like the commands: the crash path must not depend on a later import.
import { reportInternalError } from './commands/internal-error.ts';
import { CONFIG_FILE, loadConfig, type LedgerspecConfig, type UserConfig } from './config.ts';
import { findProjectRoot } from './project-root.ts';
import type { Output } from './commands/output.ts';
import { CRUD_KINDS, type CrudKind } from './scaffold/crud-kinds.ts';
import { packageVersion } from './version.ts';

// Each command imports its implementation when it runs: generate pulls in the emitters,
// prettier and openapi-typescript (seconds of start-up) that lint, validate and diff never use.
// Static imports here stay light (commander, node:*, the config loader): `--help` and `--version`
// load nothing else. test/cli/startup.test.ts checks that no heavy package is loaded for them.

const program = new Command()
  .name('ledgerspec')
  .description('Schema-first code generation for the ledgerspec unified accounting API.')
  .version(packageVersion(), '-V, --version', 'print the version of ledgerspec and exit')
  .option('--spec <dir>', 'spec folder (default from ledgerspec.config.ts, else ./spec)')
  .option('-q, --quiet', 'print problems only: no progress, no list of files, no success summary')
  .option('--verbose', 'also print detail on stderr (project root, config file, folders used)')
  .configureHelp({ showGlobalOptions: true })
  // Usage errors throw instead of exiting 1, so the catch below gives them exit code 2 in every
  // command (1 means the input has problems; CI must tell the two apart).
  .exitOverride()
  .showHelpAfterError();

interface GlobalOptions {
  spec?: string;
  quiet?: boolean;
  verbose?: boolean;
}

/** The configuration of the project the CLI runs in: found from the working folder up (see
 * findProjectRoot), with paths given on the command line taken relative to the working folder. */
async function config(overrides: UserConfig = {}): Promise<LedgerspecConfig> {
  const { spec } = program.opts<GlobalOptions>();
  const root = findProjectRoot(process.cwd());
  const fromCwd = (path: string | undefined) => (path === undefined ? undefined : resolve(path));
  let resolved: LedgerspecConfig;
  try {
    resolved = await loadConfig(root, {
      ...overrides,
      specDir: fromCwd(spec),
      ...(overrides.outDir ? { outDir: fromCwd(overrides.outDir) } : {}),
    });
  } catch (error) {
    // A config file that does not load is the user's to fix, like a wrong option: exit 2, no trace.
    const message = `ledgerspec: cannot load ${resolve(root, CONFIG_FILE)}: ${String((error as Error)?.message ?? error).split('\n')[0]}`;
    process.stderr.write(`${message}\n`);
    throw new CommanderError(2, 'ledgerspec.config', message);
  }
  if (program.opts<GlobalOptions>().verbose) process.stderr.write(describeConfig(root, resolved));
  return resolved;
}

/** --verbose: which project, config file and folders a run uses. */
function describeConfig(root: string, resolved: LedgerspecConfig): string {
  const configFile = existsSync(resolve(root, CONFIG_FILE)) ? CONFIG_FILE : `no ${CONFIG_FILE}`;
  const found = root === process.cwd() ? '' : ' (found above the working folder)';
  return `project root: ${root}${found}, ${configFile}\nspec: ${resolved.specDir}; output: ${resolved.outDir}; connectors: ${resolved.connectorsDir}\n`;
}

/** Where the command's lines go (stdout, stderr, --quiet, --verbose, colour, progress): loaded
 * when a command runs, so --help and --version stay light. */
async function output(format = 'text'): Promise<Output> {
  const { cliOutput } = await import('./commands/output.ts');
  const { quiet, verbose } = program.opts<GlobalOptions>();
  return cliOutput({ format, quiet: Boolean(quiet), verbose: Boolean(verbose) });
}

/** --format: `text` by default; json on every command; github and sarif where there are findings. */
const FINDING_FORMATS = ['text', 'json', 'github', 'sarif'];
const formatOption = (choices: string[] = ['text', 'json'], description = 'output format') =>
  new Option(
    '--format <format>',
    choices.includes('sarif')
      ? `${description} (github: workflow annotations; sarif: SARIF 2.1.0 for code scanning)`
      : description,
  )
    .choices(choices)
    .default('text');

// `ledgerspec … | head` closes the pipe early; that is the reader's choice, not an error to report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

program
  .command('lint')
  .description("Check the spec against ledgerspec's own rules (run Redocly's with `npm run lint:spec`).")
  .addOption(formatOption(FINDING_FORMATS))
  .addHelpText(
    'after',
    '\nPrints file:line:column, rule, JSON pointer and message per problem, with a short code frame for the first few,\non stderr; exits 1 on any error, 2 when a spec file cannot be read.',
  )
  .action(async (opts: { format: 'text' | 'json' | 'github' | 'sarif' }) => {
    const { runLint } = await import('./commands/lint.ts');
    process.exitCode = runLint(await config(), opts, await output(opts.format));
  });

program
  .command('generate')
  .description(
    'Regenerate generated/ from the spec (load, bundle, lint, normalize, examples, IR, plan, emit, format, write) and merge new and removed fields into connectors/*/mappings.',
  )
  .option('--check', 'write nothing; exit 1 and name each stale file when generated/ is out of date')
  .option('--out <dir>', 'output folder (default from ledgerspec.config.ts, else ./generated)')
  .option('--no-house-rules', "skip ledgerspec's own lint rules (to generate from a third-party spec)")
  .option('--watch', 'keep running: regenerate whenever the spec or templates/ change (debounced)')
  .option('--no-cache', 'ignore and do not write the cache (also LEDGERSPEC_CACHE=off)')
  .option('--cache-dir <dir>', 'cache folder (default from ledgerspec.config.ts, else node_modules/.cache/ledgerspec)')
  .addOption(formatOption())
  .addHelpText(
    'after',
    '\nPrints each file written and the time each stage took. Writes only changed files, all or none;\na broken spec prints file:line, pointer and message on stderr, exits 1 and leaves the output untouched.\nMerged mappings and generated/ are switched in together through a journal: killed at any moment,\nthe next generate finishes or undoes what was left ("recovered: …"), never leaving a half-written file.\nWith --watch, a broken spec is reported and watching goes on. --format json prints one document:\nchanges, merged mappings, warnings and stage timings (with --check: exit 1 when anything is stale).\nA run whose inputs (spec files, mappings, options, ledgerspec version and templates) and output files are\nunchanged since a recorded run is answered from the cache in well under a second; formatting is cached\nper file. The cache only ever holds entries named by the hash of all that determines them.',
  )
  .action(
    async (opts: {
      check?: boolean;
      out?: string;
      houseRules: boolean;
      watch?: boolean;
      cache: boolean;
      cacheDir?: string;
      format: 'text' | 'json';
    }) => {
      if (opts.watch && opts.check) program.error('--watch and --check do not go together');
      if (opts.watch && opts.format !== 'text') program.error('--watch prints text only');
      const cache = opts.cache
        ? opts.cacheDir
          ? { cacheDir: resolve(opts.cacheDir) }
          : {}
        : { cacheDir: false as const };
      const resolved = await config({
        ...(opts.out ? { outDir: opts.out } : {}),
        ...(opts.houseRules ? {} : { houseRules: false }),
        ...cache,
      });
      if (opts.watch) return void (await import('./commands/watch.ts')).runWatch(resolved, {}, await output());
      const { runGenerate } = await import('./commands/generate.ts');
      process.exitCode = await runGenerate(resolved, { check: Boolean(opts.check) }, await output(opts.format));
    },
  );

program
  .command('docs')
  .description(
    'Build the documentation site: API reference (Core / Accounting, a page per operation), a data-model page per entity, search. Static, self-contained, works from file:// and offline.',
  )
  .option('--out <dir>', 'site folder (default: <output folder>/docs, i.e. generated/docs)')
  .option('--no-coverage', 'leave out which connectors map each field (skips loading connectors/*/mappings)')
  .option('--no-house-rules', "skip ledgerspec's own lint rules (to document a third-party spec)")
  .addOption(formatOption())
  .addHelpText(
    'after',
    "\nWrites only changed files, all or none; open <dir>/index.html in a browser. The site is a build artefact\n(git-ignored, like dist/): it also reads the connectors' mapping rules, which change without the spec\nchanging, so `generate` neither writes nor checks it (and leaves generated/docs/ alone). Rebuild after generate.",
  )
  .action(async (opts: { out?: string; coverage: boolean; houseRules: boolean; format: 'text' | 'json' }) => {
    const [resolved, out] = await Promise.all([
      config(opts.houseRules ? {} : { houseRules: false }),
      output(opts.format),
    ]);
    const ir = await compileOrReport(resolved, out);
    if (!ir) return;
    const { runDocs } = await import('./commands/docs.ts');
    process.exitCode = await runDocs(
      resolved,
      ir,
      { coverage: opts.coverage, ...(opts.out ? { out: resolve(opts.out) } : {}) },
      out,
    );
  });

program
  .command('validate')
  .description('Validate JSON records (one record, an array, or a { data } envelope) against an entity schema.')
  .argument(
    '<files...>',
    'JSON files or globs, e.g. payloads/invoice_payments/*.json (the entity is inferred from the path)',
  )
  .option(
    '--entity <name>',
    "x-entity (invoice_payments) or model name (InvoicePayment, InvoicePaymentCreate); default: inferred from each file's path",
  )
  .addOption(formatOption(FINDING_FORMATS))
  .addHelpText(
    'after',
    [
      '',
      'Prints file:line, JSON pointer, what was expected and what was found for each problem (at most 100 per',
      'file, then "and N more") on stderr. File names with control characters are printed JSON-quoted.',
      'Reads only regular files of at most 8 MiB (a FIFO, a device or a symbolic link loop is refused; folders',
      'are searched without following symbolic links). Refused with their line: invalid UTF-8, a key twice in',
      'one object, a number beyond a 64-bit float (1e400), nesting deeper than 64 levels of arrays and objects.',
      "Uses the generated validators (generated/validators/standalone.js) when they were compiled from the spec's",
      'schemas, else compiles Ajv now and says why on stderr.',
      'Exit codes: 0 every record valid; 1 any problem in a file; 2 a file could not be read at all, no file',
      'matches, --entity names nothing, or wrong arguments.',
    ].join('\n'),
  )
  .action(async (files: string[], opts: { entity?: string; format: 'text' | 'json' | 'github' | 'sarif' }) => {
    const [resolved, out] = await Promise.all([config(), output(opts.format)]);
    const ir = await compileOrReport(resolved, out);
    if (!ir) return;
    const { runValidate } = await import('./commands/validate.ts');
    process.exitCode = await runValidate(
      ir,
      files,
      { format: opts.format, ...(opts.entity ? { entity: opts.entity } : {}) },
      out,
      { outDir: resolved.outDir },
    );
  });

program
  .command('diff')
  .description(
    'Compare two versions of the spec and classify each change as breaking, potentially breaking or non-breaking for users of the generated SDK.',
  )
  .argument('[base]', 'spec folder or git ref (commit, branch, tag) of the old spec', 'HEAD')
  .argument('[head]', "spec folder or git ref of the new spec (default: the working tree's spec folder)")
  .addOption(
    formatOption(
      [...FINDING_FORMATS, 'markdown'],
      'output format: text report, JSON, a markdown changelog entry, or per change',
    ),
  )
  .option(
    '--allow-breaking',
    'exit 0 even with breaking changes (they are still reported, and still need a major version)',
  )
  .option(
    '--changelog <file>',
    'prepend the markdown changelog entry to <file> (before its first "## " entry), written atomically',
  )
  .option(
    '--release <version>',
    "version in the changelog heading (default: the head's info.version when it changed, else Unreleased)",
  )
  .option('--date <date>', 'date in the changelog heading, as given (nothing is dated otherwise)')
  .addHelpText(
    'after',
    `
A folder argument is read as a spec folder; anything else as a git ref, whose spec folder is
the one at the configured spec path (git archive into a temporary folder). Both sides go
through load, bundle and normalize, so moved $refs, reordered keys, enum values or required
lists, and other spellings of nullable are no change.

Prints each change with its rule id, operation(s), JSON pointer into the bundled document and
source file:line, and suggests the semver bump (and next version from info.version). The report
is on stdout; the verdict line goes to stderr when breaking changes are not accepted. With
--format github or sarif, unaccepted breaking changes are errors, potentially breaking ones
warnings, the rest notes, located at the head side's file and line.
Exit codes: 1 when a breaking change is not accepted, 2 when a side cannot be read or the
arguments are wrong, else 0. Accept a breaking change with --allow-breaking, or by listing
{ id, pointer, reason } under info.x-ledgerspec-accepted-breaking-changes in the head spec.

Examples:
  ledgerspec diff                          HEAD against the working tree
  ledgerspec diff v1.2.0 --format markdown --changelog CHANGELOG.md
  ledgerspec diff old-spec/ spec/ --format json
  ledgerspec diff origin/main --format sarif > diff.sarif`,
  )
  .action(
    async (
      base: string,
      head: string | undefined,
      opts: {
        format: 'text' | 'json' | 'markdown' | 'github' | 'sarif';
        allowBreaking?: boolean;
        changelog?: string;
        release?: string;
        date?: string;
      },
    ) => {
      const { runDiff } = await import('./commands/diff.ts');
      process.exitCode = runDiff(await config(), { base, ...(head ? { head } : {}) }, opts, await output(opts.format));
    },
  );

const scaffold = program
  .command('scaffold')
  .description(
    "Start something new in the project's own style: a resource in the spec, or a connector with mapping skeletons.",
  );

scaffold
  .command('resource')
  .description(
    'Add a resource: its entity schema (common fields and an example), path items and openapi.yaml entries; then lint and generate.',
  )
  .argument('<name>', 'x-entity: plural snake_case, e.g. fixed_assets')
  .addOption(
    new Option('--area <area>', 'which part of the API it belongs to')
      .choices(['core', 'accounting'])
      .makeOptionMandatory(),
  )
  .option('--ops <ops>', `operations, comma-separated, from ${CRUD_KINDS.join(',')}`, 'list,get')
  .option('--title <Title>', 'PascalCase singular type name (default: the singular of <name>)')
  .addOption(formatOption())
  .addHelpText(
    'after',
    '\nExample: ledgerspec scaffold resource fixed_assets --area accounting --ops list,get,create\nNothing is written when the result would not pass lint (exit 1); a malformed name or option exits 2.',
  )
  .action(
    async (
      name: string,
      opts: { area: 'core' | 'accounting'; ops: string; title?: string; format: 'text' | 'json' },
    ) => {
      const ops = opts.ops
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
      const unknown = ops.filter((o) => !(CRUD_KINDS as readonly string[]).includes(o));
      if (unknown.length)
        program.error(`--ops: unknown operation(s) ${unknown.join(', ')}; choose from ${CRUD_KINDS.join(',')}`);
      const { runScaffoldResource } = await import('./commands/scaffold-resource.ts');
      process.exitCode = await runScaffoldResource(
        await config(),
        name,
        { area: opts.area, ops: ops as CrudKind[], ...(opts.title ? { title: opts.title } : {}) },
        await output(opts.format),
      );
    },
  );

scaffold
  .command('connector')
  .description(
    'Add a connector: connector.ts, a README and a mapping skeleton per entity (existing mappings are merged, never overwritten).',
  )
  .argument('<platform>', 'folder name under connectors/, kebab-case, e.g. freshbooks')
  .option('--entities <list>', 'x-entities to map, comma-separated (default: every accounting entity)')
  .option('--name <name>', "the platform's name as people write it (default: from <platform>)")
  .addOption(formatOption())
  .addHelpText(
    'after',
    '\nExample: ledgerspec scaffold connector freshbooks --entities invoices,contacts --name FreshBooks\nEach mapping lists every unified field as todo(<its description>); `generate` keeps it in step with the spec.\nA malformed <platform> or an unknown entity exits 2; a mapping that does not parse exits 1 (nothing written).',
  )
  .action(async (platform: string, opts: { entities?: string; name?: string; format: 'text' | 'json' }) => {
    const [resolved, out] = await Promise.all([config(), output(opts.format)]);
    const ir = await compileOrReport(resolved, out);
    if (!ir) return;
    const { runScaffoldConnector } = await import('./commands/scaffold-connector.ts');
    const entities = opts.entities
      ?.split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    process.exitCode = await runScaffoldConnector(
      resolved,
      ir,
      platform,
      { ...(entities ? { entities } : {}), ...(opts.name ? { name: opts.name } : {}) },
      out,
    );
  });

program
  .command('conformance')
  .description(
    "Run every connector's mappings over its fixtures (meta, schema, read, write, the round trip through the connector's simulated platform, and the spec's invariants) and write the field-coverage report.",
  )
  .option('--connector <platform>', 'only this connector (folder name under connectors/)')
  .option('--entity <x-entity>', 'only this entity')
  .addOption(formatOption(FINDING_FORMATS))
  .option('--report <dir>', 'where coverage.md and coverage.html go (default: the connectors folder)')
  .option('--no-report', 'do not write the coverage report')
  .addHelpText(
    'after',
    [
      '',
      'Per fixture case (fixtures/<entity>/<case>.raw.json): the expected <case>.unified.json validates against the',
      'entity schema; read.map(raw) deep-equals it and validates; for a writable mapping, the Create body taken from',
      'the expected record validates and write.map(body) deep-equals <case>.request.json. Each failure names the',
      'connector, entity, fixture file:line, JSON pointer, expected and found (on stderr). Fixtures are read as `validate`',
      'reads files (regular files of at most 8 MiB, UTF-8, no duplicate keys, no number beyond a double).',
      'Exit codes: 0 all conform; 1 any failure; 2 a fixture could not be read at all, an unknown --connector',
      'or --entity, or wrong arguments.',
      'connector.ts declarations are checked too: every unsupportedEntities / readOnlyEntities entry needs a reason',
      'and an https documentation page, and may not contradict a mapping.',
      'The coverage report (per connector × entity: read and write coverage, conformance, fixtures, links; per field:',
      'mapped / not mapped yet / not supported) is written only on a full run (no --connector or --entity).',
    ].join('\n'),
  )
  .action(
    async (opts: {
      connector?: string;
      entity?: string;
      format: 'text' | 'json' | 'github' | 'sarif';
      report: string | boolean;
    }) => {
      const [resolved, out] = await Promise.all([config(), output(opts.format)]);
      const ir = await compileOrReport(resolved, out);
      if (!ir) return;
      const { runConformanceCommand } = await import('./commands/conformance.ts');
      const report =
        opts.report === false ? false : typeof opts.report === 'string' ? opts.report : resolved.connectorsDir;
      process.exitCode = await runConformanceCommand(
        resolved,
        ir,
        {
          format: opts.format,
          report,
          ...(opts.connector ? { connector: opts.connector } : {}),
          ...(opts.entity ? { entity: opts.entity } : {}),
        },
        out,
      );
    },
  );

/** The spec's IR, or undefined after printing why it cannot be built (exit code set). */
async function compileOrReport(resolved: LedgerspecConfig, out: Output) {
  const [{ compileSpecCached }, { printFailure }] = await Promise.all([
    import('./pipeline/compiled-spec.ts'),
    import('./commands/report.ts'),
  ]);
  const done = out.progress('reading the spec: load, bundle, lint, normalize, IR');
  try {
    return await compileSpecCached(resolved);
  } catch (error) {
    done();
    process.exitCode = printFailure(error, out);
    return undefined;
  } finally {
    done();
  }
}

program.addHelpText(
  'after',
  `
Output: results on stdout; problems (file:line:column, pointer, message; a short code frame for
the first few) and error messages on stderr. Colour only at a terminal, unless NO_COLOR or
FORCE_COLOR says otherwise; a spinner for long steps only at a terminal and never in CI.
--format json on every command prints one document on stdout; lint, validate, conformance and
diff also take --format github (workflow annotations) and sarif (SARIF 2.1.0). --quiet and
--verbose go before or after the command name.
The project root is found from the working folder up (the nearest ledgerspec.config.ts, or
package.json with a spec/ folder), so every command works from any subfolder.

Exit codes: 0 success; 1 problems found in the input (lint errors, invalid records, stale files,
failed conformance cases, unaccepted breaking changes); 2 wrong usage (unknown option or command,
bad argument), a configuration or an input that cannot be read at all; 70 an internal error (a bug:
reported with a short id and a file to attach, nothing written).`,
);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // --help and --version end with a CommanderError of exit code 0; usage errors are 2 (above).
  if (error instanceof CommanderError) process.exitCode = error.exitCode === 0 ? 0 : 2;
  else
    process.exitCode = reportInternalError(error, process.argv.slice(2), (line) => process.stderr.write(`${line}\n`));
}

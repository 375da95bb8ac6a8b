import { Command, Option } from 'commander';
import { loadConfig, type LedgerspecConfig } from './config.ts';
import { runLint } from './commands/lint.ts';

const program = new Command()
  .name('ledgerspec')
  .description('Schema-first code generation for the ledgerspec unified accounting API.')
  .option('--spec <dir>', 'spec folder (default from ledgerspec.config.ts, else ./spec)')
  .showHelpAfterError();

async function config(): Promise<LedgerspecConfig> {
  const { spec } = program.opts<{ spec?: string }>();
  return loadConfig(process.cwd(), { specDir: spec });
}

const print = (line: string) => process.stdout.write(`${line}\n`);

program
  .command('lint')
  .description("Check the spec against ledgerspec's own rules (run Redocly's with `npm run lint:spec`).")
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
  .addHelpText('after', '\nPrints file:line, rule, JSON pointer and message per problem; exits 1 on any error.')
  .action(async (opts: { format: 'text' | 'json' }) => {
    process.exitCode = runLint(await config(), opts, print);
  });

await program.parseAsync(process.argv);

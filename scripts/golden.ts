// `npm run golden`: regenerates test/golden/<fixture>/ from each spec in test/fixtures/third-party/
// (see test/helpers/golden.ts). Review the diff and commit it with the change that caused it.
import { generate } from '../generator/generate.ts';
import { formatDiagnostic, DiagnosticError } from '../generator/diagnostics.ts';
import { goldenConfig, goldenFixtures } from '../test/helpers/golden.ts';

for (const fixture of goldenFixtures()) {
  try {
    const result = await generate(goldenConfig(fixture));
    const changed = result.changes.map((c) => `  ${c.change} ${c.path}`);
    console.log(`${fixture}: ${changed.length ? `\n${changed.join('\n')}` : 'up to date'}`);
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    console.error(`${fixture}:\n${error.diagnostics.map(formatDiagnostic).join('\n')}`);
    process.exitCode = 1;
  }
}

import { join, relative } from 'node:path';
import type { LedgerspecConfig } from '../config.ts';
import type { ConnectorCoverage } from '../shared/coverage-model.ts';
import type { SpecIR } from '../ir/model.ts';
import { planChanges, writeChanges } from '../pipeline/write.ts';
import { emitDocsSite } from '../emit/docs/site.ts';
import { toOutput, type Out } from './output.ts';

/** The site's folder inside the output folder; `generate` leaves it alone (see generate.ts). */
export const DOCS_SUBFOLDER = 'docs';

export interface DocsOptions {
  /** Where the site goes (default <outDir>/docs). */
  out?: string;
  /** Read the connectors' mapping rules for the "Connectors" column (default true). */
  coverage: boolean;
}

/** `ledgerspec docs`: writes the static site (only changed files, all or none); returns the exit code. */
export async function runDocs(config: LedgerspecConfig, ir: SpecIR, options: DocsOptions, sink: Out): Promise<number> {
  const out = toOutput(sink);
  const coverage = options.coverage ? await connectorCoverage(ir, config.connectorsDir) : undefined;
  const files = emitDocsSite(ir, coverage);
  const dir = options.out ?? join(config.outDir, DOCS_SUBFOLDER);
  const changes = planChanges(dir, files);
  writeChanges(dir, files, changes);
  const shown = relative(process.cwd(), dir) || '.';
  const unchanged = files.length - changes.filter((c) => c.change !== 'removed').length;
  if (out.format === 'json') {
    out.result(
      JSON.stringify(
        {
          dir: shown,
          changes,
          unchanged,
          operationPages: ir.operations.length,
          dataModelPages: ir.entities.length,
          connectors: coverage?.length ?? 0,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  out.info(
    `${changes.length} file(s) written, ${unchanged} unchanged, in ${shown}/ (${ir.operations.length} operation pages, ${ir.entities.length} data-model pages${coverage ? `, coverage of ${coverage.length} connector(s)` : ''})`,
  );
  out.info(`open ${join(shown, 'index.html')} in a browser (works from file://, offline)`);
  return 0;
}

/** Field coverage from the mapping rules alone (no fixtures, no conformance run); undefined when
 * the project has no connectors. */
export async function connectorCoverage(ir: SpecIR, connectorsDir: string): Promise<ConnectorCoverage[] | undefined> {
  const [{ listConnectors }, { loadConnector }, { coverageOf }] = await Promise.all([
    import('../shared/connector-layout.ts'),
    import('../connectors/load.ts'),
    import('../connectors/coverage.ts'),
  ]);
  const folders = listConnectors(connectorsDir);
  if (!folders.length) return undefined;
  return coverageOf(ir, await Promise.all(folders.map(loadConnector)));
}

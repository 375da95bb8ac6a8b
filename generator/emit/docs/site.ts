import type { GeneratedFile, SpecIR } from '../../ir/model.ts';
import type { ConnectorCoverage } from '../../shared/coverage-model.ts';
import { byCodeUnit } from '../../source/compare.ts';
import { emitDocsAssets } from './assets.ts';
import { emitIndexPage } from './index-page.ts';
import { emitModelPages } from './model-page.ts';
import { navigation } from './navigation.ts';
import { emitOperationPages } from './operation-page.ts';
import { emitSearchIndex } from './search-index.ts';

/** The whole documentation site, in memory, sorted by path: a pure function of the IR and the
 * connectors' coverage (optional), so building it twice gives the same bytes. */
export function emitDocsSite(ir: SpecIR, coverage?: ConnectorCoverage[]): GeneratedFile[] {
  const nav = navigation(ir);
  const files = [
    ...emitIndexPage(ir, nav),
    ...emitOperationPages(ir, nav),
    ...emitModelPages(ir, nav, coverage),
    ...emitSearchIndex(ir),
    ...emitDocsAssets(),
  ];
  return files.sort((a, b) => byCodeUnit(a.path, b.path));
}

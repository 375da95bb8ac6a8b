import type { GeneratedFile } from '../../ir/model.ts';
import { templateFile } from '../../shared/render.ts';

/** The stylesheet and the script every page loads: copied from templates/docs/assets/, the same
 * for every spec. Nothing else is loaded, and nothing from the network. */
export function emitDocsAssets(): GeneratedFile[] {
  return ['docs.css', 'docs.js'].map((name) => ({
    path: `assets/${name}`,
    contents: templateFile(`docs/assets/${name}`),
  }));
}

import type { GeneratedFile, SpecIR } from '../../ir/model.ts';
import { sampleBaseUrl } from './code-samples.ts';
import { renderDocsPage } from './html.ts';
import type { NavArea } from './navigation.ts';

/** The home page: what the API is, its servers and how to authenticate, and every resource. */
export function emitIndexPage(ir: SpecIR, nav: NavArea[]): GeneratedFile[] {
  const { info } = ir;
  const view = {
    nav,
    current: 'index.html',
    title: String(info.title ?? 'API reference'),
    info: {
      title: String(info.title ?? 'API reference'),
      version: info.version,
      description: info.description,
    },
    servers: ir.servers,
    auth: ir.securitySchemes,
    sandbox: sampleBaseUrl(ir),
    counts: { operations: ir.operations.length, entities: ir.entities.length },
  };
  return [{ path: 'index.html', contents: renderDocsPage('index', view) }];
}

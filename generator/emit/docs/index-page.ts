import type { GeneratedFile, SpecIR } from '../../ir/model.ts';
import type { JsonObject } from '../../source/schema-walk.ts';
import { sampleBaseUrl } from './code-samples.ts';
import { renderDocsPage } from './html.ts';
import type { NavArea } from './navigation.ts';

/** The home page: what the API is, its servers and how to authenticate, and every resource. */
export function emitIndexPage(ir: SpecIR, nav: NavArea[]): GeneratedFile[] {
  const info = (ir.document.info ?? {}) as JsonObject;
  const servers = (Array.isArray(ir.document.servers) ? ir.document.servers : []) as JsonObject[];
  const schemes = Object.entries(
    ((ir.document.components as JsonObject | undefined)?.securitySchemes ?? {}) as Record<string, JsonObject>,
  );
  const view = {
    nav,
    current: 'index.html',
    title: String(info.title ?? 'API reference'),
    info: {
      title: String(info.title ?? 'API reference'),
      version: String(info.version ?? ''),
      description: String(info.description ?? ''),
    },
    servers: servers.map((s) => ({ url: String(s.url ?? ''), description: String(s.description ?? '') })),
    auth: schemes.map(([name, s]) => ({
      name,
      type: String(s.type ?? ''),
      in: String(s.in ?? ''),
      header: String(s.name ?? ''),
      description: String(s.description ?? ''),
    })),
    sandbox: sampleBaseUrl(ir),
    counts: { operations: ir.operations.length, entities: ir.entities.length },
  };
  return [{ path: 'index.html', contents: renderDocsPage('index', view) }];
}

import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SpecIR } from '../../generator/ir/model.ts';
import { emitDocsSite } from '../../generator/emit/docs/site.ts';
import { operationView } from '../../generator/emit/docs/operation-page.ts';
import { sampleRecord } from '../../generator/emit/docs/model-page.ts';
import { compileVirtual } from '../helpers/compile.ts';
import { projectIR } from '../helpers/spec.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';

describe('ledgerspec docs: the site in memory', () => {
  let ir: SpecIR;
  beforeAll(async () => {
    ir = await projectIR();
  });

  it('has an index, a page per operation and per entity, the search index and the assets, the same bytes every time', () => {
    const first = emitDocsSite(ir);
    const paths = first.map((f) => f.path);
    expect(paths).toContain('index.html');
    expect(paths.filter((p) => p.startsWith('operation-'))).toHaveLength(ir.operations.length);
    expect(paths.filter((p) => p.startsWith('model-'))).toHaveLength(ir.entities.length);
    expect(paths.filter((p) => p.startsWith('assets/'))).toEqual([
      'assets/docs.css',
      'assets/docs.js',
      'assets/search-index.js',
    ]);
    expect(emitDocsSite(ir)).toEqual(first);
  });

  it('leaves the connectors column out when no coverage is given', () => {
    const model = emitDocsSite(ir).find((f) => f.path === 'model-invoices.html')!.contents;
    expect(model).not.toContain('<th>Connectors</th>');
    expect(model).toContain('<span class="tag sortable">sortable</span>');
  });

  it('loads nothing from the network: no absolute URL in a src or href attribute', () => {
    for (const file of emitDocsSite(ir).filter((f) => f.path.endsWith('.html'))) {
      expect(file.contents.match(/\s(?:src|href)="(?:https?:)?\/\/[^"]*"/g) ?? [], file.path).toEqual([]);
    }
  });

  it('escapes every string from the spec: markup in a summary, a description or an example stays text', () => {
    const hostile = structuredClone(ir);
    const op = hostile.operations.find((o) => o.operationId === 'listInvoices')!;
    op.summary = HOSTILE;
    op.description = `see \`${HOSTILE}\` ${HOSTILE}`;
    const entity = hostile.entities.find((e) => e.name === 'invoices')!;
    entity.description = HOSTILE;
    entity.fields[0]!.description = HOSTILE;
    const schemas = (hostile.document.components as { schemas: Record<string, { examples?: unknown[] }> }).schemas;
    schemas.Invoice!.examples = [{ ...(schemas.Invoice!.examples?.[0] as object), memo: `</script>${HOSTILE}` }];
    const site = emitDocsSite(hostile);
    for (const file of site) {
      expect(file.contents, file.path).not.toContain('<script>alert');
      expect(file.contents, file.path).not.toContain('<img src=x');
      expect(file.contents, file.path).not.toContain('</script><img');
    }
    const page = site.find((f) => f.path === 'operation-listInvoices.html')!.contents;
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('<code>&lt;script&gt;');
    expect(site.find((f) => f.path === 'assets/search-index.js')!.contents).toContain('\\u003cscript>alert');
  });

  it("shows the examples the bundled spec carries: a write body from the entity's example, a finished job of the entity's records", () => {
    const view = operationView(
      ir,
      ir.operations.find((o) => o.operationId === 'createInvoicePayment')!,
    );
    const body = view.requestExample as { company_id: string; data: Record<string, unknown>[] };
    expect(body.company_id).toBe('com_xero');
    expect(body.data[0]).toMatchObject({ amount: 19, payment_date: '2023-03-01T00:00:00.000Z', payment_mode: 'Cash' });
    expect(body.data[0]).not.toHaveProperty('platform_id');
    const example = view.success?.example as {
      request_id: string;
      data: { status: string; records: { response: unknown }[] };
    };
    expect(example.request_id).toBeTruthy();
    expect(example.data.status).toBe('SUCCESS');
    expect(example.data.records[0]!.response).toMatchObject({
      platform_id: '3770712000001726003',
      payment_mode: 'Cash',
    });
    expect(view.curl).toMatch(/^curl -g -X POST 'http:\/\/127\.0\.0\.1:4010\/accounting\/invoice_payments'/);
    expect(view.statuses.map((s) => [s.status, s.code ?? ''])).toContainEqual(['400', 'invalid-params']);
  });

  it('shows a full sample record with each relation its example points at embedded as { "data": … }', () => {
    const record = sampleRecord(
      ir,
      ir.entities.find((e) => e.name === 'invoice_payments')!,
    ) as Record<string, { data?: Record<string, unknown> }>;
    expect(record.currency_id).toBe('3770712000000000099');
    expect(record.currency?.data).toMatchObject({ code: expect.any(String) });
    expect(record.invoice?.data).toMatchObject({ document_number: expect.any(String) });
    expect(record).not.toHaveProperty('credit_note');
  });

  it('gives client samples that type-check against the generated client', () => {
    const files = new Map(
      ir.operations.map((op) => [
        `${ROOT}docs-sample-${op.operationId}.mts`,
        `${operationView(ir, op).client}\nexport {};\n`,
      ]),
    );
    const options = { types: ['node'], baseUrl: ROOT, paths: { 'ledgerspec/*': ['generated/*/index.ts'] } };
    const problems = compileVirtual(files, options).map(
      (d) => `${d.file.slice(ROOT.length)}:${d.line + 1}: ${d.message.replace(/\n/g, ' ')}`,
    );
    expect(problems).toEqual([]);
  }, 120_000);
});

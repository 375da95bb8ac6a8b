import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { emitClient } from '../../generator/emit/client.ts';
import type { SpecIR } from '../../generator/ir/model.ts';
import { projectIR } from '../helpers/spec.ts';

const shared = await projectIR();
/** A copy per test: some tests edit the document. */
const ir = (): SpecIR => structuredClone(shared);

/** Every call expression in `code`: what would run, as opposed to what sits in comments or strings. */
function calls(code: string): string[] {
  const file = ts.createSourceFile('x.ts', code, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) found.push(node.expression.getText(file));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function syntaxErrors(code: string): number {
  const output = ts.transpileModule(code, {
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022 },
  });
  return output.diagnostics?.length ?? 0;
}

describe('emitClient', () => {
  it('writes one resource per entity with operations, an index and the runtime', () => {
    const files = emitClient(ir()).map((f) => f.path);
    expect(files).toContain('client/index.ts');
    expect(files).toContain('client/resources/invoice_payments.ts');
    expect(files).toContain('client/runtime/transport.ts');
    expect(files.filter((f) => f.startsWith('client/resources/'))).toHaveLength(shared.entities.length);
  });

  it('keeps hostile spec strings inert: comments stay closed, literals stay literals', () => {
    const spec = ir();
    const op = spec.operations.find((o) => o.operationId === 'listInvoices')!;
    op.summary = 'List */ process.exit(1); /*';
    op.description = "Ends here */ require('child_process').execSync('rm -rf /') /* and `${globalThis}`";
    op.path = "/accounting/invoices'+process.exit(2)+'";
    const code = emitClient(spec).find((f) => f.path === 'client/resources/invoices.ts')!.contents;
    expect(syntaxErrors(code)).toBe(0);
    expect(calls(code).filter((c) => /process|execSync|require/.test(c))).toEqual([]);
    expect(code).toContain(`path: ${JSON.stringify(op.path)},`);
  });

  it('makes a safe identifier of a name that is not one (the NamePlan), never emitting it as it is', () => {
    const spec = ir();
    const entity = spec.entities.find((e) => e.name === 'invoices')!;
    entity.title = 'Invoice; process.exit(1)';
    const code = emitClient(spec).find((f) => f.path === 'client/resources/invoices.ts')!.contents;
    expect(syntaxErrors(code)).toBe(0);
    expect(calls(code).filter((c) => /process/.test(c))).toEqual([]);
    expect(code).toContain('InvoiceProcessExit1');
  });

  it('refuses two operations that would share a method name', () => {
    const spec = ir();
    const cancel = spec.operations.find((o) => o.operationId === 'cancelSync')!;
    spec.operations.push({ ...cancel, operationId: 'cancelSyncAgain' });
    expect(() => emitClient(spec)).toThrow(/syncs has two operations named cancel/);
  });

  it("carries each response's x-retryable from the spec through the IR to the operation's retryOn", () => {
    const spec = ir();
    const status500 = (operationId: string) =>
      spec.operations.find((o) => o.operationId === operationId)!.responses.find((r) => r.status === '500');
    expect(status500('listInvoices')?.retryable).toBe(true);
    expect(status500('createPassthrough')?.retryable).toBe(false);
    // A status range is no status the transport can match, so it never reaches retryOn.
    spec.operations
      .find((o) => o.operationId === 'getInvoice')!
      .responses.push(
        { status: '5XX', description: 'any', retryable: true },
        { status: '503', description: 'busy', retryable: true },
      );
    const files = emitClient(spec);
    const source = (file: string) => files.find((f) => f.path === `client/resources/${file}.ts`)!.contents;
    const operationConst = (code: string, operationId: string) =>
      code.slice(code.indexOf(`operationId: ${JSON.stringify(operationId)}`)).split('};')[0];
    expect(operationConst(source('invoices'), 'listInvoices')).toContain('retryOn: [500]');
    expect(operationConst(source('invoices'), 'getInvoice')).toContain('retryOn: [500, 503]');
    expect(operationConst(source('passthrough'), 'createPassthrough')).not.toContain('retryOn');
  });

  it("writes query styles from the IR's serialization of each parameter, not from its schema", () => {
    const spec = ir();
    const sort = spec.operations
      .find((o) => o.operationId === 'listInvoices')!
      .parameters.find((p) => p.name === 'sort')!;
    expect(sort.serialization).toMatchObject({ explode: false, type: 'array' });
    const styles = (code: string) => code.slice(code.indexOf('operationId: "listInvoices"')).split('};')[0];
    expect(styles(emitClient(spec).find((f) => f.path === 'client/resources/invoices.ts')!.contents)).toContain(
      '"sort": "comma"',
    );
    sort.serialization = { ...sort.serialization!, explode: true };
    expect(styles(emitClient(spec).find((f) => f.path === 'client/resources/invoices.ts')!.contents)).toContain(
      '"sort": "repeat"',
    );
  });

  it('pages through a list (iterate, listAll) only when the IR gives it a page the runtime reads', () => {
    const code = (spec: SpecIR) => emitClient(spec).find((f) => f.path === 'client/resources/invoices.ts')!.contents;
    expect(code(ir())).toContain('iterate: (params, options) =>');
    const unpaged = ir();
    const list = unpaged.operations.find((o) => o.operationId === 'listInvoices')!;
    delete list.page;
    list.reply = 'record';
    expect(code(unpaged)).not.toContain('iterate');
    const otherNames = ir();
    const other = otherNames.operations.find((o) => o.operationId === 'listInvoices')!;
    other.page = { ...other.page!, cursorParam: 'page_token' };
    expect(code(otherNames)).not.toContain('iterate');
  });
});

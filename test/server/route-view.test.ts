import { describe, expect, it } from 'vitest';
import { routeView } from '../../generator/emit/server/route-view.ts';
import { handlerGroupView } from '../../generator/emit/server/handler-view.ts';
import type { OperationIR, SpecIR } from '../../generator/ir/model.ts';
import { planNames } from '../../generator/plan/plan-names.ts';
import { projectIR } from '../helpers/spec.ts';

// The server's route table and handler types read the IR's facts (each query parameter's
// serialization, the list page), not the parameter and response schemas.

const shared = await projectIR();
const plan = planNames(shared).plan;

function listInvoices(ir: SpecIR): OperationIR {
  return ir.operations.find((o) => o.operationId === 'listInvoices')!;
}

describe('server route view', () => {
  it("decodes each query parameter as the IR's serialization says", () => {
    const ir = structuredClone(shared);
    const op = listInvoices(ir);
    const sort = op.parameters.find((p) => p.name === 'sort')!;
    expect(routeView(op, plan).query.find((q) => q.name === 'sort')).toEqual({
      name: 'sort',
      style: 'form',
      explode: false,
      type: 'array',
      items: 'string',
    });
    sort.serialization = { style: 'form', explode: true, type: 'array', items: 'integer' };
    expect(routeView(op, plan).query.find((q) => q.name === 'sort')).toMatchObject({ explode: true, items: 'integer' });
    // The runtime knows form and deepObject; a pipe-delimited parameter is decoded as form.
    sort.serialization = { style: 'pipeDelimited', explode: false, type: 'array', items: 'string' };
    expect(routeView(op, plan).query.find((q) => q.name === 'sort')).toMatchObject({ style: 'form', explode: false });
  });

  it("pages a list's result and types its handler as a list only when the IR gives it a page", () => {
    const ir = structuredClone(shared);
    const op = listInvoices(ir);
    const invoices = ir.entities.find((e) => e.name === 'invoices')!;
    const listMethod = () => handlerGroupView(invoices, [op], plan).methods[0]!;
    expect(routeView(op, plan).reply).toBe('list');
    expect(listMethod().output).toBe('ListResult<T.Invoice>');
    op.reply = 'record';
    delete op.page;
    expect(routeView(op, plan).reply).toBe('record');
    expect(listMethod().output).toBe('T.Invoice');
  });
});

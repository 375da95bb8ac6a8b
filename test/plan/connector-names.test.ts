import { describe, expect, it } from 'vitest';
import { buildIR } from '../../generator/ir/build-ir.ts';
import type { EntityIR, ModelIR } from '../../generator/ir/model.ts';
import { mappingSkeleton } from '../../generator/connectors/skeleton.ts';
import { formatTypeScript } from '../../generator/pipeline/format.ts';
import { mappingTypeNames } from '../../generator/plan/connector-names.ts';
import { planNames } from '../../generator/plan/plan-names.ts';
import { PROJECT_DIR } from '../helpers/spec.ts';

const entity = (name: string, title: string): EntityIR => ({
  name,
  title,
  area: 'accounting',
  description: '',
  fields: [],
});
const model = (name: string): ModelIR => ({ name, ref: `#/components/schemas/${name}`, schema: {}, kind: 'entity' });

/** A plan of entities whose titles are these component keys. */
const planOf = (entities: EntityIR[]) =>
  planNames({ ...buildIR({}), models: entities.map((e) => model(e.title)), entities, operations: [] }).plan;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

describe("scaffold connector's mapping type names", () => {
  it("are the platform's name before the entity's planned type", () => {
    const plan = planOf([entity('invoices', 'Invoice'), entity('invoice_payments', 'InvoicePayment')]);
    expect(mappingTypeNames(plan, 'Acme Books', 'invoices')).toEqual({
      raw: 'AcmeBooksInvoice',
      request: 'AcmeBooksInvoiceRequest',
    });
    expect(mappingTypeNames(plan, 'QuickBooks Online', 'invoice_payments').raw).toBe('QuickBooksOnlineInvoicePayment');
  });

  it('are identifiers whatever the entity title and platform name, and the skeleton renders with them', async () => {
    const plan = planOf([entity('line-items', 'line-item'), entity('klass', 'class'), entity('names', '名前')]);
    const cases = [
      ['Zöho Books', 'line-items', 'ZohoBooksLineItem'],
      ['1Password', 'klass', '_1PasswordClass'],
      ['Acme', 'names', 'AcmeU540DU524D'],
      ['---', 'klass', 'PlatformClass'],
    ] as const;
    for (const [platform, entityName, raw] of cases) {
      const types = mappingTypeNames(plan, platform, entityName);
      expect(types.raw).toBe(raw);
      expect(types.request).toMatch(IDENTIFIER);
      const facts = {
        entity: entityName,
        title: plan.resources.get(entityName)!.type,
        readFields: [{ name: 'a-b', description: "it's" }],
        omittedFields: [],
        write: { model: 'x', fields: [{ name: 'class', description: '' }] },
      };
      const text = mappingSkeleton(facts, { platform: 'p', name: platform }, types, '../index.js');
      // prettier parses it: a name that is not an identifier would be a syntax error.
      const formatted = await formatTypeScript(text, PROJECT_DIR);
      expect(formatted).toContain(`export interface ${raw} {`);
      expect(formatted).toContain(`mapWrite<'${entityName}', ${types.request}>`);
    }
  });
});

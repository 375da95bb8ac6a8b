import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { coverageFiles, describeFailure } from '../../generator/commands/conformance.ts';
import { runConformance, type ConformanceRun } from '../../generator/connectors/conformance.ts';
import { mappingFacts } from '../../generator/shared/mapped-fields.ts';
import type { SpecIR } from '../../generator/ir/model.ts';
import { DOCUMENTED_ACCOUNTING } from '../helpers/documented-entities.ts';
import { PROJECT_DIR, projectIR } from '../helpers/spec.ts';

// Every connector in the repository, over every one of its fixtures: the same run as
// `ledgerspec conformance`, in process.
const CONNECTORS_DIR = join(PROJECT_DIR, 'connectors');
const CORE_ENTITIES = [
  'accounts',
  'contacts',
  'invoices',
  'invoice_payments',
  'bills',
  'bill_payments',
  'items',
  'tax_rates',
  'currencies',
  'journal_entries',
];
let ir: SpecIR;
let run: ConformanceRun;

beforeAll(async () => {
  ir = await projectIR();
  run = await runConformance(ir, CONNECTORS_DIR);
}, 120_000);

const mapped = (platform: string) =>
  run.entities.filter((e) => e.connector === platform && e.cases > 0).map((e) => e.entity);

describe('connector conformance', () => {
  it('every mapping reproduces every fixture, and every record validates', () => {
    expect(run.failures.filter((f) => f.check !== 'invariant').map(describeFailure)).toEqual([]);
  });

  it('every record keeps its invariants (a platform payload that itself does not add up is a warning its meta explains)', () => {
    expect(run.failures.filter((f) => f.check === 'invariant').map(describeFailure)).toEqual([]);
    for (const warning of run.warnings.filter((w) => w.check === 'invariant'))
      expect(warning.message).toMatch(/^the platform's own payload \(meta: inconsistent\)/);
  });

  it.each(['quickbooks-online', 'xero', 'zoho-books'])(
    '%s maps the core accounting entities, each over its fixtures',
    (platform) => {
      expect(mapped(platform)).toEqual(expect.arrayContaining(CORE_ENTITIES));
    },
  );

  // Every accounting entity the documentation names; one scaffolded since has no mapping yet.
  it('zoho-books maps every documented accounting entity', () => {
    const accounting = mappingFacts(ir).map((f) => f.entity);
    expect(accounting).toEqual(expect.arrayContaining(DOCUMENTED_ACCOUNTING));
    expect(mapped('zoho-books')).toEqual(expect.arrayContaining(DOCUMENTED_ACCOUNTING));
  });

  it('the Codat connector maps the core entities, and invoice payments with their allocations', async () => {
    // Codat has no currency records: it names currencies by ISO code.
    expect(mapped('codat')).toEqual(expect.arrayContaining(CORE_ENTITIES.filter((e) => e !== 'currencies')));
    const records = run.entities.find((e) => e.connector === 'codat' && e.entity === 'invoice_payments');
    expect(records?.cases).toBeGreaterThanOrEqual(3);
    const unified = JSON.parse(
      readFileSync(join(CONNECTORS_DIR, 'codat/fixtures/invoice_payments/two_invoices.unified.json'), 'utf8'),
    );
    expect(unified.allocations.length).toBeGreaterThanOrEqual(2);
  });

  it('every write is checked end to end: read(storedRecords(write(body))) for every writable mapping of every connector', () => {
    const unchecked = run.entities
      .filter((e) => e.writes > 0 && e.roundTrips < e.writes)
      .map((e) => `${e.connector}/${e.entity}`);
    expect(unchecked).toEqual([]);
  });

  it('writable mappings are checked against request fixtures', () => {
    for (const platform of ['quickbooks-online', 'xero', 'zoho-books']) {
      const writes = run.entities.filter((e) => e.connector === platform && e.writes > 0).map((e) => e.entity);
      expect(writes, platform).toEqual(expect.arrayContaining(['contacts', 'invoices']));
    }
  });

  it('the committed coverage report is the one the mappings produce', () => {
    for (const { path, contents } of coverageFiles(ir, run, CONNECTORS_DIR)) {
      expect(
        readFileSync(join(CONNECTORS_DIR, path), 'utf8'),
        `connectors/${path} is stale: run \`npm run conformance\``,
      ).toBe(contents);
    }
  });
});

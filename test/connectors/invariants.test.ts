import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFailure } from '../../generator/commands/conformance.ts';
import {
  runConformance,
  type ConformanceFailure,
  type ConformanceRun,
} from '../../generator/connectors/conformance.ts';
import { checkRecord, declaredInvariants, type InvariantContext } from '../../generator/invariants/index.ts';
import { coveredBy } from '../../generator/invariants/walk.ts';
import type { SpecIR } from '../../generator/ir/model.ts';
import { PROJECT_DIR, projectIR } from '../helpers/spec.ts';

// Small connectors written for this test, one per seeded mistake, all reading the same platform
// records ("Demo": contacts, invoices, invoice payments, journal entries). In each wrong one the
// fixture says what the wrong mapping produces, so the record validates and read.map(raw)
// deep-equals it: only an invariant can tell that it is wrong. `right` maps everything correctly.
const root = mkdtempSync(join(tmpdir(), 'ledgerspec-invariants-'));
const connectorsDir = join(root, 'connectors');
const RUNTIME = JSON.stringify(join(PROJECT_DIR, 'generated/connectors/index.ts'));

type Bug = 'lines' | 'totals' | 'over-allocated' | 'negative' | 'dangling' | 'shifted' | 'unbalanced';

// ---- the platform's records -------------------------------------------------------------------

const rawContact = { Id: 'C-1', Name: 'Acme Ltd' };
const rawInvoice = {
  Id: 'INV-1',
  CustomerRef: 'C-1',
  SalesRepRef: 'E-7',
  Date: '2024-03-01',
  DueDate: '2024-03-31',
  Lines: [
    { Id: 'L1', ItemRef: 'I-1', Amount: 100, Tax: 20 },
    { Id: 'L2', Amount: 20, Tax: 4 },
  ],
  SubTotal: 120,
  TotalTax: 24,
  Total: 144,
};
const rawPayment = {
  Id: 'PAY-1',
  CustomerRef: 'C-1',
  Date: '2024-03-20',
  Amount: 100,
  Applied: [{ InvoiceRef: 'INV-1', Amount: 100, InvoiceTotal: 144 }],
};
const rawRefund = { Id: 'PAY-2', Type: 'Refund', CustomerRef: 'C-1', Date: '2024-03-25', Amount: -50, Applied: [] };
const rawJournal = {
  Id: 'JE-1',
  Date: '2024-03-31',
  Total: 120,
  Lines: [
    { Account: 'A-1', Side: 'DR', Net: 100, Tax: 20 },
    { Account: 'A-2', Side: 'CR', Net: 120, Tax: 0 },
  ],
};

// ---- what they map to -------------------------------------------------------------------------

const contact = { platform_id: 'C-1', name: 'Acme Ltd' };
const invoice = {
  platform_id: 'INV-1',
  contact_id: 'C-1',
  posted_date: '2024-03-01T00:00:00.000Z',
  due_date: '2024-03-31T00:00:00.000Z',
  sub_total: 120,
  tax_amount: 24,
  total_amount: 144,
  line_items: [
    { platform_id: 'L1', item_id: 'I-1', sub_total: 100, tax_amount: 20, total_amount: 120 },
    { platform_id: 'L2', item_id: null, sub_total: 20, tax_amount: 4, total_amount: 24 },
  ],
};
const payment = {
  platform_id: 'PAY-1',
  contact_id: 'C-1',
  invoice_id: 'INV-1',
  payment_date: '2024-03-20T00:00:00.000Z',
  amount: 100,
  allocations: [
    {
      amount: 100,
      allocated_on_date: '2024-03-20T00:00:00.000Z',
      links: [{ type: 'Invoice', id: 'INV-1', amount: -100, currency_rate: 1 }],
    },
  ],
};
const journal = {
  platform_id: 'JE-1',
  posted_date: '2024-03-31T00:00:00.000Z',
  amount: 120,
  journal_lines: [
    { account_id: 'A-1', type: 'Debit', net_amount: 100, tax_amount: 20 },
    { account_id: 'A-2', type: 'Credit', net_amount: 120, tax_amount: 0 },
  ],
};

/** The unified fixtures of a connector: the right records, or what its one wrong mapping gives. */
function unifiedFixtures(bug?: Bug): Record<string, unknown> {
  const lines = invoice.line_items.map((line) => ({ ...line, sub_total: line.sub_total + line.tax_amount }));
  return {
    'contacts/c1': contact,
    'invoices/inv1': {
      ...invoice,
      ...(bug === 'lines' ? { line_items: lines } : {}),
      ...(bug === 'totals' ? { total_amount: 120 } : {}),
      ...(bug === 'dangling' ? { contact_id: 'E-7' } : {}),
      ...(bug === 'shifted' ? { posted_date: '2024-02-29T00:00:00.000Z' } : {}),
    },
    'invoice_payments/pay1':
      bug === 'over-allocated'
        ? {
            ...payment,
            allocations: [
              {
                ...payment.allocations[0],
                amount: 144,
                links: [{ type: 'Invoice', id: 'INV-1', amount: -144, currency_rate: 1 }],
              },
            ],
          }
        : payment,
    'invoice_payments/refund':
      bug === 'negative'
        ? {
            platform_id: 'PAY-2',
            contact_id: 'C-1',
            invoice_id: null,
            payment_date: '2024-03-25T00:00:00.000Z',
            amount: -50,
            allocations: [],
          }
        : null,
    'journal_entries/je1':
      bug === 'unbalanced'
        ? { ...journal, journal_lines: journal.journal_lines.map((line) => ({ ...line, type: 'Credit' })) }
        : journal,
  };
}

// ---- the mappings, each with its mistake switched on or off -------------------------------------

function mappings(bug?: Bug): Record<string, string> {
  const header = `import { mapRead } from ${RUNTIME};\nconst day = (date: string) => \`\${date}T00:00:00.000Z\`;\n`;
  return {
    contacts: `${header}export const read = mapRead<'contacts', { Id: string; Name: string }>({ platform_id: (raw) => raw.Id, name: (raw) => raw.Name } as never);\n`,
    invoices: `${header}type Line = { Id: string; ItemRef?: string; Amount: number; Tax: number };
type Raw = { Id: string; CustomerRef: string; SalesRepRef?: string; Date: string; DueDate: string; Lines: Line[]; SubTotal: number; TotalTax: number; Total: number };
export const read = mapRead<'invoices', Raw>({
  platform_id: (raw) => raw.Id,
  contact_id: (raw) => ${bug === 'dangling' ? 'raw.SalesRepRef ?? null' : 'raw.CustomerRef'},
  posted_date: (raw) => ${bug === 'shifted' ? "new Date(`${raw.Date}T00:00:00+01:00`).toISOString().slice(0, 10) + 'T00:00:00.000Z'" : 'day(raw.Date)'},
  due_date: (raw) => day(raw.DueDate),
  sub_total: (raw) => raw.SubTotal,
  tax_amount: (raw) => raw.TotalTax,
  total_amount: (raw) => ${bug === 'totals' ? 'raw.SubTotal' : 'raw.Total'},
  line_items: (raw) => raw.Lines.map((line) => ({ platform_id: line.Id, item_id: line.ItemRef ?? null, sub_total: ${bug === 'lines' ? 'line.Amount + line.Tax' : 'line.Amount'}, tax_amount: line.Tax, total_amount: line.Amount + line.Tax })),
} as never);
`,
    invoice_payments: `${header}type Raw = { Id: string; Type?: string; CustomerRef: string; Date: string; Amount: number; Applied: { InvoiceRef: string; Amount: number; InvoiceTotal: number }[] };
export const read = mapRead<'invoice_payments', Raw>({
  platform_id: (raw) => raw.Id,
  contact_id: (raw) => raw.CustomerRef,
  invoice_id: (raw) => (raw.Applied.length === 1 ? raw.Applied[0]!.InvoiceRef : null),
  payment_date: (raw) => day(raw.Date),
  amount: (raw) => raw.Amount,
  allocations: (raw) => raw.Applied.map((applied) => {
    const amount = ${bug === 'over-allocated' ? 'applied.InvoiceTotal' : 'applied.Amount'};
    return { amount, allocated_on_date: day(raw.Date), links: [{ type: 'Invoice', id: applied.InvoiceRef, amount: -amount, currency_rate: 1 }] };
  }),
} as never${bug === 'negative' ? '' : ", { skip: (raw) => (raw.Type === 'Refund' ? 'a refund, not a payment received' : undefined) }"});
`,
    journal_entries: `${header}type Raw = { Id: string; Date: string; Total: number; Lines: { Account: string; Side: string; Net: number; Tax: number }[] };
export const read = mapRead<'journal_entries', Raw>({
  platform_id: (raw) => raw.Id,
  posted_date: (raw) => day(raw.Date),
  amount: (raw) => raw.Total,
  journal_lines: (raw) => raw.Lines.map((line) => ({ account_id: line.Account, type: line.Side === ${bug === 'unbalanced' ? "'D'" : "'DR'"} ? 'Debit' : 'Credit', net_amount: line.Net, tax_amount: line.Tax })),
} as never);
`,
  };
}

const RAW: Record<string, unknown> = {
  'contacts/c1': rawContact,
  'invoices/inv1': rawInvoice,
  'invoice_payments/pay1': rawPayment,
  'invoice_payments/refund': rawRefund,
  'journal_entries/je1': rawJournal,
};
/** Meta files: every case has one but the contact's; documented samples refer to items and
 * accounts the fixtures do not hold, so those references are external. */
const EXTERNAL: Record<string, string[]> = {
  'invoices/inv1': ['/line_items/*/item_id'],
  'invoice_payments/pay1': [],
  'invoice_payments/refund': [],
  'journal_entries/je1': ['/journal_lines/*/account_id'],
};

function put(file: string, contents: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof contents === 'string' ? contents : `${JSON.stringify(contents, null, 2)}\n`);
}

function writeConnector(
  name: string,
  bug: Bug | undefined,
  unified: Record<string, unknown> = unifiedFixtures(bug),
): void {
  const dir = join(connectorsDir, name);
  put(
    join(dir, 'connector.ts'),
    `import { defineConnector } from ${RUNTIME};\nexport default defineConnector({ name: ${JSON.stringify(name)} });\n`,
  );
  for (const [entity, source] of Object.entries(mappings(bug))) put(join(dir, 'mappings', `${entity}.ts`), source);
  for (const [fixture, record] of Object.entries(unified)) {
    put(join(dir, 'fixtures', `${fixture}.raw.json`), RAW[fixture]);
    put(join(dir, 'fixtures', `${fixture}.unified.json`), record);
    if (name === 'no-meta' && fixture === 'contacts/c1') continue;
    put(join(dir, 'fixtures', `${fixture}.meta.json`), {
      source: 'Constructed for test/connectors/invariants.test.ts',
      verbatim: false,
      notes: 'A small record per entity.',
      external: EXTERNAL[fixture] ?? [],
    });
  }
}

/** The unified fixture of a case, as conformance names it, and the line of a top-level field. */
function at(connector: string, fixture: string, field?: string): { file: string; line?: number } {
  const path = join(connectorsDir, connector, 'fixtures', `${fixture}.unified.json`);
  const file = relative(process.cwd(), path);
  if (!field) return { file };
  const index = readFileSync(path, 'utf8')
    .split('\n')
    .findIndex((l) => l.startsWith(`  "${field}":`));
  return { file, line: index + 1 };
}

const BUGS: Bug[] = ['lines', 'totals', 'over-allocated', 'negative', 'dangling', 'shifted', 'unbalanced'];
let ir: SpecIR;
let run: ConformanceRun;
const failuresOf = (connector: string) => run.failures.filter((f) => f.connector === connector);

beforeAll(async () => {
  writeFileSync(join(root, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  writeConnector('right', undefined);
  writeConnector('no-meta', undefined);
  for (const bug of BUGS) writeConnector(bug, bug);
  // Right fixtures, wrong mapping: the read check differs, and the invariant names the mapping.
  writeConnector('drift', 'lines', unifiedFixtures());
  // A platform payload that itself does not add up, mapped faithfully, with its meta saying so.
  writeConnector('acknowledged', 'lines');
  put(join(connectorsDir, 'acknowledged', 'fixtures', 'invoices/inv1.meta.json'), {
    source: 'Constructed for test/connectors/invariants.test.ts',
    verbatim: false,
    notes: 'Lines that include their tax, as a platform example might print them.',
    external: EXTERNAL['invoices/inv1'],
    inconsistent: { '/sub_total': 'the example prints line amounts with their tax' },
  });
  ir = await projectIR();
  run = await runConformance(ir, connectorsDir);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('invariants in conformance', () => {
  it('pass the right mappings: every case conforms', () => {
    expect(failuresOf('right').map(describeFailure)).toEqual([]);
    expect(run.entities.filter((e) => e.connector === 'right').map((e) => [e.entity, e.cases])).toEqual([
      ['contacts', 1],
      ['invoice_payments', 2],
      ['invoices', 1],
      ['journal_entries', 1],
    ]);
  });

  it('catch invoice lines that do not add up to the sub_total', () => {
    expect(failuresOf('lines')).toEqual<ConformanceFailure[]>([
      {
        connector: 'lines',
        entity: 'invoices',
        check: 'invariant',
        ...at('lines', 'invoices/inv1', 'sub_total'),
        pointer: '/sub_total',
        message:
          'the unified record: sub_total is not the sum of line_items/*/sub_total over its 2 line(s) [lines-sum]',
        expected: '144 ± 0.02',
        found: '120',
      },
    ]);
  });

  it('catch a total that is not sub_total − total_discount + tax_amount', () => {
    expect(failuresOf('totals')).toEqual<ConformanceFailure[]>([
      {
        connector: 'totals',
        entity: 'invoices',
        check: 'invariant',
        ...at('totals', 'invoices/inv1', 'total_amount'),
        pointer: '/total_amount',
        message:
          'the unified record: total_amount is not sub_total + tax_amount − total_discount (120 + 24 − 0) [totals]',
        expected: '144 ± 0.02',
        found: '120',
      },
    ]);
  });

  it('catch allocations over the payment amount', () => {
    expect(failuresOf('over-allocated')).toEqual<ConformanceFailure[]>([
      {
        connector: 'over-allocated',
        entity: 'invoice_payments',
        check: 'invariant',
        ...at('over-allocated', 'invoice_payments/pay1', 'allocations'),
        pointer: '/allocations',
        message: 'the unified record: the 1 allocations add up to 144, more than the amount 100 [allocations]',
        expected: '100 ± 0.01',
        found: '144',
      },
    ]);
  });

  it('catch a negative amount (a refund read as a payment)', () => {
    expect(failuresOf('negative')).toEqual<ConformanceFailure[]>([
      {
        connector: 'negative',
        entity: 'invoice_payments',
        check: 'invariant',
        ...at('negative', 'invoice_payments/refund', 'amount'),
        pointer: '/amount',
        message: 'the unified record: amount is negative, which it never is by meaning [non-negative]',
        expected: 'zero or more (or null)',
        found: '-50',
      },
    ]);
  });

  it("catch a contact_id that leads to none of the connector's contacts", () => {
    expect(failuresOf('dangling')).toEqual<ConformanceFailure[]>([
      {
        connector: 'dangling',
        entity: 'invoices',
        check: 'invariant',
        ...at('dangling', 'invoices/inv1', 'contact_id'),
        pointer: '/contact_id',
        message: `the unified record: contacts "E-7" is not among dangling's contacts fixtures, and the case's meta file does not list /contact_id as external [references]`,
        expected: 'the platform_id of one of its contacts fixtures, or an external pointer',
        found: '"E-7"',
      },
    ]);
  });

  it('catch a calendar date shifted by a day', () => {
    expect(failuresOf('shifted')).toEqual<ConformanceFailure[]>([
      {
        connector: 'shifted',
        entity: 'invoices',
        check: 'invariant',
        ...at('shifted', 'invoices/inv1', 'posted_date'),
        pointer: '/posted_date',
        message:
          'the unified record: posted_date is 2024-02-29, a date the platform record does not give (shifted by a time zone?) [calendar-date]',
        expected: '"2024-03-01T00:00:00.000Z" (the nearest date the platform record gives)',
        found: '"2024-02-29T00:00:00.000Z"',
      },
    ]);
  });

  it('catch journal lines that do not balance, and an amount that is not the debits', () => {
    expect(failuresOf('unbalanced')).toEqual<ConformanceFailure[]>([
      {
        connector: 'unbalanced',
        entity: 'journal_entries',
        check: 'invariant',
        ...at('unbalanced', 'journal_entries/je1', 'journal_lines'),
        pointer: '/journal_lines',
        message:
          'the unified record: the debit and credit journal_lines (net_amount + tax_amount) do not balance [balanced]',
        expected: 'debits = credits ± 0.02',
        found: 'debits 0 (0 line(s)), credits 240 (2 line(s))',
      },
      {
        connector: 'unbalanced',
        entity: 'journal_entries',
        check: 'invariant',
        ...at('unbalanced', 'journal_entries/je1', 'amount'),
        pointer: '/amount',
        message:
          'the unified record: amount is not the sum of the debit journal_lines (net_amount + tax_amount) [balanced]',
        expected: '0 ± 0.01',
        found: '120',
      },
    ]);
  });

  it('name the mapping when only the mapped record breaks an invariant, next to the read differences', () => {
    const failures = failuresOf('drift');
    expect(failures.filter((f) => f.check === 'read').map((f) => f.pointer)).toEqual([
      '/line_items/0/sub_total',
      '/line_items/1/sub_total',
    ]);
    expect(failures.filter((f) => f.check === 'invariant')).toEqual([
      expect.objectContaining({
        entity: 'invoices',
        ...at('drift', 'invoices/inv1', 'sub_total'),
        pointer: '/sub_total',
        message: 'read.map(raw): sub_total is not the sum of line_items/*/sub_total over its 2 line(s) [lines-sum]',
        expected: '144 ± 0.02',
        found: '120',
      }),
    ]);
  });

  it("downgrade a finding to a warning only where the case's meta says the platform's own payload does not add up", () => {
    expect(failuresOf('acknowledged')).toEqual([]);
    const warnings = run.warnings.filter((w) => w.connector === 'acknowledged' && w.check === 'invariant');
    expect(warnings.map((w) => [w.pointer, w.message])).toEqual([
      [
        '/sub_total',
        "the platform's own payload (meta: inconsistent): sub_total is not the sum of line_items/*/sub_total over its 2 line(s) [lines-sum]",
      ],
    ]);
  });

  it('print in the failure format', () => {
    const [failure] = failuresOf('negative');
    expect(describeFailure(failure as ConformanceFailure)).toBe(
      `FAIL negative invoice_payments ${at('negative', 'invoice_payments/refund').file}:${at('negative', 'invoice_payments/refund', 'amount').line} /amount: the unified record: amount is negative, which it never is by meaning [non-negative] (expected zero or more (or null), found -50) [invariant]`,
    );
  });

  it('fail a case without a meta file: every fixture names its source', () => {
    expect(failuresOf('no-meta')).toEqual([
      {
        connector: 'no-meta',
        entity: 'contacts',
        check: 'meta',
        file: relative(process.cwd(), join(connectorsDir, 'no-meta/fixtures/contacts/c1.meta.json')),
        pointer: '',
        message: 'no meta file: where the raw payload was copied from, and which references are external',
        expected: 'a <case>.meta.json',
        found: 'none',
      },
    ]);
  });
});

describe('invariant kinds on single records', () => {
  const context = (model: string, extra: Partial<InvariantContext> = {}): InvariantContext => ({
    document: ir.document,
    model,
    connector: 'demo',
    accountingEntities: new Set(ir.entities.filter((e) => e.area === 'accounting').map((e) => e.name)),
    fixtureIds: new Map([['accounts', new Set(['A-1'])]]),
    external: [],
    ...extra,
  });
  const check = (model: string, record: unknown, extra?: Partial<InvariantContext>) =>
    checkRecord(record, declaredInvariants(ir.document, model), context(model, extra));

  it('lines-sum allows one cent of rounding per line, and does not apply without lines or a total', () => {
    const lines = (amounts: number[]) => amounts.map((sub_total) => ({ sub_total }));
    expect(check('Invoice', { platform_id: 'i', sub_total: 100, line_items: lines([33.33, 33.33, 33.33]) })).toEqual(
      [],
    );
    expect(check('Invoice', { platform_id: 'i', sub_total: 100.04, line_items: lines([33.33, 33.33, 33.33]) })).toEqual(
      [
        expect.objectContaining({
          kind: 'lines-sum',
          pointer: '/sub_total',
          expected: '99.99 ± 0.03',
          found: '100.04',
        }),
      ],
    );
    expect(check('Invoice', { platform_id: 'i', sub_total: 100, line_items: [] })).toEqual([]);
    expect(check('Invoice', { platform_id: 'i', sub_total: null, line_items: lines([1]) })).toEqual([]);
    expect(check('Invoice', { platform_id: 'i', sub_total: 5, line_items: [{ sub_total: null }] })).toEqual([]);
  });

  it('report-tree checks every heading against its lines, at every depth', () => {
    const line = (name: string, value: number, line_items: unknown[] = []) => ({
      name,
      value,
      account_id: null,
      line_items,
    });
    const sheet = {
      platform_id: '2024-01-01_2024-03-31',
      net_assets: 100,
      assets: [line('Assets', 150, [line('Current', 150, [line('Cash', 100), line('Bank', 40)])])],
      liabilities: [line('Liabilities', 50)],
      equity: [line('Equity', 100)],
    };
    expect(check('BalanceSheet', sheet)).toEqual([
      expect.objectContaining({
        kind: 'report-tree',
        pointer: '/assets/0/line_items/0/value',
        message: 'the value of heading "Current" is not the sum of its 2 line_items',
        expected: '140 ± 0.02',
        found: '150',
      }),
    ]);
    expect(check('BalanceSheet', { ...sheet, net_assets: 90 })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'totals',
          pointer: '/net_assets',
          message: 'net_assets is not assets/*/value − liabilities/*/value (150 − 50)',
          expected: '100 ± 0.02',
          found: '90',
        }),
        expect.objectContaining({
          kind: 'totals',
          pointer: '/net_assets',
          message: 'net_assets is not equity/*/value (100)',
          expected: '100 ± 0.01',
          found: '90',
        }),
      ]),
    );
  });

  it('allocations: an unapplied remainder is an error unless it is its own PaymentOnAccount allocation; links offset their allocation', () => {
    const link = (type: string, amount: number, currency_rate: number | null = 1) => ({
      type,
      id: type === 'PaymentOnAccount' ? null : 'x',
      amount,
      currency_rate,
    });
    const short = { platform_id: 'p', amount: 2000, allocations: [{ amount: 1000, links: [link('Invoice', -1000)] }] };
    expect(check('InvoicePayment', short)).toEqual([
      expect.objectContaining({
        kind: 'allocations',
        pointer: '/allocations',
        message:
          'the 1 allocations add up to 1000, 1000 short of the amount 2000, and an unapplied part must be an allocation linked to PaymentOnAccount',
        expected: '2000 ± 0.01',
        found: '1000',
      }),
    ]);
    expect(
      check('InvoicePayment', {
        ...short,
        allocations: [...short.allocations, { amount: 1000, links: [link('PaymentOnAccount', -1000)] }],
      }),
    ).toEqual([]);
    // A link in another currency: 800 EUR at 1.25 (payment currency per EUR) settles 1000.
    expect(
      check('InvoicePayment', {
        platform_id: 'p',
        amount: 1000,
        allocations: [{ amount: 1000, links: [link('Invoice', -800, 1.25)] }],
      }),
    ).toEqual([]);
    expect(
      check('InvoicePayment', {
        platform_id: 'p',
        amount: 1000,
        allocations: [{ amount: 1000, links: [link('Invoice', -800)] }],
      }),
    ).toEqual([
      expect.objectContaining({
        kind: 'allocations',
        pointer: '/allocations/0/links',
        expected: '-1000 ± 0.01',
        found: '-800',
      }),
    ]);
  });

  it('calendar-date: a date-only field is midnight UTC, with no time and no offset', () => {
    expect(
      check('Invoice', { platform_id: 'i', posted_date: '2024-02-29T23:00:00.000Z', due_date: '2024-03-31T00:00:00Z' }),
    ).toEqual([
      expect.objectContaining({
        kind: 'calendar-date',
        pointer: '/posted_date',
        expected: 'YYYY-MM-DDT00:00:00.000Z',
        found: '"2024-02-29T23:00:00.000Z"',
      }),
      expect.objectContaining({ kind: 'calendar-date', pointer: '/due_date', found: '"2024-03-31T00:00:00Z"' }),
    ]);
    // Timestamps that are not calendar dates keep their time.
    expect(check('Invoice', { platform_id: 'i', updated_at: '2024-02-29T23:00:00.000Z' })).toEqual([]);
  });

  it("calendar-date reads the platform's dates as written: ISO dates, offsets, Microsoft JSON dates", () => {
    const record = { platform_id: 'i', posted_date: '2024-03-01T00:00:00.000Z' };
    expect(check('Invoice', record, { raw: { DateString: '2024-03-01T00:00:00-08:00' } })).toEqual([]);
    expect(check('Invoice', record, { raw: { Date: '/Date(1709251200000+0000)/' } })).toEqual([]);
    expect(check('Invoice', record, { raw: { Date: '/Date(1709164800000+0000)/' } })).toEqual([
      expect.objectContaining({
        kind: 'calendar-date',
        expected: '"2024-02-29T00:00:00.000Z" (the nearest date the platform record gives)',
      }),
    ]);
    expect(check('Invoice', record, { raw: { Date: 'last Friday' } })).toEqual([]);
  });

  it('calendar-date reads dates printed for people: day, month name and year; slashed dates both ways', () => {
    const record = { platform_id: 'i', posted_date: '2024-03-01T00:00:00.000Z' };
    expect(check('Invoice', record, { raw: { Header: '1 Mar 2024' } })).toEqual([]);
    expect(check('Invoice', record, { raw: { Title: ['1 March 2024'] } })).toEqual([]);
    expect(check('Invoice', record, { raw: { Header: '1 Mar 24' } })).toEqual([]);
    expect(check('Invoice', record, { raw: { Title: 'From 1 March 2024 to 31 March 2024' } })).toEqual([]);
    expect(check('Invoice', record, { raw: { fromDate: '3/1/2024' } })).toEqual([]);
    expect(check('Invoice', record, { raw: { fromDate: '1/3/2024' } })).toEqual([]);
    expect(check('Invoice', record, { raw: { Header: '29 Feb 2024' } })).toEqual([
      expect.objectContaining({
        kind: 'calendar-date',
        expected: '"2024-02-29T00:00:00.000Z" (the nearest date the platform record gives)',
      }),
    ]);
    expect(check('Invoice', record, { raw: { Header: '31 Feb 2024', Other: '13/13/2024' } })).toEqual([]);
  });

  it('references: nested IDs and ID lists; external pointers with * cover every element', () => {
    const entry = {
      platform_id: 'j',
      journal_lines: [
        { type: 'Debit', account_id: 'A-1', tracking_category_ids: ['T-1'] },
        { type: 'Credit', account_id: 'A-9' },
      ],
    };
    expect(check('JournalEntry', entry).map((f) => [f.kind, f.pointer, f.found])).toEqual([
      ['references', '/journal_lines/0/tracking_category_ids/0', '"T-1"'],
      ['references', '/journal_lines/1/account_id', '"A-9"'],
    ]);
    expect(
      check('JournalEntry', entry, {
        external: ['/journal_lines/*/tracking_category_ids', '/journal_lines/1/account_id'],
      }),
    ).toEqual([]);
    expect(coveredBy('/line_items/2/item_id', '/line_items/*/item_id')).toBe(true);
    expect(coveredBy('/line_items/2/tax_id', '/line_items/*/item_id')).toBe(false);
    expect(coveredBy('/sales_order_ids/1', '/sales_order_ids')).toBe(true);
  });

  it('non-negative allows zero and null', () => {
    expect(check('Bill', { platform_id: 'b', total_amount: 0, amount_due: null })).toEqual([]);
    expect(check('Bill', { platform_id: 'b', amount_due: -0.01 })).toEqual([
      expect.objectContaining({ kind: 'non-negative', pointer: '/amount_due', found: '-0.01' }),
    ]);
  });
});

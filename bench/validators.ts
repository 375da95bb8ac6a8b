/** Validators: the generated ones (generated/validators, Ajv's standalone code compiled at
 * generate time) against Ajv compiling the same schema at run time (the document Ajv of
 * generator/validation/document-ajv.ts: Ajv 2020 + ajv-formats, DOCUMENT_AJV_OPTIONS) and against
 * TypeBox 1 (the `typebox` package, the maintained successor of @sinclair/typebox 0.x) compiling
 * the same Invoice written as a TypeBox schema (bench/lib/typebox-schema.ts). Input: the Invoice
 * example of the spec, valid, and a copy broken in three fields; for the invalid one each side
 * also builds its error list (ours: the standalone function's raw `errors`, and validateInvoice's
 * readable issues, what users call; Ajv: `errors`; TypeBox: Errors()).
 * In-process, ops/s, BENCH_VALIDATOR_ROUNDS (7) interleaved rounds of BENCH_VALIDATOR_BATCH
 * (20000) calls (TypeBox's Errors(), some 300× slower: a hundredth of that), median. Run alone
 * with `node --import tsx bench/validators.ts`. */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Compile } from 'typebox/compile';
import { isInvoice, validateInvoice } from '../generated/validators/index.ts';
import * as standalone from '../generated/validators/standalone.js';
import { documentAjv, modelValidator } from '../generator/validation/document-ajv.ts';
import { median } from './lib/processes.ts';
import { formatRate, interleavedRounds, medianRatio, type Contender } from './lib/rounds.ts';
import type { BenchRow } from './lib/table.ts';
import { typeboxModel } from './lib/typebox-schema.ts';

const rounds = Number(process.env.BENCH_VALIDATOR_ROUNDS ?? 7);
const batch = Number(process.env.BENCH_VALIDATOR_BATCH ?? 20000);

type Json = Record<string, unknown>;
const document = JSON.parse(readFileSync(new URL('../generated/openapi.json', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, Json> };
};
const invoiceSchema = document.components.schemas.Invoice as Json;
const valid = (invoiceSchema.examples as Json[])[0] as Json;
/** Three fields wrong: a type, an enum value, a date-time format. */
const invalid = { ...valid, total_amount: 'lots', status: 'Lost', due_date: 'next week' };

function validators() {
  const ajv = modelValidator(documentAjv(document as unknown as Json), 'Invoice');
  const typebox = Compile(typeboxModel(document.components.schemas, 'Invoice'));
  return { ajv, typebox };
}

/** Each side must agree on which record is valid, or the race means nothing. */
function checkVerdicts({ ajv, typebox }: ReturnType<typeof validators>): void {
  const verdicts = {
    ledgerspec: [isInvoice(valid), isInvoice(invalid)],
    ajv: [ajv(valid), ajv(invalid)],
    typebox: [typebox.Check(valid), typebox.Check(invalid)],
  };
  for (const [side, [ok, broken]] of Object.entries(verdicts)) {
    if (ok !== true || broken !== false)
      throw new Error(`bench/validators: ${side} says valid=${ok}, invalid=${broken}`);
  }
}

function contenders({ ajv, typebox }: ReturnType<typeof validators>): Contender[] {
  const loop = (label: string, call: () => unknown): Contender => ({
    label,
    batch: (n) => {
      let last: unknown;
      for (let i = 0; i < n; i++) last = call();
      return last;
    },
  });
  return [
    loop('ledgerspec isInvoice, valid', () => isInvoice(valid)),
    loop('Ajv, valid', () => ajv(valid)),
    loop('TypeBox, valid', () => typebox.Check(valid)),
    loop('ledgerspec validateInvoice, invalid', () => validateInvoice(invalid)),
    loop('Ajv + errors, invalid', () => ajv(invalid) || ajv.errors),
    loop(
      'ledgerspec standalone Invoice + errors, invalid',
      () => standalone.Invoice(invalid) || standalone.Invoice.errors,
    ),
    { ...loop('TypeBox + Errors(), invalid', () => typebox.Check(invalid) || typebox.Errors(invalid)), share: 0.01 },
  ];
}

export async function measure(): Promise<BenchRow[]> {
  const compiled = validators();
  checkVerdicts(compiled);
  const list = contenders(compiled);
  const rates = await interleavedRounds(list, rounds, batch);
  const row = (ours: number, peer: number, work: string, goal: string): BenchRow => ({
    work: `${work} (${rounds} interleaved rounds of ${batch} calls, median)`,
    ours: `${list[ours]!.label}: ${formatRate(median(rates[ours]!), 'ops/s')}`,
    peer: `${list[peer]!.label}: ${formatRate(median(rates[peer]!), 'ops/s')}`,
    ratio: medianRatio(rates[ours]!, rates[peer]!),
    goal,
  });
  return [
    row(0, 1, "generated validator vs Ajv compiled at run time, the spec's Invoice example, ops/s", '≥ 1×'),
    row(0, 2, 'generated validator vs TypeBox 1 Compile, same Invoice, ops/s', 'reference'),
    row(
      5,
      4,
      "generated standalone validator vs Ajv, an Invoice with 3 bad fields, with Ajv's raw errors, ops/s",
      '≥ 1×',
    ),
    row(
      3,
      4,
      "validateInvoice (errors turned into readable issues) vs Ajv's raw errors, same bad Invoice, ops/s",
      'reference',
    ),
    row(3, 6, 'validateInvoice vs TypeBox 1 Check + Errors(), same bad Invoice, ops/s', 'reference'),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { formatTable } = await import('./lib/table.ts');
  process.stdout.write(`${formatTable(await measure())}\n`);
}

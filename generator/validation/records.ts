import { basename, dirname, extname } from 'node:path';
import { snakeCase } from 'change-case';
import type { ModelIR, SpecIR } from '../ir/model.ts';
import { isObject } from '../source/schema-walk.ts';

/** One record inside a file, with its JSON pointer in that file. */
export interface RecordAt {
  pointer: string;
  value: unknown;
}

/** The records a file holds: an array of records, a list envelope `{ data: [...] }`, a single
 * record envelope `{ data: {...} }`, or one record. An object counts as an envelope only when
 * the model itself has no `data` property. */
export function recordsOf(data: unknown, model: ModelIR): RecordAt[] {
  if (Array.isArray(data)) return data.map((value, i) => ({ pointer: `/${i}`, value }));
  const ownsData = isObject(model.schema.properties) && 'data' in model.schema.properties;
  if (isObject(data) && !ownsData && 'data' in data) {
    const inner = data.data;
    if (Array.isArray(inner)) return inner.map((value, i) => ({ pointer: `/data/${i}`, value }));
    if (isObject(inner)) return [{ pointer: '/data', value: inner }];
  }
  return [{ pointer: '', value: data }];
}

interface Candidate {
  tokens: string[];
  model: ModelIR;
}

/** Every way a path or `--entity` may name a model: its name, its snake_case, and for entities the
 * x-entity; sub-models also by a plain English plural. Compared as snake_case tokens. */
function candidates(ir: SpecIR): Candidate[] {
  const byName = new Map(ir.models.map((m) => [m.name, m]));
  const list: Candidate[] = [];
  for (const model of ir.models) {
    const snake = snakeCase(model.name);
    list.push({ tokens: snake.split('_'), model });
    if (model.kind === 'model') list.push({ tokens: plural(snake).split('_'), model });
  }
  for (const entity of ir.entities) {
    const model = byName.get(entity.title);
    if (model) list.push({ tokens: entity.name.split('_'), model });
  }
  return list;
}

function plural(snake: string): string {
  if (/[^aeiou]y$/.test(snake)) return `${snake.slice(0, -1)}ies`;
  return /(s|x|z|ch|sh)$/.test(snake) ? `${snake}es` : `${snake}s`;
}

/** The model `--entity` names: an x-entity (`invoice_payments`), a model name (`InvoicePayment`,
 * `InvoicePaymentCreate`), or either in snake or kebab case. */
export function modelNamed(ir: SpecIR, name: string): ModelIR | undefined {
  const exact = ir.models.find((m) => m.name === name);
  if (exact) return exact;
  const wanted = snakeCase(name);
  return candidates(ir).find((c) => c.tokens.join('_') === wanted)?.model;
}

export type Inference = { model: ModelIR } | { ambiguous: string[] } | { none: true };

/** The model a file's path names: its file stem first, then its folders from the nearest up. In
 * each, the longest run of snake_case tokens naming a model wins (`seed-002-invoice-payment`
 * names InvoicePayment, not Invoice); two different models of that length are ambiguous. */
export function inferModel(ir: SpecIR, path: string): Inference {
  const all = candidates(ir);
  const segments = [basename(path, extname(path)), ...dirname(path).split(/[\\/]/).reverse()].filter(
    (s) => s && s !== '.' && s !== '..',
  );
  const tokenized = segments.map((segment) => snakeCase(segment).split('_'));
  // A segment that is exactly a name (`fixtures/bill_payments/to_bill.json`) beats one that only
  // contains a name; among those, the nearest to the file wins.
  for (const tokens of tokenized) {
    const exact = unique(all.filter((c) => c.tokens.join('_') === tokens.join('_')));
    if (exact) return exact;
  }
  for (const tokens of tokenized) {
    const found = all.filter((c) => containsRun(tokens, c.tokens));
    if (found.length === 0) continue;
    const longest = Math.max(...found.map((c) => c.tokens.length));
    return (
      unique(found.filter((c) => c.tokens.length === longest)) ?? {
        ambiguous: [...new Set(found.filter((c) => c.tokens.length === longest).map((c) => c.model.name))].sort(),
      }
    );
  }
  return { none: true };
}

function unique(found: Candidate[]): Inference | undefined {
  const models = [...new Set(found.map((c) => c.model))];
  const [only] = models;
  return models.length === 1 && only ? { model: only } : undefined;
}

function containsRun(haystack: string[], needle: string[]): boolean {
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((token, j) => haystack[i + j] === token)) return true;
  }
  return false;
}

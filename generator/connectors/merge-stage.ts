import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import type { SpecIR } from '../ir/model.ts';
import { listConnectors } from './layout.ts';
import { mappingFacts, type EntityMappingFacts } from './mapped-fields.ts';
import { mergeMapping, type MappingMerge } from './merge-mapping.ts';
import { readUtf8 } from './merge/read-utf8.ts';
import { toPosix } from '../source/spec-sources.ts';

/** The merge of one mapping file: its new text when that differs, and what changed. */
export interface MappingUpdate {
  /** Relative to the connectors folder: `xero/mappings/invoices.ts`. */
  path: string;
  /** The merged text; undefined when the file is already in step with the spec. */
  contents?: string;
  added: string[];
  flagged: string[];
}

/** The `generate` stage that keeps every connector's mappings in step with the spec (see
 * mergeMapping). Reads only; the caller writes `contents` of the updates that have it. */
export function mergeConnectorMappings(ir: SpecIR, connectorsDir: string): { updates: MappingUpdate[]; diagnostics: Diagnostic[] } {
  const facts = new Map(mappingFacts(ir).map((f) => [f.entity, f]));
  const updates: MappingUpdate[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const connector of listConnectors(connectorsDir)) {
    for (const { entity, file } of connector.mappings) {
      const path = toPosix(relative(connectorsDir, file));
      const entityFacts = facts.get(entity);
      if (!entityFacts) {
        diagnostics.push(diagnostic('mapping-unknown-entity', file, `no accounting entity ${JSON.stringify(entity)} in the spec; the file is left as it is (rename or delete it)`));
        continue;
      }
      const { text, merged } = mergeMappingFile(file, entityFacts);
      diagnostics.push(...mergeDiagnostics(file, merged));
      updates.push({ path, added: merged.added, flagged: merged.flagged, ...(merged.text === text ? {} : { contents: merged.text }) });
    }
  }
  return { updates, diagnostics };
}

/** A file that does not parse is an error: it cannot be merged, and writing generated/ without
 * it would leave that connector behind the spec with nothing in it to show so. Everything else the
 * merge reports is a warning. */
function mergeDiagnostics(file: string, merged: MappingMerge): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { syntax, problem } = merged;
  if (syntax) out.push({ ...diagnostic('mapping-syntax', file, `does not parse: ${syntax.message}; the file is left as it is: fix it and run generate again`, syntax.line), severity: 'error', column: syntax.column });
  if (problem) out.push(diagnostic('mapping-not-mergeable', file, `${problem.message}; the file is left as it is`, problem.line));
  for (const note of merged.byHand) out.push(diagnostic('mapping-merge-by-hand', file, note.message, note.line));
  for (const field of merged.flagged) out.push(diagnostic('mapping-field-removed', file, `${field} is no longer in the spec: its entry is flagged and the type check fails until it is deleted`));
  return out;
}

/** A warning about one mapping file. */
function diagnostic(code: string, file: string, message: string, line?: number): Diagnostic {
  return { code, severity: 'warning', message, file: relative(process.cwd(), file) || file, pointer: '', ...(line ? { line } : {}) };
}

/** One mapping file as it is on disk and merged with the spec (generate and scaffold both use it). */
export function mergeMappingFile(file: string, facts: EntityMappingFacts): { text: string; merged: MappingMerge } {
  const read = readUtf8(readFileSync(file));
  if ('syntax' in read) return { text: read.text, merged: { text: read.text, added: [], flagged: [], byHand: [], syntax: read.syntax } };
  return { text: read.text, merged: mergeMapping(read.text, facts) };
}

import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import type { SpecIR } from '../ir/model.ts';
import { listConnectors } from './layout.ts';
import { mappingFacts, type EntityMappingFacts } from './mapped-fields.ts';
import { mergeMapping, type MappingMerge } from './merge-mapping.ts';
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
        diagnostics.push(warning('mapping-unknown-entity', file, `no accounting entity ${JSON.stringify(entity)} in the spec; the file is left as it is (rename or delete it)`));
        continue;
      }
      const { text, merged } = mergeMappingFile(file, entityFacts);
      if (merged.problem) diagnostics.push(warning('mapping-not-mergeable', file, `${merged.problem}; the file is left as it is`));
      for (const field of merged.flagged) diagnostics.push(warning('mapping-field-removed', file, `${field} is no longer in the spec: its entry is flagged and the type check fails until it is deleted`));
      updates.push({ path, added: merged.added, flagged: merged.flagged, ...(merged.text === text ? {} : { contents: merged.text }) });
    }
  }
  return { updates, diagnostics };
}

function warning(code: string, file: string, message: string): Diagnostic {
  return { code, severity: 'warning', message, file: relative(process.cwd(), file) || file, pointer: '' };
}

/** One mapping file as it is on disk and merged with the spec (generate and scaffold both use it). */
export function mergeMappingFile(file: string, facts: EntityMappingFacts): { text: string; merged: MappingMerge } {
  const text = readFileSync(file, 'utf8');
  return { text, merged: mergeMapping(text, facts) };
}

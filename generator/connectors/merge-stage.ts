import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Memo } from '../cache/memo.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { SpecIR } from '../ir/model.ts';
import { listConnectors } from '../shared/connector-layout.ts';
import { mappingFacts, type EntityMappingFacts, type MappedField } from '../shared/mapped-fields.ts';
import type { MappingMerge } from './merge-mapping.ts';
import { readUtf8 } from '../shared/read-utf8.ts';
import { toPosix } from '../source/spec-sources.ts';
import type { MappingUpdate } from '../shared/mapping-update.ts';

/** The `generate` stage that keeps every connector's mappings in step with the spec (see
 * mergeMapping). Reads only; the caller writes `contents` of the updates that have it. A file's
 * merge is a pure function of its text and its entity's fields, so with a memo the verdict on a file
 * already in step is remembered, and a run where every file is needs no TypeScript parser at all. */
export async function mergeConnectorMappings(
  ir: SpecIR,
  connectorsDir: string,
  memo?: Memo,
): Promise<{ updates: MappingUpdate[]; diagnostics: Diagnostic[] }> {
  const facts = new Map(mappingFacts(ir).map((f) => [f.entity, f]));
  const updates: MappingUpdate[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const connector of listConnectors(connectorsDir)) {
    for (const { entity, file } of connector.mappings) {
      const path = toPosix(relative(connectorsDir, file));
      const entityFacts = facts.get(entity);
      if (!entityFacts) {
        diagnostics.push(
          diagnostic(
            'mapping-unknown-entity',
            file,
            `no accounting entity ${JSON.stringify(entity)} in the spec; the file is left as it is (rename or delete it)`,
          ),
        );
        continue;
      }
      const { text, merged } = await mergedFile(file, entityFacts, memo);
      diagnostics.push(...mergeDiagnostics(file, merged));
      updates.push({
        path,
        added: merged.added,
        flagged: merged.flagged,
        ...(merged.text === text ? {} : { contents: merged.text }),
      });
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
  if (syntax)
    out.push({
      ...diagnostic(
        'mapping-syntax',
        file,
        `does not parse: ${syntax.message}; the file is left as it is: fix it and run generate again`,
        syntax.line,
      ),
      severity: 'error',
      column: syntax.column,
    });
  if (problem)
    out.push(diagnostic('mapping-not-mergeable', file, `${problem.message}; the file is left as it is`, problem.line));
  for (const note of merged.byHand) out.push(diagnostic('mapping-merge-by-hand', file, note.message, note.line));
  for (const field of merged.flagged)
    out.push(
      diagnostic(
        'mapping-field-removed',
        file,
        `${field} is no longer in the spec: its entry is flagged and the type check fails until it is deleted`,
      ),
    );
  return out;
}

/** A warning about one mapping file. */
function diagnostic(code: string, file: string, message: string, line?: number): Diagnostic {
  return {
    code,
    severity: 'warning',
    message,
    file: relative(process.cwd(), file) || file,
    pointer: '',
    ...(line ? { line } : {}),
  };
}

/** mergeMappingFile, through the memo when there is one. What is kept is the verdict without the
 * text (which is the file's own when unchanged); a file the merge changes is merged every time.
 * The key leaves the fields' descriptions out: they are only the text of `todo(...)` entries the
 * merge adds, and a file it adds nothing to is in step whatever they say (a description edited
 * in the spec then needs no TypeScript parser either). */
async function mergedFile(
  file: string,
  facts: EntityMappingFacts,
  memo: Memo | undefined,
): Promise<{ text: string; merged: MappingMerge }> {
  const bytes = readFileSync(file);
  const merge = async () => (await import('./merge-mapping-file.ts')).mergeMappingFile(file, facts, bytes);
  if (!memo) return merge();
  let fresh: { text: string; merged: MappingMerge } | undefined;
  const verdict = await memo.async(
    'mapping-merge',
    [file, bytes.toString('latin1'), JSON.stringify(withoutDescriptions(facts))],
    async () => {
      fresh = await merge();
      return JSON.stringify(fresh.merged.text === fresh.text ? { ...fresh.merged, text: null } : { changed: true });
    },
  );
  if (fresh) return fresh;
  const kept = JSON.parse(verdict) as Omit<MappingMerge, 'text'> | { changed: true };
  if ('changed' in kept) return merge();
  const { text } = readUtf8(bytes);
  return { text, merged: { ...kept, text } };
}

function withoutDescriptions(facts: EntityMappingFacts): EntityMappingFacts {
  const names = (fields: MappedField[]) => fields.map(({ name }) => ({ name, description: '' }));
  return {
    ...facts,
    readFields: names(facts.readFields),
    ...(facts.write ? { write: { ...facts.write, fields: names(facts.write.fields) } } : {}),
  };
}

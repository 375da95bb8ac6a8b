import { readFileSync } from 'node:fs';
import type { EntityMappingFacts } from '../shared/mapped-fields.ts';
import { mergeMapping, type MappingMerge } from './merge-mapping.ts';
import { readUtf8 } from '../shared/read-utf8.ts';

/** One mapping file as it is on disk and merged with the spec (generate and scaffold both use it). */
export function mergeMappingFile(
  file: string,
  facts: EntityMappingFacts,
  bytes: Buffer = readFileSync(file),
): { text: string; merged: MappingMerge } {
  const read = readUtf8(bytes);
  if ('syntax' in read)
    return { text: read.text, merged: { text: read.text, added: [], flagged: [], byHand: [], syntax: read.syntax } };
  return { text: read.text, merged: mergeMapping(read.text, facts) };
}

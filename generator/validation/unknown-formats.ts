import type { Ajv2020 } from 'ajv/dist/2020.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { isObject } from '../source/schema-walk.ts';

/** Formats ledgerspec's validators check (ajv-formats' full set, OpenAPI's int32…password among them). */
export const KNOWN_FORMATS: ReadonlySet<string> = new Set(Object.keys(fullFormats));

/** Every `format` the document uses that the validators do not know is accepted as any string
 * (Ajv's strict mode would refuse to compile). `lint` reports each one at its line: an error under
 * the house rules, a warning with --no-house-rules, where the spec may be someone else's. */
export function ignoreUnknownFormats(ajv: Ajv2020, document: unknown): void {
  const unknown = new Set<string>();
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    if (!isObject(node)) continue;
    if (typeof node.format === 'string' && !KNOWN_FORMATS.has(node.format)) unknown.add(node.format);
    for (const [key, value] of Object.entries(node))
      if (key !== 'examples' && key !== 'example' && key !== 'enum' && key !== 'const' && key !== 'default')
        stack.push(value);
  }
  for (const format of [...unknown].sort()) ajv.addFormat(format, true);
}

import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import type { ResourcePathFile } from './path-items.ts';

const AREA_GROUPS: Record<string, string> = { core: 'Core API', accounting: 'Accounting' };

/** Adds a resource to the root document's text: its tag (and tag group), its paths and its
 * component schema. Edits the YAML document in place so comments and layout survive; entries
 * that already exist are left as they are. */
export function registerResource(
  rootText: string,
  file: ResourcePathFile,
  area: string,
  schema: { name: string; specPath: string },
): string {
  const doc = parseDocument(rootText);
  addTag(doc, file.tag, AREA_GROUPS[area] ?? area);
  for (const [url, ref] of Object.entries(file.rootPaths))
    if (!doc.hasIn(['paths', url])) doc.setIn(['paths', url], doc.createNode(ref));
  if (!doc.hasIn(['components', 'schemas', schema.name]))
    doc.setIn(['components', 'schemas', schema.name], doc.createNode({ $ref: schema.specPath }));
  return doc.toString({ lineWidth: 100 });
}

/** Adds a shared sub-model's component entry. */
export function registerSchema(rootText: string, schema: { name: string; specPath: string }): string {
  const doc = parseDocument(rootText);
  if (!doc.hasIn(['components', 'schemas', schema.name]))
    doc.setIn(['components', 'schemas', schema.name], doc.createNode({ $ref: schema.specPath }));
  return doc.toString({ lineWidth: 100 });
}

function addTag(doc: Document, tag: { name: string; description: string }, group: string): void {
  // A root document without tags gets the list (it was an internal error); any other value
  // would have failed lint already, which runs on the spec before anything is scaffolded.
  if (!doc.has('tags')) doc.set('tags', doc.createNode([]));
  const tags = doc.get('tags', true);
  if (!isSeq(tags)) throw new Error('openapi.yaml: `tags` must be a list');
  const known = tags.items.some((t) => isMap(t) && t.get('name') === tag.name);
  if (!known) tags.items.push(doc.createNode(tag));
  const groups = doc.get('x-tagGroups', true);
  if (!isSeq(groups)) return;
  const entry = groups.items.find((g) => isMap(g) && g.get('name') === group);
  const list = isMap(entry) ? entry.get('tags', true) : undefined;
  if (isSeq(list) && !list.items.some((t) => String((t as { value?: unknown }).value ?? t) === tag.name))
    list.items.push(doc.createNode(tag.name));
}

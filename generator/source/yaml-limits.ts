import { isNode, Parser, visit, type Document } from 'yaml';

/** Limits on what a spec file may hold, so a hostile or broken file is a diagnostic, not a crash
 * or an exhausted machine. Far above any real spec (the project's deepest file nests 23 levels). */
export const YAML_LIMITS = {
  /** Bytes in one spec file. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Nested mappings and sequences in one file (a schema level is two: `properties:` and the name). */
  maxNesting: 128,
  /** Alias expansions while converting a file to JSON (the `yaml` library's own `maxAliasCount`):
   * a billion-laughs file needs millions. */
  maxAliasCount: 100,
} as const;

/** Tags whose meaning is a JSON value; any other (`!!binary`, `!!set`, `!custom`) is not JSON. */
const JSON_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/** Offset of the first collection nested deeper than the limit, found on the parser's concrete
 * syntax tree with an explicit stack: the `yaml` composer recurses once per level and overflows
 * the call stack near 1,000 levels, so the depth is checked before composing. */
export function offsetTooDeep(text: string, limit: number = YAML_LIMITS.maxNesting): number | undefined {
  const stack: { token: unknown; depth: number }[] = [];
  for (const token of new Parser().parse(text)) stack.push({ token, depth: 0 });
  while (stack.length > 0) {
    const { token, depth } = stack.pop() as { token: unknown; depth: number };
    if (typeof token !== 'object' || token === null) continue;
    const type = (token as { type?: unknown }).type;
    const here = typeof type === 'string' && COLLECTIONS.has(type) ? depth + 1 : depth;
    if (here > limit) return (token as { offset?: number }).offset ?? 0;
    for (const child of Object.values(token)) if (typeof child === 'object' && child !== null) stack.push({ token: child, depth: here });
  }
  return undefined;
}

/** Offset and name of the first explicit tag that is not a JSON type, if any. */
export function firstNonJsonTag(doc: Document): { offset: number; tag: string } | undefined {
  let found: { offset: number; tag: string } | undefined;
  visit(doc, {
    Node: (_key, node) => {
      if (!isNode(node) || !node.tag || JSON_TAGS.has(node.tag)) return undefined;
      found = { offset: node.range?.[0] ?? 0, tag: node.tag.replace(/^tag:yaml\.org,2002:/, '!!') };
      return visit.BREAK;
    },
  });
  return found;
}

/** Offset of the first alias, where an alias bomb starts. */
export function firstAlias(doc: Document): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Alias: (_key, node) => {
      found = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return found;
}

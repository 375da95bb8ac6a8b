import { isNode, visit, type CST, type Document } from 'yaml';

type Token = CST.Token;

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

/** Where the first collection nested deeper than the limit starts: its offset and the JSON
 * pointer of its value. Found on the parser's concrete syntax tree with an explicit stack: the
 * `yaml` composer recurses once per level and overflows the call stack near 1,000 levels, so the
 * depth is checked before composing. Takes the tokens the caller then composes, so a file is
 * tokenized once (tokenizing is half of parsing YAML). */
export function tooDeep(
  tokens: readonly Token[],
  limit: number = YAML_LIMITS.maxNesting,
): { offset: number; pointer: string } | undefined {
  const stack: { token: CstToken; depth: number; path: string[] }[] = [];
  for (const token of tokens) stack.push({ token: token as CstToken, depth: 0, path: [] });
  while (stack.length > 0) {
    const { token, depth, path } = stack.pop() as (typeof stack)[number];
    if (token.type === 'document' && token.value) stack.push({ token: token.value, depth, path });
    if (!token.type || !COLLECTIONS.has(token.type)) continue;
    if (depth + 1 > limit)
      return {
        offset: token.offset ?? 0,
        pointer: path.map((t) => `/${t.replace(/~/g, '~0').replace(/\//g, '~1')}`).join(''),
      };
    const isSeq = token.type === 'block-seq' || (token.type === 'flow-collection' && token.start?.source === '[');
    (token.items ?? []).forEach((item, i) => {
      if (item.value)
        stack.push({ token: item.value, depth: depth + 1, path: [...path, isSeq ? String(i) : keyText(item.key)] });
    });
  }
  return undefined;
}

/** The parts of a concrete syntax tree token this module reads. */
interface CstToken {
  type?: string;
  offset?: number;
  source?: string;
  start?: { source?: string };
  value?: CstToken;
  items?: { key?: CstToken; value?: CstToken }[];
}

/** A map key as written, quotes taken off. */
function keyText(key: CstToken | undefined): string {
  const source = key?.source ?? '';
  if (key?.type === 'single-quoted-scalar') return source.slice(1, -1).replace(/''/g, "'");
  if (key?.type === 'double-quoted-scalar') return source.slice(1, -1);
  return source;
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

import { readFileSync, statSync } from 'node:fs';
import {
  Composer,
  LineCounter,
  Parser,
  YAMLParseError,
  isMap,
  isNode,
  isScalar,
  isSeq,
  type CST,
  type Document,
} from 'yaml';
import pointer from 'json-pointer';
import { DiagnosticError, type Diagnostic } from '../diagnostics.ts';
import { parseThroughCache, type ParseCache } from './parse-cache.ts';
import { firstAlias, firstNonJsonTag, tooDeep, YAML_LIMITS } from './yaml-limits.ts';

/** A parsed YAML (or JSON) file that remembers where each value came from, so diagnostics can
 * name the line of any JSON pointer into it. */
export interface SourceFile {
  /** Path as given (used verbatim in diagnostics). */
  path: string;
  data: unknown;
  /** 1-based line of the value at `ptr`, or of its nearest existing ancestor. */
  lineOf(ptr: string): number | undefined;
}

export function parseSourceText(path: string, text: string): SourceFile {
  const { doc, lineCounter } = composeChecked(path, text);
  const data = toJson(doc, path, lineCounter);
  // The document (a node per value, several times the data's size) is not kept: lines are asked
  // for only when a diagnostic names one, so a file is parsed again then, and a successful run
  // keeps only the data.
  return { path, data, lineOf: positionsOf(path, text) };
}

/** Where each JSON pointer into `text` sits (1-based line), the text parsed when a line is first
 * asked for: for parseSourceText, and for a JSON file read with JSON.parse. A text the parser
 * refuses gives `unparsable` (or throws the DiagnosticError parseSourceText would). */
export function positionsOf(path: string, text: string, unparsable?: number): SourceFile['lineOf'] {
  let lines: { doc: Document; lineCounter: LineCounter } | 'unparsable' | undefined;
  const parsed = () => {
    try {
      return composeChecked(path, text);
    } catch (error) {
      if (unparsable === undefined) throw error;
      return 'unparsable' as const;
    }
  };
  return (ptr) => {
    lines ??= parsed();
    return lines === 'unparsable' ? unparsable : lineOfPointer(lines, ptr);
  };
}

/** The file's document, with the checks that come before its values are read: nesting depth
 * (before composing, which recurses per level), syntax and tags. */
function composeChecked(path: string, text: string): { doc: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const deep = tooDeep(tokens);
  if (deep) {
    const line = text.slice(0, deep.offset).split('\n').length;
    failWith({
      ...yamlDiagnostic(
        'yaml-depth',
        path,
        `nested more than ${YAML_LIMITS.maxNesting} levels deep (mappings and sequences); no spec needs that many`,
        line,
      ),
      pointer: deep.pointer,
    });
  }
  const doc = composeDocument(tokens, text);
  // Only the first error: the parser's later ones are mostly echoes of it.
  const [first] = doc.errors;
  if (first) throw new DiagnosticError([syntaxDiagnostic(path, first.message, lineCounter.linePos(first.pos[0]).line)]);
  const tag = firstNonJsonTag(doc);
  if (tag)
    throw new DiagnosticError([
      yamlDiagnostic(
        'yaml-tag',
        path,
        `the YAML tag ${tag.tag} has no JSON meaning; a spec file holds JSON values only (remove the tag)`,
        lineCounter.linePos(tag.offset).line,
      ),
    ]);
  return { doc, lineCounter };
}

/** The file's one document, composed from tokens already made (what the `yaml` package's
 * `parseDocument` does after tokenizing: the tokens are also what `tooDeep` reads, so a file is
 * tokenized once). A second document in the file is an error, as `parseDocument` makes it. */
function composeDocument(tokens: readonly CST.Token[], text: string): Document {
  let doc: Document | undefined;
  for (const next of new Composer({ uniqueKeys: true }).compose(tokens, true, text.length)) {
    if (doc) {
      const range: [number, number] = [next.range[0], next.range[1]];
      doc.errors.push(
        new YAMLParseError(
          range,
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      );
      break;
    }
    doc = next;
  }
  return doc as Document;
}

/** The document as JSON values; an alias bomb (billion laughs) stops at the alias limit. */
function toJson(doc: Document, path: string, lines: LineCounter): unknown {
  try {
    return doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const line = lines.linePos(firstAlias(doc) ?? 0).line;
    return failWith(
      yamlDiagnostic(
        'yaml-aliases',
        path,
        `aliases expand to too many values (more than ${YAML_LIMITS.maxAliasCount} per alias): write the values out, or use $ref`,
        line,
      ),
    );
  }
}

function failWith(diagnostic: Diagnostic): never {
  throw new DiagnosticError([diagnostic]);
}

/** A spec file's text. A file that cannot be read at all (missing, a folder, a device, too big)
 * is an `input-unreadable` diagnostic: the CLI exits 2 for it, as for any input it cannot read. */
export function loadSourceFile(path: string, cache?: ParseCache): SourceFile {
  let text: string;
  try {
    const stat = statSync(path);
    if (!stat.isFile())
      return failWith(yamlDiagnostic('input-unreadable', path, 'cannot read file: not a regular file'));
    if (stat.size > YAML_LIMITS.maxFileBytes)
      return failWith(
        yamlDiagnostic(
          'input-unreadable',
          path,
          `cannot read file: ${stat.size} bytes, more than the ${YAML_LIMITS.maxFileBytes} a spec file may have`,
        ),
      );
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof DiagnosticError) throw error;
    throw new DiagnosticError([
      yamlDiagnostic('input-unreadable', path, `cannot read file: ${(error as Error).message}`),
    ]);
  }
  return cache ? parseThroughCache(path, text, cache, parseSourceText) : parseSourceText(path, text);
}

function yamlDiagnostic(code: string, file: string, message: string, line?: number): Diagnostic {
  return { code, severity: 'error', message, file, pointer: '', ...(line ? { line } : {}) };
}

function syntaxDiagnostic(file: string, message: string, line?: number): Diagnostic {
  const firstLine = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  return { code: 'yaml-syntax', severity: 'error', message: firstLine, file, pointer: '', ...(line ? { line } : {}) };
}

/** Walks up from the pointer until a node exists, so a missing key still gets its parent's line. */
function lineOfPointer(
  { doc, lineCounter: lines }: { doc: Document; lineCounter: LineCounter },
  ptr: string,
): number | undefined {
  const tokens = ptr === '' ? [] : pointer.parse(ptr);
  let node: unknown = doc.contents;
  let offset = isNode(node) ? node.range?.[0] : undefined;
  for (const token of tokens) {
    const step = childOf(node, token);
    if (!step) break;
    node = step.value;
    offset = step.keyOffset ?? (isNode(step.value) ? step.value.range?.[0] : offset);
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

/** One step of a pointer: a sequence index or a map key (map keys compare as strings, so '200'
 * finds a response code whether it was written quoted or not). The key's offset is preferred:
 * `key:` is the line people look for, the value may start on the next one. */
function childOf(node: unknown, token: string): { value: unknown; keyOffset?: number } | undefined {
  if (isSeq(node)) {
    const value = /^(0|[1-9]\d*)$/.test(token) ? node.items[Number(token)] : undefined;
    return value === undefined ? undefined : { value };
  }
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (key === token) return { value: pair.value, keyOffset: isNode(pair.key) ? pair.key.range?.[0] : undefined };
  }
  return undefined;
}

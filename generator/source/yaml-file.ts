import { readFileSync } from 'node:fs';
import { LineCounter, isMap, isNode, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import pointer from 'json-pointer';
import { DiagnosticError, type Diagnostic } from '../diagnostics.ts';

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
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  // Only the first error: the parser's later ones are mostly echoes of it.
  const [first] = doc.errors;
  if (first) throw new DiagnosticError([syntaxDiagnostic(path, first.message, first.linePos?.[0]?.line)]);
  return { path, data: doc.toJS({ maxAliasCount: 100 }), lineOf: (ptr) => lineOfPointer(doc, lineCounter, ptr) };
}

export function loadSourceFile(path: string): SourceFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DiagnosticError([syntaxDiagnostic(path, `cannot read file: ${(error as Error).message}`)]);
  }
  return parseSourceText(path, text);
}

function syntaxDiagnostic(file: string, message: string, line?: number): Diagnostic {
  const firstLine = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  return { code: 'yaml-syntax', severity: 'error', message: firstLine, file, pointer: '', ...(line ? { line } : {}) };
}

/** Walks up from the pointer until a node exists, so a missing key still gets its parent's line. */
function lineOfPointer(doc: Document, lines: LineCounter, ptr: string): number | undefined {
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

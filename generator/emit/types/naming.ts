import { snakeCase } from 'change-case';
import type { ModelIR } from '../../ir/model.ts';

/** The TypeScript identifier json-schema-to-typescript makes of a name (its `toSafeString`),
 * reimplemented so every name is decided here, before compiling: a name that is already safe
 * comes back unchanged, so json2ts never renames (or counter-suffixes) what we hand it. */
export function safeIdentifier(raw: string): string {
  const safe = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/(^\s*[^a-zA-Z_$])|([^a-zA-Z_$\d])/g, ' ')
    .replace(/^_[a-z]/g, (m) => m.toUpperCase())
    .replace(/_[a-z]/g, (m) => m.slice(1).toUpperCase())
    .replace(/([\d$]+[a-zA-Z])/g, (m) => m.toUpperCase())
    .replace(/\s+([a-zA-Z])/g, (m) => m.trim().toUpperCase())
    .replace(/\s/g, '')
    .replace(/^\d+/, '');
  const upper = safe.charAt(0).toUpperCase() + safe.slice(1);
  return upper || 'Schema';
}

/** First candidate not yet taken, else the first with `Alt` appended until free (never a digit). */
export function claim(candidates: string[], used: Set<string>): string {
  let name = candidates.find((c) => !used.has(c)) ?? (candidates[0] as string);
  while (used.has(name)) name = `${name}Alt`;
  used.add(name);
  return name;
}

export interface ModelName {
  /** The exported type name. */
  ident: string;
  /** File stem under types/, snake_case of the type name. */
  file: string;
}

/** components.schemas key → type name and file stem, unique, decided in model (name) order. */
export function modelNames(models: ModelIR[]): Map<string, ModelName> {
  const idents = new Set<string>();
  const files = new Set<string>();
  const names = new Map<string, ModelName>();
  for (const model of [...models].sort((a, b) => compare(a.name, b.name))) {
    const ident = claim([safeIdentifier(model.name)], idents);
    let file = snakeCase(ident) || 'schema';
    while (files.has(file) || file === 'index') file = `${file}_alt`;
    files.add(file);
    names.set(model.name, { ident, file });
  }
  return names;
}

/** Code-point order: independent of locale, so output is the same on every machine. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

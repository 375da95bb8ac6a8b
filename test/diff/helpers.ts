import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import pointer from 'json-pointer';
import { parse, stringify } from 'yaml';
import { diffSpecs, type ResolvedSpec } from '../../generator/diff/engine.ts';
import type { DiffResult } from '../../generator/diff/model.ts';
import { frontStages } from '../../generator/pipeline/front.ts';

export const DIFF_BASE = new URL('../fixtures/diff-base', import.meta.url).pathname;

/** A temporary copy of the diff fixture, edited by JSON pointer into one of its YAML files. */
export class SpecCopy {
  readonly dir: string;

  constructor(parent: string) {
    this.dir = mkdtempSync(join(parent, 'spec-'));
    cpSync(DIFF_BASE, this.dir, { recursive: true });
  }

  read(file: string): unknown {
    return parse(readFileSync(join(this.dir, file), 'utf8'));
  }

  write(file: string, data: unknown): this {
    const path = join(this.dir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, stringify(data));
    return this;
  }

  /** Replaces the whole document of a file with `edit`'s result. */
  transform(file: string, edit: (doc: unknown) => unknown): this {
    return this.write(file, edit(this.read(file)));
  }

  set(file: string, at: string, value: unknown): this {
    return this.transform(file, (doc) => {
      pointer.set(doc as object, at, value);
      return doc;
    });
  }

  update(file: string, at: string, edit: (value: unknown) => unknown): this {
    return this.transform(file, (doc) => {
      pointer.set(doc as object, at, edit(pointer.get(doc as object, at)));
      return doc;
    });
  }

  remove(file: string, at: string): this {
    return this.transform(file, (doc) => {
      pointer.remove(doc as object, at);
      return doc;
    });
  }

  delete(file: string): this {
    rmSync(join(this.dir, file));
    return this;
  }
}

export function resolveSpec(dir: string, label = dir): ResolvedSpec {
  const sources = frontStages.load({ specDir: dir, rootFile: 'openapi.yaml' });
  return { label, sources, document: frontStages.normalize(frontStages.bundle(sources)) };
}

export function diffFolders(base: string, head: string): DiffResult {
  return diffSpecs(resolveSpec(base, 'base'), resolveSpec(head, 'head'));
}

/** `id level` of every change, deduplicated and sorted: what the corpus asserts. */
export function classification(result: DiffResult): string[] {
  return [...new Set(result.changes.map((c) => `${c.id} ${c.level}`))].sort();
}

/** Reverses the key order of every object: the same schema, written differently. */
export function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}

import type { EntityMeta } from '../generated/server/types.ts';
import { idOf, type Rec } from './spec-data.ts';

/** One stored record and whose books it belongs to (null for core resources, which are global). */
interface Row {
  company: string | null;
  record: Rec;
}

/** The sandbox's in-memory data: rows per entity, in insertion order. */
export class Store {
  private readonly rows = new Map<string, Row[]>();

  /** The records of an entity in one company's books (accounting) or all of them (core). */
  all(meta: EntityMeta, company: string | null): Rec[] {
    return (this.rows.get(meta.name) ?? []).filter((r) => r.company === company).map((r) => r.record);
  }

  find(meta: EntityMeta, company: string | null, id: string): Rec | undefined {
    return this.all(meta, company).find((r) => idOf(meta, r) === id);
  }

  insert(meta: EntityMeta, company: string | null, record: Rec): Rec {
    const rows = this.rows.get(meta.name) ?? [];
    rows.push({ company, record });
    this.rows.set(meta.name, rows);
    return record;
  }

  remove(meta: EntityMeta, company: string | null, id: string): Rec | undefined {
    const rows = this.rows.get(meta.name) ?? [];
    const at = rows.findIndex((r) => r.company === company && idOf(meta, r.record) === id);
    if (at < 0) return undefined;
    const [row] = rows.splice(at, 1);
    return row?.record;
  }

  count(meta: EntityMeta): number {
    return (this.rows.get(meta.name) ?? []).length;
  }
}

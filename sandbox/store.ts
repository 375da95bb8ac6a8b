import type { EntityMeta } from '../generated/server/types.ts';
import { idOf, type Rec } from './spec-data.ts';

/** The sandbox's in-memory data: per entity, per company (null for core resources, which are
 * global), the records in insertion order. Kept by company so that a request reads only its
 * company's books (the benchmark's list endpoint reads them on every request). */
export class Store {
  private readonly books = new Map<string, Map<string | null, Rec[]>>();

  /** The records of an entity in one company's books (accounting) or all of them (core): a copy
   * of the list, so callers may sort or filter it. */
  all(meta: EntityMeta, company: string | null): Rec[] {
    return [...(this.books.get(meta.name)?.get(company) ?? [])];
  }

  find(meta: EntityMeta, company: string | null, id: string): Rec | undefined {
    return this.books
      .get(meta.name)
      ?.get(company)
      ?.find((r) => idOf(meta, r) === id);
  }

  insert(meta: EntityMeta, company: string | null, record: Rec): Rec {
    let byCompany = this.books.get(meta.name);
    if (!byCompany) this.books.set(meta.name, (byCompany = new Map()));
    let records = byCompany.get(company);
    if (!records) byCompany.set(company, (records = []));
    records.push(record);
    return record;
  }

  remove(meta: EntityMeta, company: string | null, id: string): Rec | undefined {
    const records = this.books.get(meta.name)?.get(company) ?? [];
    const at = records.findIndex((r) => idOf(meta, r) === id);
    if (at < 0) return undefined;
    const [record] = records.splice(at, 1);
    return record;
  }

  count(meta: EntityMeta): number {
    let total = 0;
    for (const records of this.books.get(meta.name)?.values() ?? []) total += records.length;
    return total;
  }
}

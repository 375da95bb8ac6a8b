import type { EntityIR, FieldIR } from '../../ir/model.ts';
import { declaredTypes } from '../../source/schema-walk.ts';

/** What a generic implementation (the sandbox) needs to know about one resource, as plain data. */
export interface EntityMetaView {
  name: string;
  title: string;
  area: string;
  idField: string;
  createModel: string | null;
  updateModel: string | null;
  fields: Record<string, FieldMetaView>;
  relations: { field: string; entity: string; expand: string | null; many: boolean }[];
}

export interface FieldMetaView {
  scalar: string | null;
  enum: FieldIR['enumValues'] | null;
  nullable: boolean;
  required: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  sortable: boolean;
  filterable: boolean;
}

export function entityMetaView(entity: EntityIR): EntityMetaView {
  const expandOf = (field: string) => entity.fields.find((f) => f.expands === field)?.name ?? null;
  return {
    name: entity.name,
    title: entity.title,
    area: entity.area,
    // Accounting records are keyed by the platform's ID, core resources by ledgerspec's.
    idField: entity.fields.some((f) => f.name === 'platform_id') ? 'platform_id' : 'id',
    createModel: entity.createModel ?? null,
    updateModel: entity.updateModel ?? null,
    fields: Object.fromEntries(entity.fields.map((f) => [f.name, fieldMeta(f)])),
    relations: entity.fields
      .filter((f) => f.relation)
      .map((f) => ({
        field: f.name,
        entity: String(f.relation),
        expand: expandOf(f.name),
        many: declaredTypes(f.schema).includes('array'),
      })),
  };
}

function fieldMeta(f: FieldIR): FieldMetaView {
  return {
    scalar: f.scalar ?? null,
    enum: f.enumValues ?? null,
    nullable: f.nullable,
    required: f.required,
    readOnly: f.readOnly,
    writeOnly: f.writeOnly,
    sortable: f.sortable,
    filterable: f.filterable,
  };
}

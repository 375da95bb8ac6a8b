/** An in-memory implementation of every handler, built from the generated route table and entity
 * metadata: one generic function per operation kind, plus the core lifecycles. A resource added
 * to the spec is served with no edit here. */
import type { Handlers } from '../generated/server/handlers.ts';
import { recordsContext } from '../generated/connectors/index.ts';
import { ServerError } from '../generated/server/errors.ts';
import { ROUTES } from '../generated/server/routes.ts';
import type { EntityMeta, ListResult, RouteSpec } from '../generated/server/types.ts';
import { LIFECYCLES, type LifecycleContext } from './lifecycle.ts';
import { applyFilter, applySort, present } from './query.ts';
import { corePrefix } from './seed.ts';
import { entity, exampleOf, type Rec } from './spec-data.ts';
import type { Store } from './store.ts';
import { connectorOf } from './seed.ts';
import type { PlatformWrites } from './platform-writes.ts';

/** The lifecycles' context, and the connectors writes go through. */
interface SandboxContext extends LifecycleContext {
  platform: PlatformWrites | undefined;
}

/** What every generic handler reads of its input (the typed interfaces say more, per operation). */
interface Input {
  query: Rec;
  path: Rec;
  body: unknown;
  companyId: string | undefined;
  route: RouteSpec;
  page?: { offset: number; limit: number };
  /** A batch write's record (the plugin calls the handler once per record). */
  record?: Rec;
}

type Handler = (input: Input) => unknown;

export function sandboxHandlers(store: Store, platform?: PlatformWrites): Handlers {
  let seq = 0;
  const ctx: SandboxContext = {
    store,
    platform,
    now: () => new Date().toISOString(),
    newId: (name) => {
      const meta = entity(name);
      seq += 1;
      return meta.area === 'accounting' ? `${meta.name}-new-${seq}` : `${corePrefix(meta)}_new_${seq}`;
    },
  };
  const groups: Record<string, Record<string, Handler>> = {};
  for (const route of ROUTES) (groups[route.entity] ??= {})[route.handler] = implementation(ctx, route);
  return groups as unknown as Handlers;
}

function implementation(ctx: SandboxContext, route: RouteSpec): Handler {
  const meta = entity(route.entity);
  switch (route.kind) {
    case 'list':
      return (input) => list(ctx, meta, input);
    case 'get':
      return (input) => show(ctx, meta, input, read(ctx, meta, input));
    case 'create':
      return (input) => create(ctx, meta, input);
    case 'update':
      return (input) => update(ctx, meta, input);
    case 'delete':
      return (input) => remove(ctx, meta, input);
    default:
      return (input) => action(ctx, meta, input);
  }
}

/** Whose books: the company for accounting resources (404 when unknown), null for core ones. */
function scope(ctx: LifecycleContext, meta: EntityMeta, input: Input): string | null {
  if (meta.area !== 'accounting') return null;
  const id = input.companyId ?? '';
  if (!ctx.store.find(entity('companies'), null, id))
    throw new ServerError('not-found', `No company ${id}.`, {
      details: [{ pointer: '/query/company_id', message: 'no such company' }],
    });
  return id;
}

function list(ctx: LifecycleContext, meta: EntityMeta, input: Input): ListResult<Rec> {
  const company = scope(ctx, meta, input);
  const records = ctx.store.all(meta, company);
  for (const record of records) LIFECYCLES[meta.name]?.onRead?.(ctx, record);
  const matching = applySort(
    meta,
    applyFilter(meta, records, input.query.filter as never),
    input.query.sort as string[] | undefined,
  );
  const { offset, limit } = input.page ?? { offset: 0, limit: 50 };
  const page = matching.slice(offset, offset + limit).map((r) => show(ctx, meta, input, r));
  return { data: page, has_more: offset + limit < matching.length, total_count: matching.length };
}

function read(ctx: LifecycleContext, meta: EntityMeta, input: Input, pointer = '/path/id'): Rec {
  const company = scope(ctx, meta, input);
  const id = String(input.path.id);
  const record = ctx.store.find(meta, company, id);
  if (!record)
    throw new ServerError('not-found', `No ${meta.title} ${id}${company ? ` in company ${company}` : ''}.`, {
      details: [{ pointer, message: 'no such record' }],
    });
  LIFECYCLES[meta.name]?.onRead?.(ctx, record);
  return record;
}

/** The record as the response shows it: with the expansions and selections the query asked for. */
function show(ctx: LifecycleContext, meta: EntityMeta, input: Input, record: Rec): Rec {
  const expand = (input.query.expand as string[] | undefined) ?? [];
  const select = (input.query.select as string[] | undefined) ?? [];
  const company = meta.area === 'accounting' ? (input.companyId ?? null) : null;
  return present(meta, record, expand, select, (target, id) => {
    const targetMeta = entity(target);
    const found = ctx.store.find(targetMeta, targetMeta.area === 'accounting' ? company : null, id);
    return found ? present(targetMeta, found, [], select, () => undefined) : undefined;
  });
}

function create(ctx: SandboxContext, meta: EntityMeta, input: Input): Rec {
  const company = scope(ctx, meta, input);
  const body = input.body as { company_id?: string; data: Rec };
  const data = input.record ?? body.data;
  const now = ctx.now();
  const id = ctx.newId(meta.name);
  const record: Rec = throughPlatform(ctx, meta, company, data, id, now) ?? { ...data, [meta.idField]: id };
  if (meta.area !== 'accounting' && 'company_id' in meta.fields && body.company_id !== undefined) {
    if (!ctx.store.find(entity('companies'), null, body.company_id))
      throw new ServerError('not-found', `No company ${body.company_id}.`, {
        details: [{ pointer: '/company_id', message: 'no such company' }],
      });
    record.company_id = body.company_id;
  }
  if ('created_at' in meta.fields) record.created_at = now;
  if ('updated_at' in meta.fields && record.updated_at === undefined) record.updated_at = now;
  LIFECYCLES[meta.name]?.beforeCreate?.(ctx, record);
  fillRequired(meta, record);
  for (const [name, field] of Object.entries(meta.fields)) if (field.writeOnly) delete record[name];
  ctx.store.insert(meta, company, record);
  LIFECYCLES[meta.name]?.afterCreate?.(ctx, record);
  return show(ctx, meta, input, record);
}

/** The record as the company's platform stores it, when its connector maps writes of the entity
 * (see platform-writes.ts); undefined otherwise. */
function throughPlatform(
  ctx: SandboxContext,
  meta: EntityMeta,
  company: string | null,
  record: Rec,
  platformId: string,
  now: string,
): Rec | undefined {
  const connector = company ? connectorOf(company) : undefined;
  if (!connector || !ctx.platform) return undefined;
  const books = recordsContext((name) => ctx.store.all(entity(name), company));
  return ctx.platform.write({ slug: connector.slug, meta, record, platformId, now, context: books });
}

/** Required fields the body could not set (read-only ones): an enum's first value (the initial
 * state: PENDING, ACTIVE, CREATED), else the spec example's value. */
function fillRequired(meta: EntityMeta, record: Rec): void {
  const example = exampleOf(meta);
  for (const [name, field] of Object.entries(meta.fields)) {
    if (!field.required || record[name] !== undefined) continue;
    const first = field.enum?.find((v) => v !== null);
    record[name] = first !== undefined ? first : example[name];
  }
}

/** A core update names its record in the path; an accounting one is a batch whose records name
 * themselves by platform_id. Connector-backed companies write the whole changed record. */
function update(ctx: SandboxContext, meta: EntityMeta, input: Input): Rec {
  const changes = { ...(input.record ?? (input.body as { data: Rec }).data) };
  const id = input.record ? String(changes[meta.idField]) : String(input.path.id);
  delete changes[meta.idField];
  const record = read(
    ctx,
    meta,
    { ...input, path: { ...input.path, id } },
    input.record ? `/${meta.idField}` : '/path/id',
  );
  const now = ctx.now();
  const written = throughPlatform(
    ctx,
    meta,
    scope(ctx, meta, input),
    { ...writableFields(meta, record), ...changes },
    id,
    now,
  );
  if (written) {
    for (const key of Object.keys(record)) delete record[key];
    Object.assign(record, written);
  } else Object.assign(record, changes);
  if ('updated_at' in meta.fields) record.updated_at = now;
  for (const [name, field] of Object.entries(meta.fields)) if (field.writeOnly) delete record[name];
  return show(ctx, meta, input, record);
}

/** The fields of a stored record a write may set (what a Create record of it holds). Not its
 * raw_data: read, that is the platform's payload; written, it would be passed through to the
 * platform over the changes. */
function writableFields(meta: EntityMeta, record: Rec): Rec {
  return Object.fromEntries(
    Object.entries(record).filter(([name]) => name !== 'raw_data' && meta.fields[name] && !meta.fields[name]?.readOnly),
  );
}

function remove(ctx: LifecycleContext, meta: EntityMeta, input: Input): Rec {
  const record = read(ctx, meta, input);
  ctx.store.remove(meta, scope(ctx, meta, input), String(input.path.id));
  return show(ctx, meta, input, record);
}

/** A lifecycle's action, or (for actions with nothing to change, like a download) the record. */
function action(ctx: LifecycleContext, meta: EntityMeta, input: Input): Rec {
  const record = read(ctx, meta, input);
  const name = input.route.handler;
  LIFECYCLES[meta.name]?.actions?.[name]?.(ctx, record);
  return show(ctx, meta, input, record);
}

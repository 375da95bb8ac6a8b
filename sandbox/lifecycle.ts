/** What makes the core resources behave like the real service: syncs and their jobs move through
 * believable states as they are read, a sync can be cancelled while it runs, a company can be
 * disconnected, and a passthrough call echoes the request. Accounting resources need none of this
 * (they are plain records), so they stay fully generic. */
import { ServerError } from '../generated/server/errors.ts';
import { entities, entity, type Rec } from './spec-data.ts';
import type { Store } from './store.ts';

export interface LifecycleContext {
  store: Store;
  now: () => string;
  newId: (entityName: string) => string;
}

export interface Lifecycle {
  /** Fills in what the service decides on create (the record already has ID, body and timestamps). */
  beforeCreate?: (ctx: LifecycleContext, record: Rec) => void;
  afterCreate?: (ctx: LifecycleContext, record: Rec) => void;
  /** Called before a record is shown; may move it along. */
  onRead?: (ctx: LifecycleContext, record: Rec) => void;
  actions?: Record<string, (ctx: LifecycleContext, record: Rec) => void>;
}

const ACTIVE = new Set(['CREATED', 'RUNNING']);

export const LIFECYCLES: Readonly<Record<string, Lifecycle>> = {
  syncs: {
    beforeCreate(ctx, sync) {
      const company = companyOf(ctx, sync);
      const running = ctx.store
        .all(entity('syncs'), null)
        .some((s) => s.company_id === sync.company_id && ACTIVE.has(String(s.status)));
      if (running)
        throw new ServerError('operation-denied', `A sync of company ${String(sync.company_id)} is already running.`);
      const models = (sync.data_models as string[]) ?? [];
      Object.assign(sync, {
        integration_type: company?.integration_type ?? 'LEDGERSPEC_SANDBOX',
        status: 'CREATED',
        sync_type: 'MANUAL',
        started_at: null,
        ended_at: null,
        counts: { total: models.length, success: 0, failed: 0, running: 0, pending: models.length },
        data_model_results: models.map((data_model) => ({
          data_model,
          status: 'CREATED',
          started_at: null,
          ended_at: null,
          total_count: null,
          success_count: null,
          failed_count: null,
        })),
      });
    },
    afterCreate(ctx, sync) {
      for (const dataModel of sync.data_models as string[]) {
        const now = ctx.now();
        ctx.store.insert(entity('jobs'), null, {
          id: ctx.newId('jobs'),
          company_id: sync.company_id,
          sync_id: sync.id,
          parent_job_id: null,
          job_type: 'PULL',
          data_model: dataModel,
          status: 'CREATED',
          integration_type: sync.integration_type,
          started_at: null,
          ended_at: null,
          error_code: null,
          error: null,
          records_processed: null,
          created_at: now,
          updated_at: now,
        });
      }
    },
    onRead: advanceSync,
    actions: {
      cancel(ctx, sync) {
        if (!ACTIVE.has(String(sync.status)))
          throw new ServerError(
            'operation-denied',
            `Sync ${String(sync.id)} has already ended (${String(sync.status)}).`,
          );
        const now = ctx.now();
        Object.assign(sync, { status: 'CANCELLED', ended_at: now, updated_at: now });
        for (const job of jobsOf(ctx, sync)) {
          if (ACTIVE.has(String(job.status)))
            Object.assign(job, {
              status: 'FAILED',
              ended_at: now,
              updated_at: now,
              error_code: 'operation-denied',
              error: 'Cancelled with its sync.',
            });
        }
        setCompany(ctx, sync, { sync_status: 'IDLE' });
      },
    },
  },
  jobs: {
    onRead(ctx, job) {
      const sync = ctx.store.find(entity('syncs'), null, String(job.sync_id));
      if (sync) advanceSync(ctx, sync);
    },
  },
  companies: {
    actions: {
      disconnect(ctx, company) {
        Object.assign(company, { connection_status: 'DISCONNECTED', updated_at: ctx.now() });
      },
    },
  },
  passthrough: {
    beforeCreate(_ctx, call) {
      const request = {
        method: call.method,
        path: call.path,
        query: call.query ?? {},
        headers: call.headers ?? {},
        body: call.body ?? null,
      };
      call.response = { status: 200, headers: { 'content-type': 'application/json' }, body: { echo: request } };
    },
  },
};

/** One step per read: CREATED → RUNNING → SUCCESS, with its jobs and company in step. */
function advanceSync(ctx: LifecycleContext, sync: Rec): void {
  const now = ctx.now();
  const models = (sync.data_models as string[]) ?? [];
  if (sync.status === 'CREATED') {
    Object.assign(sync, {
      status: 'RUNNING',
      started_at: now,
      updated_at: now,
      counts: { total: models.length, success: 0, failed: 0, running: models.length, pending: 0 },
    });
    sync.data_model_results = models.map((data_model) => ({
      data_model,
      status: 'RUNNING',
      started_at: now,
      ended_at: null,
      total_count: null,
      success_count: null,
      failed_count: null,
    }));
    for (const job of jobsOf(ctx, sync)) Object.assign(job, { status: 'RUNNING', started_at: now, updated_at: now });
    setCompany(ctx, sync, { sync_status: 'RUNNING' });
  } else if (sync.status === 'RUNNING') {
    Object.assign(sync, {
      status: 'SUCCESS',
      ended_at: now,
      updated_at: now,
      counts: { total: models.length, success: models.length, failed: 0, running: 0, pending: 0 },
    });
    sync.data_model_results = models.map((data_model) => {
      const n = recordsOf(ctx, sync, data_model);
      return {
        data_model,
        status: 'SUCCESS',
        started_at: sync.started_at,
        ended_at: now,
        total_count: n,
        success_count: n,
        failed_count: 0,
      };
    });
    for (const job of jobsOf(ctx, sync))
      Object.assign(job, {
        status: 'SUCCESS',
        ended_at: now,
        updated_at: now,
        records_processed: recordsOf(ctx, sync, String(job.data_model)),
      });
    setCompany(ctx, sync, { sync_status: 'IDLE', last_synced_at: now, updated_at: now });
  }
}

function jobsOf(ctx: LifecycleContext, sync: Rec): Rec[] {
  return ctx.store.all(entity('jobs'), null).filter((j) => j.sync_id === sync.id);
}

function companyOf(ctx: LifecycleContext, record: Rec): Rec | undefined {
  return ctx.store.find(entity('companies'), null, String(record.company_id));
}

function setCompany(ctx: LifecycleContext, record: Rec, fields: Rec): void {
  const company = companyOf(ctx, record);
  if (company) Object.assign(company, fields);
}

/** How many records of a data model (INVOICE_PAYMENTS → invoice_payments) the company has. */
function recordsOf(ctx: LifecycleContext, sync: Rec, dataModel: string): number {
  const meta = entities().find((e) => e.name.toUpperCase() === dataModel);
  return meta ? ctx.store.all(meta, String(sync.company_id)).length : 0;
}

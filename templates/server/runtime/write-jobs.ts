/** Write jobs: how the plugin runs an accounting create, update or delete. A batch body's records
 * are written one by one, in request order, each with its own result; the job is SUCCESS when
 * every record was written and FAILED when any was not. A write runs in the background when the
 * request says `Prefer: respond-async` (or the server decides so): the answer is then 202 with the
 * job CREATED, and the job moves to RUNNING and then SUCCESS or FAILED where `jobs.save` puts it
 * (the server's /core/jobs). Copied verbatim into every generated server. */
import type { FastifyRequest } from 'fastify';
import { fromFastifyError, ServerError, type ErrorCode, type ErrorDetail } from './errors.js';
import type { Awaitable, RouteSpec } from './types.js';

export type JobStatus = 'CREATED' | 'RUNNING' | 'SUCCESS' | 'FAILED';

/** One record's result, as the spec's WriteJobRecord. */
export interface WriteJobRecord {
  job_id: string;
  status: 'success' | 'failed';
  response: unknown;
  error: {
    code: ErrorCode;
    message: string;
    details: ErrorDetail[];
    platform_error: Record<string, unknown> | null;
  } | null;
}

/** The write job, as the spec's WriteJob: what a write answers with. */
export interface WriteJob {
  job_id: string;
  status: JobStatus;
  success_count: number;
  failed_count: number;
  records: WriteJobRecord[];
}

/** A write job with what a server needs to keep it readable as a PUSH job at /core/jobs. */
export interface PushJobState {
  job: WriteJob;
  /** The x-entity written. */
  entity: string;
  operationId: string;
  companyId: string | undefined;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
}

/** What a server tells the plugin about writes (the `writes` server option). */
export interface WriteOptions {
  /** Request-level checks before a job exists (the company is known and connected, the API key
   * may write to it): throw a ServerError to answer with it instead of a job. */
  accept?: (input: Record<string, unknown>) => Awaitable<void>;
  /** Whether to run this write in the background. Default: when the request's `Prefer` header
   * says `respond-async`. */
  background?: (input: Record<string, unknown>, preferAsync: boolean) => boolean;
  /** Called on every change of a job (created, running, ended), so the server can serve it at
   * /core/jobs/{job_id}. */
  save?: (state: PushJobState) => Awaitable<void>;
  /** Starts background work; default: on the next turn of the event loop. */
  schedule?: (work: () => Promise<void>) => void;
}

type Handler = (input: Record<string, unknown>) => unknown;

interface JobContext {
  writes: WriteOptions;
  newJobId: () => string;
  request: FastifyRequest;
}

/** Runs a write route: the job answer (200, or 202 when it runs in the background). */
export async function runWrite(
  context: JobContext,
  route: RouteSpec,
  handler: Handler,
  input: Record<string, unknown>,
): Promise<{ status: number; data: WriteJob }> {
  await context.writes.accept?.(input);
  const records = route.batch ? ((input.body as { data?: unknown[] } | undefined)?.data ?? []) : [undefined];
  const now = new Date().toISOString();
  const state: PushJobState = {
    job: { job_id: context.newJobId(), status: 'CREATED', success_count: 0, failed_count: 0, records: [] },
    entity: route.entity,
    operationId: route.operationId,
    companyId: typeof input.companyId === 'string' ? input.companyId : undefined,
    createdAt: now,
    startedAt: null,
    endedAt: null,
  };
  const preferAsync = /(^|[,;\s])respond-async($|[,;\s])/i.test(String(context.request.headers.prefer ?? ''));
  const background = context.writes.background ? context.writes.background(input, preferAsync) : preferAsync;
  if (!background) {
    await execute(context, route, handler, input, records, state);
    return { status: route.status, data: state.job };
  }
  await context.writes.save?.(snapshot(state));
  const answer = snapshot(state).job;
  const schedule = context.writes.schedule ?? ((work) => void setImmediate(() => void work()));
  schedule(() =>
    execute(context, route, handler, input, records, state).catch((error: unknown) =>
      context.request.log.error({ err: error }, 'background write job failed'),
    ),
  );
  return { status: 202, data: answer };
}

async function execute(
  context: JobContext,
  route: RouteSpec,
  handler: Handler,
  input: Record<string, unknown>,
  records: unknown[],
  state: PushJobState,
): Promise<void> {
  state.job.status = 'RUNNING';
  state.startedAt = new Date().toISOString();
  await context.writes.save?.(snapshot(state));
  for (const [index, record] of records.entries()) {
    const result = await writeOne(
      context,
      route,
      handler,
      route.batch ? { ...input, record, index } : input,
      route.batch ? `/data/${index}` : '',
    );
    state.job.records.push(result);
  }
  state.job.success_count = state.job.records.filter((r) => r.status === 'success').length;
  state.job.failed_count = state.job.records.length - state.job.success_count;
  state.job.status = state.job.failed_count > 0 ? 'FAILED' : 'SUCCESS';
  state.endedAt = new Date().toISOString();
  await context.writes.save?.(snapshot(state));
}

/** One record through the handler: its stored form, or the error that stopped it with its
 * pointers placed under the record's own (`/data/2/contact_id`). */
async function writeOne(
  context: JobContext,
  route: RouteSpec,
  handler: Handler,
  input: Record<string, unknown>,
  at: string,
): Promise<WriteJobRecord> {
  const job_id = context.newJobId();
  try {
    return { job_id, status: 'success', response: await handler(input), error: null };
  } catch (error) {
    const e = fromFastifyError(error);
    if (!(error instanceof ServerError))
      context.request.log.error({ err: error, operationId: route.operationId }, 'write handler failed');
    const details = e.details.map((d) => ({ pointer: `${at}${d.pointer}`, message: d.message }));
    return {
      job_id,
      status: 'failed',
      response: null,
      error: { code: e.code, message: e.message, details, platform_error: e.platformError },
    };
  }
}

/** A copy for a store to keep: later steps of the job change `state`. */
function snapshot(state: PushJobState): PushJobState {
  return structuredClone(state);
}

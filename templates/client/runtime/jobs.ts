/** Write jobs on the client side: writes that may answer before the platform has (202, job
 * CREATED or RUNNING), and `waitForJob`, which follows a job at /core/jobs/{id} until it ends.
 * Copied verbatim into every generated client. */
import { ApiError } from './errors.js';
import type { RequestOptions } from './options.js';
import { apiPromise, type ApiPromise, type WithResponse } from './result.js';
import { retryAfterMs, sleep } from './retry.js';
import type { Call, Operation, Transport } from './transport.js';

export type JobStatus = 'SUCCESS' | 'FAILED' | 'CREATED' | 'RUNNING';

/** One record's result: the record as the platform stored it, or why it was not written. */
export interface WriteJobRecordOf<R> {
  job_id: string;
  status: 'success' | 'failed';
  response: R | null;
  error: {
    code: string;
    message: string;
    details: { pointer: string; message: string }[];
    platform_error?: unknown;
  } | null;
}

/** A write job whose records are of model `R`. */
export interface WriteJobOf<R> {
  job_id: string;
  status: JobStatus;
  success_count: number;
  failed_count: number;
  records: WriteJobRecordOf<R>[];
}

/** How `waitForJob` polls. */
export interface WaitOptions {
  /** Stops waiting (the call rejects with the signal's reason). */
  signal?: AbortSignal;
  /** The deadline: give up after this long with a JobTimeoutError (default 300 000 ms). */
  timeoutMs?: number;
  /** The first pause between polls (default 500 ms); each pause doubles up to `maxIntervalMs`. */
  intervalMs?: number;
  /** The longest pause between polls (default 5 000 ms). A Retry-After on the job wins, up to the deadline. */
  maxIntervalMs?: number;
}

/** Options of a write: the request's, plus background execution and waiting. */
export interface WriteOptions extends RequestOptions {
  /** Ask the server to run the write in the background (`Prefer: respond-async`): it answers at
   * once with the job CREATED or RUNNING. */
  async?: boolean;
  /** When the answer is a job still running (asked for or not), follow it until it ends and
   * return the ended job in `data` (true: with the default WaitOptions). */
  wait?: boolean | WaitOptions;
}

/** The deadline passed before the job ended. `jobId` is still followable later. */
export class JobTimeoutError extends ApiError {
  constructor(
    readonly jobId: string,
    readonly lastStatus: JobStatus,
    timeoutMs: number,
  ) {
    super({ status: 0, code: 'job-timeout', message: `job ${jobId} was still ${lastStatus} after ${timeoutMs} ms` });
  }
}

const GET_JOB: Operation = { operationId: 'getJob', method: 'GET', path: '/core/jobs/{id}' };

const ENDED = new Set<JobStatus>(['SUCCESS', 'FAILED']);

/** The PUSH job as /core/jobs serves it: the write job's fields under the Job's names. */
interface PushJob {
  id: string;
  status: JobStatus;
  records?: WriteJobRecordOf<unknown>[] | null;
}

/** Follows a write job until it is SUCCESS or FAILED, with backoff, honouring Retry-After, until
 * the deadline or the signal; returns the ended job with its per-record results. */
export async function waitForJob<R>(
  transport: Transport,
  job: string | { job_id: string },
  options: WaitOptions = {},
): Promise<WriteJobOf<R>> {
  const id = typeof job === 'string' ? job : job.job_id;
  const timeoutMs = options.timeoutMs ?? 300_000;
  const deadline = Date.now() + timeoutMs;
  let pause = options.intervalMs ?? 500;
  for (;;) {
    let retryAfter: number | undefined;
    const call: Call = {
      path: { id },
      options: options.signal ? { signal: options.signal } : {},
      onHeaders: (headers) => (retryAfter = retryAfterMs(headers.get('retry-after'))),
    };
    const { data } = await transport.request<{ data: PushJob }>(GET_JOB, call);
    if (ENDED.has(data.status)) return asWriteJob<R>(data);
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new JobTimeoutError(id, data.status, timeoutMs);
    await sleep(Math.min(retryAfter ?? pause, remaining), options.signal);
    pause = Math.min(pause * 2, options.maxIntervalMs ?? 5_000);
  }
}

/** A write: sends it (with `Prefer: respond-async` when asked) and, with `wait`, follows a job that
 * has not ended. The envelope (and withResponse's Response) is the write's own; its `data` is the
 * ended job. */
export function writeJob<Body extends { data: { job_id: string; status: JobStatus } }>(
  transport: Transport,
  operation: Operation,
  call: Call & { options?: WriteOptions | undefined },
): ApiPromise<Body> {
  const { async: background, wait, ...request } = call.options ?? {};
  const headers = background ? { ...request.headers, prefer: 'respond-async' } : request.headers;
  const written = transport
    .request<Body>(operation, { ...call, options: { ...request, ...(headers ? { headers } : {}) } })
    .withResponse();
  if (!wait) return apiPromise(written);
  const waitOptions = wait === true ? {} : wait;
  const signal = waitOptions.signal ?? request.signal;
  return apiPromise(
    written.then((answer) => followJob(transport, answer, signal ? { ...waitOptions, signal } : waitOptions)),
  );
}

async function followJob<Body extends { data: { job_id: string; status: JobStatus } }>(
  transport: Transport,
  answer: WithResponse<Body>,
  options: WaitOptions,
): Promise<WithResponse<Body>> {
  if (ENDED.has(answer.body.data.status)) return answer;
  const ended = await waitForJob(transport, answer.body.data, options);
  return { ...answer, body: { ...answer.body, data: ended } };
}

function asWriteJob<R>(job: PushJob): WriteJobOf<R> {
  const records = (job.records ?? []) as WriteJobRecordOf<R>[];
  const success = records.filter((r) => r.status === 'success').length;
  return {
    job_id: job.id,
    status: job.status,
    success_count: success,
    failed_count: records.length - success,
    records,
  };
}

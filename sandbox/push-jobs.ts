/** Write jobs as the sandbox keeps them: every write request's job is a PUSH job in the store,
 * readable at /core/jobs/{job_id} with its per-record results, whether the write ran at once or in
 * the background. */
import type { PushJobState } from '../generated/server/write-jobs.ts';
import { entity, type Rec } from './spec-data.ts';
import type { Store } from './store.ts';

/** The `writes.save` option of the server: the job as a Job record, inserted or brought up to date. */
export function savePushJob(store: Store): (state: PushJobState) => void {
  const jobs = entity('jobs');
  return (state) => {
    const record = jobRecord(store, state);
    const existing = store.find(jobs, null, String(record.id));
    if (existing) Object.assign(existing, record);
    else store.insert(jobs, null, record);
  };
}

function jobRecord(store: Store, state: PushJobState): Rec {
  const { job } = state;
  const company = state.companyId ? store.find(entity('companies'), null, state.companyId) : undefined;
  const ended = job.status === 'SUCCESS' || job.status === 'FAILED';
  const firstError = job.records.find((r) => r.error)?.error;
  return {
    id: job.job_id,
    company_id: state.companyId ?? '',
    sync_id: null,
    parent_job_id: null,
    job_type: 'PUSH',
    data_model: state.entity.toUpperCase(),
    status: job.status,
    integration_type: company?.integration_type ?? 'LEDGERSPEC_SANDBOX',
    started_at: state.startedAt,
    ended_at: state.endedAt,
    error_code: job.status === 'FAILED' ? (firstError?.code ?? 'unknown-error') : null,
    error:
      job.status === 'FAILED'
        ? `${job.failed_count} of ${job.records.length} record(s) not written${firstError ? `; first: ${firstError.message}` : ''}`
        : null,
    records_processed: ended ? job.records.length : 0,
    records: job.records,
    created_at: state.createdAt,
    updated_at: state.endedAt ?? state.startedAt ?? state.createdAt,
  };
}

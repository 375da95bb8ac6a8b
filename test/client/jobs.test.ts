import { describe, expect, expectTypeOf, it } from 'vitest';
import { createClient, JobTimeoutError, type WriteJobOf } from '../../generated/client/index.js';
import type { InvoicePayment } from '../../generated/types/index.js';
import { useSandbox } from '../server/sandbox.ts';

// Batch writes and background jobs through the generated client: against the sandbox over real
// HTTP, and against a scripted fetch for the polling rules (Retry-After, deadline, abort).
const api = useSandbox({ jobDelayMs: 20 });
const client = () =>
  createClient({ baseUrl: api.sandbox().url, apiKey: api.sandbox().apiKey, validateResponses: true });

const company = 'com_quickbooks_online';
const payment = (amount: number) => ({
  amount,
  payment_date: '2024-05-02T00:00:00.000Z',
  contact_id: 'quickbooks_online-contacts-1',
});

describe('client write jobs against the sandbox', () => {
  it('createMany in the background, then waitForJob: typed per-record results in request order', async () => {
    const payments = client().accounting.invoicePayments;
    const accepted = await payments.createMany(
      { company_id: company, data: [payment(5), payment(6), payment(7)] },
      { async: true },
    );
    expect(accepted.data).toMatchObject({ status: 'CREATED', records: [] });
    const job = await payments.waitForJob(accepted.data, { intervalMs: 10 });
    expectTypeOf(job).toEqualTypeOf<WriteJobOf<InvoicePayment>>();
    expect(job).toMatchObject({ job_id: accepted.data.job_id, status: 'SUCCESS', success_count: 3, failed_count: 0 });
    expect(job.records.map((r) => r.response?.amount)).toEqual([5, 6, 7]);
  });

  it('create with wait follows the job and answers with the ended job', async () => {
    const answer = await client().accounting.invoicePayments.create(
      { company_id: company, data: payment(8) },
      { async: true, wait: { intervalMs: 10 } },
    );
    expect(answer.data.status).toBe('SUCCESS');
    expect(answer.data.records[0]?.response?.amount).toBe(8);
  });

  it('a partly refused batch: FAILED with the failed record’s error and pointer', async () => {
    const answer = await client().accounting.invoicePayments.createMany({
      company_id: company,
      data: [payment(1), { ...payment(2), contact_id: null }],
    });
    expect(answer.data).toMatchObject({ status: 'FAILED', success_count: 1, failed_count: 1 });
    expect(answer.data.records[1]?.error?.details[0]?.pointer).toBe('/data/1/contact_id');
  });

  it('update(id, changes) sends a batch of one named by platform_id', async () => {
    const items = client().accounting.items;
    const created = await items.create({
      company_id: company,
      data: { name: 'Chair', code: 'CHAIR', type: 'Inventory' },
    });
    const id = created.data.records[0]?.response?.platform_id ?? '';
    const updated = await items.update(id, { company_id: company, data: { name: 'Armchair' } });
    expect(updated.data.records[0]?.response?.name).toBe('Armchair');
  });
});

describe('waitForJob polling rules', () => {
  /** A fetch that answers GET /core/jobs/job_1 from a script, one answer per poll. */
  function scripted(answers: { status: string; retryAfter?: string }[]) {
    const polls: string[] = [];
    const fetch = async (url: string | URL | Request): Promise<Response> => {
      polls.push(url instanceof Request ? url.url : String(url));
      const answer = answers[Math.min(polls.length - 1, answers.length - 1)]!;
      const job = {
        id: 'job_1',
        company_id: 'c',
        job_type: 'PUSH',
        status: answer.status,
        integration_type: 'XERO',
        records: answer.status === 'SUCCESS' ? [] : [],
        created_at: '2024-01-01T00:00:00Z',
        updated_at: '2024-01-01T00:00:00Z',
      };
      const headers = {
        'content-type': 'application/json',
        ...(answer.retryAfter ? { 'retry-after': answer.retryAfter } : {}),
      };
      return new Response(
        JSON.stringify({ data: job, request_id: 'r', request_timestamp: 't', response_timestamp: 't' }),
        { status: 200, headers },
      );
    };
    return {
      polls,
      client: createClient({ baseUrl: 'http://127.0.0.1:1', apiKey: 'k', fetch: fetch as typeof globalThis.fetch }),
    };
  }

  it('honours Retry-After over its own backoff', async () => {
    // Without the header's 0 s the second poll would come after 10 minutes, past the test's timeout.
    const { polls, client } = scripted([{ status: 'RUNNING', retryAfter: '0' }, { status: 'SUCCESS' }]);
    const job = await client.accounting.invoices.waitForJob('job_1', { intervalMs: 600_000, maxIntervalMs: 600_000 });
    expect(job.status).toBe('SUCCESS');
    expect(polls).toEqual(['http://127.0.0.1:1/core/jobs/job_1', 'http://127.0.0.1:1/core/jobs/job_1']);
  });

  it('gives up at the deadline with a JobTimeoutError naming the job and its last status', async () => {
    const { client } = scripted([{ status: 'RUNNING' }]);
    const error = await client.accounting.invoices
      .waitForJob('job_1', { timeoutMs: 30, intervalMs: 10 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobTimeoutError);
    expect(error).toMatchObject({ jobId: 'job_1', lastStatus: 'RUNNING', code: 'job-timeout' });
  });

  it('stops when its AbortSignal fires', async () => {
    const { client } = scripted([{ status: 'CREATED' }]);
    const controller = new AbortController();
    const waiting = client.accounting.invoices.waitForJob(
      { job_id: 'job_1' },
      { signal: controller.signal, intervalMs: 600_000 },
    );
    setTimeout(() => controller.abort(new Error('user cancelled')), 20);
    await expect(waiting).rejects.toThrow('user cancelled');
  });
});

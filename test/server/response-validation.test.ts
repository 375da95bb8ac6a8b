import { describe, expect, it } from 'vitest';
import { useSandbox } from './sandbox.ts';

// A handler that returns a record the spec does not allow: the generated layer must answer 500
// unknown-error instead of sending it.
const api = useSandbox({
  validateResponses: true,
  override: (handlers) => ({
    ...handlers,
    currencies: { ...handlers.currencies, get: () => ({ platform_id: 42, surprise: true }) as never },
  }),
});

describe('response validation in development', () => {
  it('turns an invalid handler result into a 500 unknown-error envelope', async () => {
    const { status, body } = await api.call('/accounting/currencies/xero-currencies-1?company_id=com_xero');
    expect(status).toBe(500);
    expect(body.error.code).toBe('unknown-error');
    expect(JSON.stringify(body)).not.toContain('surprise');
  });

  it('leaves valid responses alone', async () => {
    expect((await api.call('/accounting/currencies?company_id=com_xero')).status).toBe(200);
  });
});

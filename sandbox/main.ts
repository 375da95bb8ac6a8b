/** `npm start`: the sandbox on HOST:PORT (127.0.0.1:4010), accepting LEDGERSPEC_API_KEY (sandbox);
 * LEDGERSPEC_SANDBOX_DATA=connectors serves the connectors' mapped fixtures instead of spec examples;
 * LEDGERSPEC_SANDBOX_ASYNC=all (or company IDs) makes writes run in the background;
 * LEDGERSPEC_CURSOR_SECRET (32+ bytes) keeps list cursors valid across restarts. */
import { CONNECTORS } from './seed.ts';
import { startSandbox } from './server.ts';

const sandbox = await startSandbox({
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 4010),
  apiKey: process.env.LEDGERSPEC_API_KEY ?? 'sandbox',
  logger: process.env.LOG === '1',
  data: process.env.LEDGERSPEC_SANDBOX_DATA === 'connectors' ? 'connectors' : 'examples',
  asyncWrites: asyncCompanies(process.env.LEDGERSPEC_SANDBOX_ASYNC),
  ...(process.env.LEDGERSPEC_CURSOR_SECRET ? { cursorSecret: process.env.LEDGERSPEC_CURSOR_SECRET } : {}),
});

/** LEDGERSPEC_SANDBOX_ASYNC=all (every company) or a comma list of company IDs whose writes run
 * in the background. */
function asyncCompanies(value: string | undefined): boolean | string[] {
  if (!value) return false;
  return value === 'all'
    ? true
    : value
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
}

const company = `com_${(CONNECTORS[0]?.slug ?? 'xero').replace(/-/g, '_')}`;
process.stdout.write(
  [
    `ledgerspec sandbox listening on ${sandbox.url} (records from ${process.env.LEDGERSPEC_SANDBOX_DATA === 'connectors' ? 'connector fixtures' : 'spec examples'})`,
    `companies: ${CONNECTORS.map((c) => `com_${c.slug.replace(/-/g, '_')} (${c.slug})`).join(', ')}`,
    'try:',
    `  curl -H 'api_key: ${sandbox.apiKey}' '${sandbox.url}/accounting/invoices?company_id=${company}&sort=-total_amount&limit=2'`,
    '',
  ].join('\n'),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0));
  });
}

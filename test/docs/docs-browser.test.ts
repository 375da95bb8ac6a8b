/**
 * The documentation site in a real browser: Debian's Chromium driven by playwright-core, every
 * page opened from file:// (as a reader opens generated/docs/index.html), offline. The site is
 * built once for this file into a temporary folder. Skipped when /usr/bin/chromium is missing
 * (outside CI), like the coverage page's test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../helpers/chromium.ts';
import { connectorCoverage } from '../../generator/commands/docs.ts';
import { emitDocsSite } from '../../generator/emit/docs/site.ts';
import type { GeneratedFile, SpecIR } from '../../generator/ir/model.ts';
import { PROJECT_DIR, projectIR } from '../helpers/spec.ts';

const ARTIFACTS = join(PROJECT_DIR, 'test', '.artifacts');

/** What went wrong while a page loaded: failed requests, requests that left file://, console
 * errors and uncaught exceptions. */
interface Trouble {
  failed: string[];
  external: string[];
  console: string[];
}

describe.skipIf(!hasChromium)('the documentation site in Chromium, from file://', () => {
  let dir: string;
  let files: GeneratedFile[];
  let ir: SpecIR;
  let browser: Browser;
  let context: BrowserContext;
  const trouble: Trouble = { failed: [], external: [], console: [] };

  const url = (path: string) => pathToFileURL(join(dir, path)).href;

  /** A fresh page whose every problem is recorded in `trouble`. */
  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    page.on('requestfailed', (request) => trouble.failed.push(`${request.url()}: ${request.failure()?.errorText}`));
    page.on('request', (request) => {
      if (!request.url().startsWith('file://')) trouble.external.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') trouble.console.push(`${path}: ${message.text()}`);
    });
    page.on('pageerror', (error) => trouble.console.push(`${path}: ${error.message}`));
    await page.goto(url(path), { waitUntil: 'load' });
    return page;
  }

  function expectNoTrouble(): void {
    expect(trouble).toEqual({ failed: [], external: [], console: [] });
  }

  beforeAll(async () => {
    ir = await projectIR();
    files = emitDocsSite(ir, await connectorCoverage(ir, join(PROJECT_DIR, 'connectors')));
    dir = mkdtempSync(join(tmpdir(), 'ledgerspec-docs-'));
    for (const file of files) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.contents);
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    // Offline: any request that is not file:// fails (and is reported as failed and external).
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, offline: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens the home page with the navigation grouped Core / Accounting', async () => {
    const page = await open('index.html');
    expect(await page.$$eval('nav.sidebar section.area > h2', (hs) => hs.map((h) => h.textContent))).toEqual([
      'Core',
      'Accounting',
    ]);
    const accounting = await page.$$eval('nav.sidebar section[data-area="Accounting"] summary', (s) =>
      s.map((x) => x.textContent),
    );
    expect(accounting).toContain('Invoice Payments');
    expect(accounting.length).toBe(ir.entities.filter((e) => e.area === 'accounting').length);
    await page.screenshot({ path: join(ARTIFACTS, 'docs-index.png') });
    expectNoTrouble();
    await page.close();
  });

  it('shows an operation page: parameters, body and response fields, statuses and errors, examples, client and curl samples', async () => {
    const page = await open('operation-createInvoicePayment.html');
    expect(await page.textContent('h1')).toBe('Create invoice payments');
    expect(await page.$$eval('main h2', (hs) => hs.map((h) => h.id))).toEqual([
      'parameters',
      'body',
      'response',
      'statuses',
      'examples',
    ]);
    expect(
      await page.$$eval('table.statuses tbody tr td:first-child', (tds) => tds.map((t) => t.textContent?.trim())),
    ).toEqual(expect.arrayContaining(['200', '202', '400', '401', '429', '500']));
    expect(await page.locator('#body ~ table.fields').first().textContent()).toContain('data[].payment_date');
    const request = JSON.parse((await page.textContent('pre.request-example')) ?? '') as { data: { amount: number }[] };
    expect(request.data[0]?.amount).toBe(19);
    const response = JSON.parse((await page.textContent('pre.response-example')) ?? '') as { data: { status: string } };
    expect(['SUCCESS', 'FAILED', 'CREATED', 'RUNNING']).toContain(response.data.status);
    // The current page is marked and its resource opened in the sidebar.
    expect(await page.getAttribute('nav.sidebar a[aria-current="page"]', 'href')).toBe(
      'operation-createInvoicePayment.html',
    );
    // The client sample shows first; the curl tab swaps them.
    expect(await page.isVisible('pre.sample[data-sample="client"]')).toBe(true);
    expect(await page.textContent('pre.sample[data-sample="client"]')).toContain(
      'client.accounting.invoicePayments.create(',
    );
    await page.click('button.sample-tab[data-sample="curl"]');
    expect(await page.isVisible('pre.sample[data-sample="client"]')).toBe(false);
    expect(await page.textContent('pre.sample[data-sample="curl"]')).toMatch(/^curl -g -X POST /);
    await page.screenshot({ path: join(ARTIFACTS, 'docs-operation.png'), fullPage: false });
    expectNoTrouble();
    await page.close();
  });

  it('shows a data-model page: field markers, relations, connectors per field and a full sample record', async () => {
    const page = await open('model-invoice_payments.html');
    const markers = (field: string) =>
      page.$$eval(`tr[data-field="${field}"] td.markers .tag`, (tags) =>
        tags.map((t) => t.className.replace('tag ', '')),
      );
    expect(await markers('amount')).toEqual(expect.arrayContaining(['sortable', 'filterable']));
    expect(await markers('contact_id')).toContain('relation');
    expect(await markers('platform_id')).toContain('read-only');
    expect(await page.getAttribute('tr[data-field="contact_id"] td.markers a', 'href')).toBe('model-contacts.html');
    expect(
      await page.$$eval('tr[data-field="amount"] td.connectors .tag.connector', (tags) => tags.length),
    ).toBeGreaterThan(0);
    const sample = JSON.parse((await page.textContent('pre.sample-record')) ?? '') as Record<string, { data?: object }>;
    expect(sample.currency?.data).toBeDefined();
    await page.screenshot({ path: join(ARTIFACTS, 'docs-model.png') });
    expectNoTrouble();
    await page.close();
  });

  it('navigates from the sidebar: resource → data model → one of its operations', async () => {
    const page = await open('index.html');
    await page.click('nav.sidebar summary:text-is("Invoices")');
    await page.click('nav.sidebar a[href="model-invoices.html"]');
    expect(page.url()).toBe(url('model-invoices.html'));
    expect(await page.textContent('h1')).toBe('The invoice object');
    await page.click('nav.sidebar a[href="operation-listInvoices.html"]');
    expect(page.url()).toBe(url('operation-listInvoices.html'));
    expect(await page.textContent('p.endpoint')).toContain('/accounting/invoices');
    expectNoTrouble();
    await page.close();
  });

  it('searches the embedded index and opens the first result with Enter', async () => {
    const page = await open('index.html');
    await page.fill('#search', 'invoice payment');
    const titles = await page.$$eval('#search-results a', (as) => as.map((a) => a.firstChild?.textContent));
    expect(titles[0]).toBe('Invoice Payments data model');
    expect(titles).toContain('Create invoice payments');
    await page.screenshot({ path: join(ARTIFACTS, 'docs-search.png') });
    await page.fill('#search', 'no such thing anywhere');
    expect(await page.textContent('#search-results')).toBe('No match');
    await page.fill('#search', 'listInvoicePayments');
    await page.press('#search', 'Enter');
    await page.waitForURL(url('operation-listInvoicePayments.html'));
    expect(await page.textContent('h1')).toBe('List invoice payments');
    expectNoTrouble();
    await page.close();
  });

  it('loads every page of the site with no failed request, no request off file:// and no console error', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('requestfailed', (request) => problems.push(`failed ${request.url()}`));
    page.on('request', (request) => {
      if (!request.url().startsWith('file://')) problems.push(`external ${request.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`error ${page.url()}: ${error.message}`));
    const pages = files.filter((f) => f.path.endsWith('.html')).map((f) => f.path);
    for (const path of pages) {
      await page.goto(url(path), { waitUntil: 'load' });
      // page.evaluate, not $$eval: $$eval has Playwright inject its selector engine into every
      // new document, which took about as much CPU as loading the page itself.
      const links = await page.evaluate(() =>
        [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
      );
      for (const href of links.filter((h) => !h.startsWith('#')))
        if (!pages.includes(href)) problems.push(`${path}: dangling link ${href}`);
    }
    expect(problems).toEqual([]);
    expect(pages.length).toBe(1 + ir.operations.length + ir.entities.length);
    await page.close();
  }, 240_000);
});

/**
 * The committed coverage page (connectors/coverage.html) in a real browser: Debian's Chromium,
 * driven by playwright-core, the page served over loopback from the connectors folder so its
 * links to mappings and fixtures can be followed. CI installs Chromium (.ci/run); elsewhere the
 * test is skipped when /usr/bin/chromium is missing.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../helpers/chromium.ts';
import { listConnectors } from '../../generator/shared/connector-layout.ts';
import { loadConnector, type LoadedConnector } from '../../generator/connectors/load.ts';
import { PROJECT_DIR } from '../helpers/spec.ts';

const CONNECTORS_DIR = join(PROJECT_DIR, 'connectors');
const SCREENSHOT = join(PROJECT_DIR, 'test', '.artifacts', 'coverage-page.png');

/** Serves the connectors folder read-only; nothing outside it. */
function serveConnectors(): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(join(CONNECTORS_DIR, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(CONNECTORS_DIR + sep) || !existsSync(path)) return void response.writeHead(404).end();
    if (statSync(path).isDirectory())
      return void response.writeHead(200, { 'content-type': 'text/plain' }).end('folder');
    response
      .writeHead(200, {
        'content-type': path.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
      })
      .end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const visibleRows = (page: Page) =>
  page.$$eval('#matrix tbody tr', (rows) =>
    rows.filter((r) => !(r as HTMLElement).hidden).map((r) => r.getAttribute('data-entity')),
  );
const visibleColumns = (page: Page) =>
  page.$$eval('#matrix thead th[data-connector]', (ths) =>
    ths.filter((t) => !(t as HTMLElement).hidden).map((t) => t.textContent),
  );

describe.skipIf(!hasChromium)('the coverage page in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let base: string;
  let connectors: LoadedConnector[];

  beforeAll(async () => {
    connectors = await Promise.all(listConnectors(CONNECTORS_DIR).map(loadConnector));
    server = await serveConnectors();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/coverage.html`);
    expect(errors).toEqual([]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('shows every connector and every entity, with a summary per connector', async () => {
    const names = connectors.map((c) => c.definition.name);
    expect(await visibleColumns(page)).toEqual(names);
    expect(await page.$$eval('table.summary thead th[data-connector]', (ths) => ths.map((t) => t.textContent))).toEqual(
      names,
    );
    const rows = await visibleRows(page);
    expect(rows.length).toBeGreaterThanOrEqual(25);
    expect(await page.textContent('#filter-count')).toBe(`${rows.length} of ${rows.length} entities`);
  });

  it('filters to one connector and the entities its platform lacks, each with its reason and documentation on the page', async () => {
    const xero = connectors.find((c) => c.folder.platform === 'xero');
    const unsupported = Object.entries(xero?.definition.unsupportedEntities ?? {}) as [
      string,
      { reason: string; docs: string },
    ][];
    expect(unsupported.length).toBeGreaterThan(0);
    await page.selectOption('#filter-connector', 'xero');
    await page.selectOption('#filter-state', 'not-supported');
    expect(await visibleColumns(page)).toEqual(['Xero']);
    expect(await visibleRows(page)).toEqual(unsupported.map(([entity]) => entity).sort());
    for (const [entity, { reason, docs }] of unsupported) {
      const cell = page.locator(`#matrix tr[data-entity="${entity}"] td[data-connector="xero"]`);
      expect(await cell.isVisible()).toBe(true);
      expect(await cell.locator('p.reason').innerText()).toContain(reason);
      expect(await cell.locator('p.reason a').getAttribute('href')).toBe(docs);
    }
    expect(await page.textContent('#filter-count')).toBe(
      `${unsupported.length} of ${(await page.$$('#matrix tbody tr')).length} entities`,
    );
  });

  it('keeps the filters in the address, so a filtered view can be linked to', async () => {
    await page.selectOption('#filter-connector', 'quickbooks-online');
    await page.selectOption('#filter-state', '');
    await page.selectOption('#filter-entity', 'invoices');
    expect(new URL(page.url()).hash).toBe('#connector=quickbooks-online&entity=invoices');
    await page.reload();
    expect(await page.inputValue('#filter-entity')).toBe('invoices');
    expect(await visibleRows(page)).toEqual(['invoices']);
    expect(await visibleColumns(page)).toEqual(['QuickBooks Online']);
    const cell = page.locator('#matrix tr[data-entity="invoices"] td[data-connector="quickbooks-online"]');
    const text = await cell.innerText();
    expect(text).toMatch(/read \d+\/\d+ \(\d+%\)/);
    expect(text).toMatch(/write \d+\/\d+ \(\d+%\)/);
    expect(text).toMatch(/(pass|FAIL).* \d+ fixtures/);
    expect(await page.locator('#entity-invoices').isVisible()).toBe(true);
    expect(await page.locator('#entity-bills').isVisible()).toBe(false);
  });

  it('links each cell to its mapping and fixtures, and the links resolve', async () => {
    await page.goto(`${base}/coverage.html`);
    const links = await page.$$eval('#matrix td.cell a:not(.reason a)', (anchors) =>
      anchors.map((a) => a.getAttribute('href') ?? '').filter((href) => !href.startsWith('https:')),
    );
    expect(links.length).toBeGreaterThan(100);
    expect(links).toContain('quickbooks-online/mappings/invoices.ts');
    for (const href of links) expect((await fetch(`${base}/${href}`)).status, href).toBe(200);
  });

  it('reads without an emoji font, and is screenshotted', async () => {
    const text = await page.innerText('body');
    expect(text.match(/\p{Extended_Pictographic}/gu)).toBeNull();
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    const png = await page.screenshot({ path: SCREENSHOT, fullPage: false });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
  });
});

// The dashboard end to end, in Debian's chromium driven by playwright-core (never a downloaded
// browser), against the real server on the demo world (rampart demo's seeding) in an embedded database:
// the grid company's analyst signs in, sees the demo alerts, filters them, opens an incident from two,
// grades it and drafts the first report; the reporter submits it; the hub sees it on time. A railway
// user sees none of the grid company's data. The grid's admin decides a data asset's level and registers a
// transfer abroad after its route is previewed. Screenshots of every page at 1440×900 and 390×844 go to
// test-output/screenshots/; no console error may appear; the overview's first load time is printed.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRulesDirectory } from '../src/hunt/package-paths.js';
import { buildServer } from '../src/server/app.js';
import { seedDemo } from '../src/server/demo-seed.js';
import { LiveDetection } from '../src/server/live-detection.js';
import type { Database } from '../src/store/database.js';
import { openDatabase } from '../src/store/open-database.js';
import { ensureBuilt } from './cli-helpers.js';
import { repositoryRoot } from './sigma-corpus.js';

const CHROMIUM = process.env.RAMPART_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = path.join(repositoryRoot, 'test-output', 'screenshots');
/** Form controls with no label, aria-label or aria-labelledby, as `tag name`. */
const UNLABELLED_CONTROLS = `[...document.querySelectorAll('input, select, textarea')]
  .filter((control) => control.type !== 'hidden' && control.labels.length === 0 && !control.getAttribute('aria-label') && !control.getAttribute('aria-labelledby'))
  .map((control) => control.tagName.toLowerCase() + ' ' + (control.name || ''))`;
const VIEWPORTS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;

describe.skipIf(!existsSync(CHROMIUM))('dashboard in chromium', () => {
  let db: Database;
  let close: () => Promise<void>;
  let url: string;
  let browser: Browser;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    if (!existsSync(path.join(repositoryRoot, 'dist', 'web', 'index.html'))) throw new Error('dist/web is missing: run npm run build');
    mkdirSync(SHOTS, { recursive: true });
    db = await openDatabase({ dataDirectory: 'memory' });
    const detection = await LiveDetection.start({ rulePaths: [builtinRulesDirectory()], cacheDirectory: null });
    await seedDemo(db, detection);
    const app = await buildServer({ db, detection, logger: false });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    close = async () => {
      await app.close();
      await db.close();
    };
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  async function newPage(viewport: keyof typeof VIEWPORTS = 'desktop'): Promise<Page> {
    const page = await browser.newPage({ viewport: VIEWPORTS[viewport] });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    return page;
  }

  async function signIn(page: Page, username: string): Promise<void> {
    const [key, role] = username.split('.');
    await page.goto(`${url}/`);
    await page.getByLabel('User name', { exact: true }).fill(username);
    await page.getByLabel('Password', { exact: true }).fill(`demo-${key}-${role}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  async function signOut(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('User name', { exact: true }).waitFor();
  }

  async function screenshots(page: Page, name: string): Promise<void> {
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      await page.waitForTimeout(150);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${size}.png`), fullPage: true });
    }
    await page.setViewportSize(VIEWPORTS.desktop);
  }

  it('takes an analyst from the demo alerts to a graded incident and a report the hub sees on time', async () => {
    const page = await newPage();
    await page.goto(`${url}/`);
    await screenshots(page, 'sign-in');
    await signIn(page, 'grid.analyst');
    await page.goto(`${url}/overview`);
    await page.getByRole('heading', { name: /Overview/ }).waitFor();
    await expect.poll(async () => page.getByText('19', { exact: true }).count()).toBeGreaterThan(0);
    // Runs in the browser; typed loosely here since the test's own types are Node's, not the DOM's.
    const loadMs = await page.evaluate(() => {
      const navigation = (performance.getEntriesByType as unknown as (type: string) => { loadEventEnd: number; startTime: number }[])('navigation')[0];
      return navigation ? navigation.loadEventEnd - navigation.startTime : NaN;
    });
    console.log(`overview first load (navigation timing, localhost, demo data): ${Math.round(loadMs)} ms`);
    await screenshots(page, 'overview');

    await page.getByRole('link', { name: 'Alerts' }).click();
    await page.getByRole('grid', { name: /Alerts/ }).waitFor();
    await page.getByLabel('Minimum level').selectOption('high');
    await page.getByRole('button', { name: /Apply|Filter/ }).click();
    const checkboxes = page.getByRole('checkbox', { name: /^Select alert / });
    await expect.poll(() => checkboxes.count()).toBeGreaterThan(1);
    await screenshots(page, 'alerts');
    await checkboxes.nth(0).check();
    await checkboxes.nth(1).check();
    await page.getByLabel('New incident title').fill('Credential theft on the SCADA HMI');
    await page.getByRole('button', { name: 'Open incident' }).click();
    await page.getByRole('status').getByRole('link', { name: 'Open it' }).click();
    await page.getByRole('heading', { name: /Credential theft on the SCADA HMI/ }).waitFor();

    await page.getByLabel(/people whose personal information leaked/i).fill('2000000');
    await page.getByRole('button', { name: 'Save facts and grade' }).click();
    await page.getByText(/Saved; graded relatively major/).waitFor();
    await page.getByRole('table', { name: 'Criteria that decided the level' }).getByText('people whose personal information leaked').waitFor();
    await expect.poll(() => page.getByText(/must be reported/).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Draft first report' }).click();
    await page.frameLocator('iframe').first().getByText(/first report/i).first().waitFor();
    await screenshots(page, 'incident');
    const incidentUrl = page.url();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await page.getByText('Credential theft on the SCADA HMI').first().waitFor();
    await screenshots(page, 'incidents');
    await signOut(page);

    await signIn(page, 'grid.reporter');
    await page.goto(incidentUrl);
    await page.getByRole('button', { name: 'Preview' }).first().click();
    await page.getByRole('button', { name: 'Submit to the coordination centre' }).click();
    await expect.poll(async () => (await page.getByRole('button', { name: 'Submit to the coordination centre' }).count()) === 0).toBe(true);
    await signOut(page);

    await signIn(page, 'hub.analyst');
    await page.goto(`${url}/hub`);
    await page.getByText('Example Grid Company (demo)').first().waitFor();
    await page.getByText('on time', { exact: true }).first().waitFor();
    await screenshots(page, 'hub');
    await page.getByRole('link', { name: 'Example Grid Company (demo)' }).first().click();
    await page.getByText(/first report/i).first().waitFor();
    await screenshots(page, 'hub-report');
    await page.close();
  }, 180_000);

  it('shows a user of another operator none of the first operator\'s data', async () => {
    const page = await newPage('phone');
    await signIn(page, 'rail.analyst');
    await page.goto(`${url}/alerts`);
    await page.getByRole('grid', { name: /Alerts/ }).waitFor();
    await page.waitForTimeout(500);
    expect(await page.getByRole('checkbox', { name: /^Select alert / }).count()).toBe(0);
    expect(await page.content()).not.toContain('SCADA-HMI-01');
    await page.goto(`${url}/incidents`);
    await page.waitForTimeout(500);
    expect(await page.content()).not.toContain('Credential theft on the SCADA HMI');
    await screenshots(page, 'other-operator-alerts');
    await page.close();
  }, 120_000);

  it('lets the admin decide a data asset\'s level and register a transfer abroad whose route is previewed first', async () => {
    const page = await newPage();
    await signIn(page, 'grid.admin');
    await page.getByRole('link', { name: 'Data catalog' }).click();
    await page.getByRole('heading', { name: /Data catalog/ }).waitFor();
    await page.getByRole('link', { name: 'Substation dispatch plans' }).waitFor();
    expect(await page.getByRole('row').count()).toBe(4);
    await screenshots(page, 'data-catalog');
    await page.getByRole('link', { name: 'Substation dispatch plans' }).click();
    await page.getByRole('heading', { name: 'Why this level is proposed' }).waitFor();
    await page.getByRole('combobox', { name: /^Level/ }).selectOption('core');
    await page.getByLabel('Note').last().fill('Dispatch plans of the regional grid: agreed with the sector regulator');
    await page.getByRole('button', { name: 'Decide core' }).click();
    await page.getByText(/decided by user:grid\.admin/).waitFor();
    await page.getByText(/classify: level: — → core/).waitFor();
    await screenshots(page, 'data-asset');

    await page.getByRole('link', { name: 'Transfers abroad' }).click();
    await page.getByRole('heading', { name: /Transfers abroad/ }).waitFor();
    await page.getByRole('link', { name: 'XB-2' }).waitFor();
    await page.getByLabel('Recipient').fill('Cloud monitoring provider');
    await page.getByLabel('Country (ISO code)').fill('SG');
    await page.getByLabel('Purpose').fill('uptime monitoring with on-call phone numbers');
    await page.getByLabel('Individuals (personal information)').fill('12');
    // The grid company is a CII operator: the preview says so before anything is registered.
    await page.getByText('Rampart would decide').waitFor();
    await expect.poll(async () => page.locator('.card[aria-live] .route').first().textContent()).toContain('security assessment');
    await screenshots(page, 'transfers');
    await page.getByRole('button', { name: 'Register transfer' }).click();
    await page.getByRole('link', { name: 'XB-3' }).waitFor();
    await page.getByRole('link', { name: 'XB-1' }).click();
    await page.getByRole('heading', { name: 'Obligations' }).waitFor();
    await page.getByText(/assessment/i).first().waitFor();
    expect(await page.locator('.obligations li').count()).toBeGreaterThan(0);
    await screenshots(page, 'transfer');
    await page.close();
  }, 180_000);

  it('signs in with the keyboard alone, and labels every form control on every page', async () => {
    const page = await newPage();
    await page.goto(`${url}/`);
    // Tab from the top of the page to the user name field, type, Tab to the password, Enter to submit.
    let steps = 0;
    while (!(await page.evaluate<boolean>("document.activeElement?.name === 'username'")) && steps++ < 10) await page.keyboard.press('Tab');
    await page.keyboard.type('grid.admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo-grid-admin');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const unlabelled: string[] = [];
    for (const route of ['/overview', '/alerts', '/incidents', '/incidents/' + (await firstIncidentId(page)), '/data', '/transfers']) {
      await page.goto(`${url}${route}`);
      await page.waitForLoadState('networkidle');
      // A script string: it runs in the browser, whose DOM types the tests do not compile against.
      const found = await page.evaluate<string[]>(UNLABELLED_CONTROLS);
      unlabelled.push(...found.map((control) => `${route}: ${control}`));
    }
    expect(unlabelled).toEqual([]);
    await page.close();
  }, 120_000);

  /** The id of the grid company's first incident, read through the API with the page's own token. */
  async function firstIncidentId(page: Page): Promise<string> {
    return page.evaluate(async () => {
      const storage = (globalThis as unknown as { sessionStorage: { length: number; key(i: number): string | null; getItem(key: string): string | null } }).sessionStorage;
      let token = '';
      for (let i = 0; i < storage.length; i++) {
        const value = storage.getItem(storage.key(i) ?? '') ?? '';
        if (value.includes('rmp_')) token = value.replace(/^"|"$/g, '');
      }
      const answer = await fetch('/api/incidents', { headers: { authorization: `Bearer ${token}` } });
      return ((await answer.json()) as { incidents: { id: string }[] }).incidents[0].id;
    });
  }

  it('logged no console error on any page', () => {
    expect(consoleErrors).toEqual([]);
  });
});

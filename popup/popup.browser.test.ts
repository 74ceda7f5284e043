/**
 * The popup in a real Chromium, without a worker: built from the sources into a temporary
 * folder, served on 127.0.0.1, fed sample states through a fake `chrome` (popup/dev/harness.ts).
 * Checks what the views promise: selectors, texts, actions, live progress, no secrets, axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { SAMPLES, SAMPLE_RESULT } from '../src/view/samples';
import { reportText } from '../src/report';
import { makeT } from '../src/view/i18n';
import { axeViolations, CHROMIUM, loadMessages, ROOT, startHarness, type Harness } from './dev/harness';

const log = (page: Page) => page.evaluate(() => (window as unknown as { __log: string[] }).__log);
const emit = (page: Page, msg: unknown) => page.evaluate((m) => (window as unknown as { __emit(m: unknown): void }).__emit(m), msg);

describe.skipIf(!existsSync(CHROMIUM))('popup in Chromium', () => {
  let h: Harness;
  let context: BrowserContext;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'iot-doctor-popup-'));
    const { build } = await import('vite');
    const target = process.env.TARGET;
    process.env.TARGET = 'chrome';
    try {
      await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir: dist, emptyOutDir: true } });
    } finally {
      if (target === undefined) delete process.env.TARGET;
      else process.env.TARGET = target;
    }
    h = await startHarness(dist);
    context = await h.context();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.base });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('shows one row per device with its code, severity, verdict and action', async () => {
    const page = await h.open(context, SAMPLES.mixed!);
    for (const d of SAMPLE_RESULT.devices) {
      const row = page.locator(`[data-testid=device-${d.deviceId}]`);
      expect(await row.getAttribute('data-code')).toBe(d.code);
      expect(await row.getAttribute('data-severity')).toBe(d.severity);
    }
    const text = await page.locator('.devices').innerText();
    expect(text).toContain('Shop IoT box');
    expect(text).not.toMatch(/\bdx_|\bui_|\bsev_|\bkind_/); // every text exists
    expect(await page.getByTestId('age').innerText()).toBe('Checked 3 minutes ago');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('opens a row to its explanation and guide; guide buttons open the device', async () => {
    const page = await h.open(context, SAMPLES.mixed!);
    const head = page.locator('[data-testid=device-prn1] .device-head');
    expect(await head.getAttribute('aria-expanded')).toBe('false');
    await head.focus();
    await page.keyboard.press('Enter');
    expect(await head.getAttribute('aria-expanded')).toBe('true');
    const guide = page.getByTestId('guide-printer-certificate');
    await guide.waitFor();
    expect(await guide.innerText()).not.toMatch(/\bg_|\bui_/);
    // Chrome on Windows: the Firefox sections wait under "Other systems".
    const other = guide.locator('.other-systems > button');
    expect(await other.getAttribute('aria-expanded')).toBe('false');
    expect(await guide.locator('.step-warn').count()).toBeGreaterThan(0);
    await guide.locator('[data-action=open-printer]').first().click();
    await guide.locator('[data-action=check-again]').first().click();
    expect(await log(page)).toEqual(['getState', 'tab:https://192.168.1.50/', 'checkNow']);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows support details without secrets', async () => {
    const state = structuredClone(SAMPLES.mixed!);
    state.last!.devices[0]!.facts = { ...state.last!.devices[0]!.facts, db_uuid: 'f81d4fae-7dec', enterprise_code: 'M2104170001', token: 'tok_SEKRIT' };
    const page = await h.open(context, state);
    const toggle = page.getByTestId('support-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const support = await page.getByTestId('support').innerText();
    for (const want of ['0.1.0', 'Chrome 142.0.7444.59', 'Windows 11', 'Europe/Brussels', 'GMT+1', 'BOX_DNS_BLOCKED', 'net::ERR_CERT_AUTHORITY_INVALID', '192-168-1-143.d73e7513.odoo-iot.com', '2026-12-05', '18.0.1.3', '-2 d 1 h 2 min']) {
      expect(support).toContain(want);
    }
    expect(support).not.toMatch(/uuid|enterprise|tok_|f81d4fae|M2104170001/i);
    // One screenshot: the whole support block is visible without scrolling.
    const box = await page.getByTestId('support').boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(600);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('copies and saves the report', async () => {
    const page = await h.open(context, SAMPLES.mixed!);
    await page.getByTestId('copy-report').click();
    await page.waitForSelector('.notice:not(:empty)');
    const messages = loadMessages();
    const t = makeT((key, subs) => (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => String(subs?.[Number(n) - 1] ?? '')));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(reportText(SAMPLE_RESULT, t));
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.getByTestId('save-report').click();
    await expect.poll(() => downloads.length).toBe(2);
    expect(downloads.sort()).toEqual(['iot-doctor-report-2026-11-26T10-28-21.json', 'iot-doctor-report-2026-11-26T10-28-21.txt']);
    await page.close();
  });

  it('checks again, showing live progress, then the new result', async () => {
    const state = structuredClone(SAMPLES.ok!);
    const page = await h.open(context, state, { checkResult: null });
    const button = page.getByTestId('check-again');
    await button.click();
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    expect(await page.locator('[data-severity=pending]').count()).toBe(3);
    const partial = { ...SAMPLE_RESULT, devices: SAMPLE_RESULT.devices.slice(0, 1) };
    await emit(page, { type: 'progress', running: true, result: partial });
    await page.waitForSelector('[data-testid=device-box1][data-code=BOX_DNS_BLOCKED]');
    expect(await button.innerText()).toContain('1 of 3');
    expect(await page.locator('[data-severity=pending]').count()).toBe(2);
    await emit(page, { type: 'progress', running: false, result: SAMPLE_RESULT });
    await page.waitForSelector('[data-testid=check-again]:not([aria-disabled=true])');
    expect(await page.getByTestId('device-prn2').getAttribute('data-severity')).toBe('warn');
    expect(await page.getByTestId('age').innerText()).toBe('Checked 3 minutes ago');
    await page.close();
  });

  it('says when a check fails', async () => {
    const page = await h.open(context, SAMPLES.ok!, { checkError: 'boom' });
    await page.getByTestId('check-again').click();
    await page.waitForSelector('[role=alert]');
    expect(await page.locator('[role=alert]').innerText()).toContain('boom');
    await page.close();
  });

  it('has a friendly empty state that opens the options', async () => {
    const page = await h.open(context, SAMPLES.empty!);
    await page.getByTestId('open-options').click();
    expect(await log(page)).toContain('openOptionsPage');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('says so when the worker does not answer', async () => {
    const page = await h.open(context, SAMPLES.ok!, { noWorker: true });
    await page.waitForSelector('.error-line');
    expect(await page.locator('.error-line').innerText()).not.toContain('ui_');
    await page.close();
  });

  it('is usable in dark mode and as a centered tab of the same width', async () => {
    const dark = await h.context({ colorScheme: 'dark' });
    const page = await h.open(dark, SAMPLES.mixed!);
    expect(await axeViolations(page)).toEqual([]);
    await dark.close();
    const wide = await h.context({ width: 1000, height: 700 });
    const tab = await h.open(wide, SAMPLES.mixed!);
    const box = (await tab.locator('.popup').boundingBox())!;
    expect(box.width).toBe(400);
    expect(Math.abs(box.x + box.width / 2 - 500)).toBeLessThanOrEqual(1);
    await wide.close();
  });
});

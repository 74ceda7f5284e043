import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { startLab, type Lab, type Scenario } from '../lab/index';
import type { ExtensionPage, ExtensionSession } from './driver';
import type { CheckResult } from '../../src/model';
import { DIAGNOSES } from '../../src/diagnoses/registry';
import { BROWSERS, call, combinable, configFor, expected, openSession, RESULTS } from './session';

/**
 * What a cashier, a support agent and IT see: the popup of the real extension after a check
 * of every lab scenario, each device opened to its explanation and guide, the support view,
 * the toolbar badge, and axe-core on it all. Screenshots land in test-results/<browser>/.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SIZE = { width: 420, height: 600 };

async function axeViolations(page: ExtensionPage): Promise<string[]> {
  // Evaluated by the driver, not as a page script: the extension's CSP rightly forbids inline scripts.
  await page.evaluate(`(() => { ${axeSource}\n; return !!window.axe; })()`);
  return page.evaluate<string[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')))`,
  );
}

for (const browser of BROWSERS) {
  describe(`popup in ${browser}`, () => {
    let lab: Lab;
    let session: ExtensionSession;
    let result: CheckResult;
    let together: Scenario[] = [];
    let page: ExtensionPage;
    const dir = join(RESULTS, browser);

    beforeAll(async () => {
      mkdirSync(dir, { recursive: true });
      lab = await startLab();
      session = await openSession(browser, lab);
      ({ together } = combinable(lab, lab.scenarios));
      await call(session, { type: 'saveConfig', config: configFor(lab, together) });
      result = await call<CheckResult>(session, { type: 'checkNow' });
      page = await session.openPage('popup/index.html', SIZE);
      await page.waitFor('[data-testid="device-printer-ok"]');
    });
    afterAll(async () => {
      await session?.close();
      await lab?.stop();
    });

    it('shows one row per device with the diagnosis the worker made, and no untranslated key', async () => {
      await page.screenshot(join(dir, 'popup-overview.png'));
      const rows = await page.evaluate<{ id: string; code: string; severity: string }[]>(
        `[...document.querySelectorAll('[data-testid^="device-"]')].map((e) => ({ id: e.dataset.testid.slice(7), code: e.dataset.code, severity: e.dataset.severity }))`,
      );
      expect(rows.map((r) => r.id).sort()).toEqual(together.map((s) => s.id).sort());
      for (const s of together) expect(rows.find((r) => r.id === s.id)?.code, s.id).toBe(expected(s, browser));
      const text = await page.text('body');
      expect(text).not.toMatch(/\b(dx|g|ui|sev|kind)_[A-Za-z0-9_]+/);
      expect(await axeViolations(page)).toEqual([]);
    });

    it('puts the worst state on the toolbar badge and title', async () => {
      const badge = await page.evaluate<{ text: string; title: string }>(
        `(async () => { const a = (globalThis.browser ?? chrome).action; return { text: await a.getBadgeText({}), title: await a.getTitle({}) }; })()`,
      );
      const errors = result.devices.filter((d) => d.severity === 'error').length;
      expect(result.worst).toBe('error');
      expect(badge.text).toBe(String(errors));
      expect(badge.title).toContain('Lab printer 127.0.0.21');
    });

    it('opens each device to its explanation and its fix guide', async () => {
      for (const s of together) {
        const d = result.devices.find((x) => x.deviceId === s.id)!;
        const guide = DIAGNOSES.get(d.code)?.guide;
        await page.click(`[data-testid="device-${s.id}"] button.device-head`);
        if (guide) await page.waitFor(`[data-testid="device-${s.id}"] [data-testid="guide-${guide}"]`);
        const text = await page.text(`[data-testid="device-${s.id}"]`);
        expect(text, s.id).not.toMatch(/\b(dx|g|ui)_[A-Za-z0-9_]+/);
        await page.evaluate(`(document.querySelector('[data-testid="device-${s.id}"]').scrollIntoView({ block: 'start' }), true)`);
        await page.screenshot(join(dir, `popup-${s.id}.png`));
        await page.click(`[data-testid="device-${s.id}"] button.device-head`);
      }
    });

    it('shows support everything they need, with no secret', async () => {
      await page.click('[data-testid="support-toggle"]');
      await page.waitFor('[data-testid="support"]');
      await page.screenshot(join(dir, 'popup-support.png'));
      const text = await page.text('[data-testid="support"]');
      expect(text).toContain(result.environment.extensionVersion);
      expect(text).toMatch(browser === 'chromium' ? /Chrom(e|ium) \d{3}/ : /Firefox \d{3}/);
      expect(text).toContain(browser === 'chromium' ? 'net::ERR_CERT_AUTHORITY_INVALID' : 'self-signed');
      expect(text).toContain('PRINTER_CERT_UNTRUSTED');
      expect(text).toContain('127-0-0-14.c0ffee42.odoo-iot.com');
      expect(text).not.toMatch(/SECRET|db_uuid|enterprise_code/i);
      expect(await axeViolations(page)).toEqual([]);
      await page.click('[data-testid="support-toggle"]');
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLab, type Lab, type Scenario } from '../lab/index';
import type { ExtensionSession } from './driver';
import type { CheckResult } from '../../src/model';
import { classifyBrowserError } from '../../src/net/browser-errors';
import { BROWSERS, call, combinable, configFor, expected, openSession, RESULTS } from './session';
import { sleep } from './util';

/**
 * The built extension, in real Chromium and Firefox, diagnoses every lab scenario from what
 * the browser really reports. All plain scenarios share one check; scenarios that need their
 * own settings or a user action run on their own.
 */
/** Scenarios that need their own settings, a user action, or share an address with another. */
const SOLO = ['box-dns-unverified', 'computer-clock', 'printer-proceed-anyway', 'box-ip-only', 'printer-cert-changed'];

for (const browser of BROWSERS) {
  describe(`probes in ${browser}`, () => {
    let lab: Lab;
    let session: ExtensionSession;
    let result: CheckResult;
    let plain: Scenario[] = [];
    let alone: Scenario[] = [];

    beforeAll(async () => {
      lab = await startLab();
      session = await openSession(browser, lab);
      ({ together: plain, alone } = combinable(lab, lab.scenarios));
      const saved = await call<{ ok: boolean; errors?: string[] }>(session, { type: 'saveConfig', config: configFor(lab, plain) });
      expect(saved.errors ?? []).toEqual([]);
      result = await call<CheckResult>(session, { type: 'checkNow' });
      writeFileSync(join(RESULTS, `${browser}-result.json`), JSON.stringify(result, null, 2));
    });
    afterAll(async () => {
      await session?.close();
      await lab?.stop();
    });

    it('answers for every configured device', () => {
      expect(result.devices.map((d) => d.deviceId).sort()).toEqual(plain.map((s) => s.id).sort());
    });

    it.each(['box-19-ok', 'box-dns-blocked', 'box-name-unknown', 'box-name-stale', 'box-https-down', 'box-cert-expired', 'box-16-cert-error', 'box-18-ok', 'box-off', 'box-cert-expiring', 'box-cert-invalid', 'printer-ok', 'printer-self-signed', 'printer-expired', 'printer-wrong-name', 'printer-paper-out', 'printer-paper-low', 'printer-cover-open', 'printer-offline', 'printer-wrong-devid', 'printer-mechanical', 'printer-refused', 'printer-hangs', 'printer-off', 'printer-garbage', 'printer-huge', 'printer-cert-other', 'unknown-error'])(
      '%s',
      (id) => {
        const s = plain.find((x) => x.id === id);
        expect(s, `lab scenario ${id}`).toBeDefined();
        const d = result.devices.find((x) => x.deviceId === id);
        expect({ id, code: d?.code, raw: d?.raw }).toMatchObject({ id, code: expected(s!, browser) });
      },
    );

    it('every raw browser string it met is one the error table knows', () => {
      // The unknown-error scenario exists to meet a string no table names: it is kept raw, on purpose.
      const raws = result.devices.filter((d) => d.deviceId !== 'unknown-error').flatMap((d) => d.attempts.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.raw)));
      writeFileSync(join(RESULTS, `${browser}-observed-errors.json`), JSON.stringify([...new Set(raws)].sort(), null, 2));
      // Our own marks (timeouts, the page path that gets no reason) are not browser strings.
      const unknown = raws.filter((r) => !/^(no answer within|offscreen page:)/.test(r) && classifyBrowserError(r) === 'unknown');
      expect(unknown).toEqual([]);
    });

    it('never asked an Odoo 18 box for its secrets', () => {
      expect(lab.requests('127.0.0.11').map((r) => r.path)).not.toContain('/hw_posbox_homepage/data');
      expect(JSON.stringify(result)).not.toMatch(/SECRET/);
    });

    it('sent at most one request at a time to each printer', () => {
      for (const s of plain.filter((x) => x.printer)) expect(lab.maxConcurrent(s.printer!.ip), s.id).toBeLessThanOrEqual(1);
    });

    it('shows the result in the popup', async () => {
      const page = await session.openPage('popup/index.html', { width: 420, height: 600 });
      await page.waitFor('[data-testid="check-again"]');
      await page.waitFor('[data-testid="device-printer-ok"]');
      await page.screenshot(join(RESULTS, `${browser}-popup-all.png`));
      expect(await page.evaluate<string>(`document.querySelector('[data-testid="device-printer-self-signed"]').dataset.code`)).toBe('PRINTER_CERT_UNTRUSTED');
      await page.close();
    });

    it('runs on their own exactly the scenarios that need it', () => {
      expect(alone.map((s) => s.id).sort()).toEqual(SOLO.slice().sort());
    });

    for (const id of SOLO) {
      it(`${id} (on its own)`, async () => {
        const s = alone.find((x) => x.id === id);
        expect(s, `lab scenario ${id}`).toBeDefined();
        if (s!.needs === 'proceed-anyway') {
          if (browser === 'chromium') {
            const warning = await session.openUrl(`https://${s!.printer!.ip}/`);
            await warning.click('#details-button');
            await warning.click('#proceed-link');
            await sleep(1000);
            await warning.close();
          }
        }
        await call(session, { type: 'saveConfig', config: configFor(lab, [s!]) });
        if (s!.needs === 'regenerate-cert') {
          // Trusted first; then someone generates the printer's certificate again in Web Config.
          const before = await call<CheckResult>(session, { type: 'checkNow' });
          expect(before.devices[0]?.code).toBe('PRINTER_OK');
          await lab.regenerateCert(s!.printer!.ip);
        }
        const r = await call<CheckResult>(session, { type: 'checkNow' });
        expect({ id, code: r.devices[0]?.code, raw: r.devices[0]?.raw }).toMatchObject({ id, code: expected(s!, browser) });
      });
    }
  });
}

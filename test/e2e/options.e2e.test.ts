import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLab, type Lab } from '../lab/index';
import { startFakeOdoo, FAKE_ODOO, type FakeOdoo } from '../lab/odoo';
import type { ExtensionPage, ExtensionSession } from './driver';
import type { Config } from '../../src/model';
import { launchChromium } from './chromium';
import { extensionCopy } from './extension-copy';
import { BROWSERS, call, labHosts, openSession, RESULTS, ROOT, type BrowserName } from './session';
import { sleep } from './util';

/**
 * The options page of the real extension: find the devices of a logged-in Odoo tab (the lab's
 * fake Odoo on 127.0.0.60), add some by hand, remove one. Firefox answers permission requests
 * without a prompt but only from a real click (extensions.webextOptionalPermissionPrompts=false),
 * so there it proves that every request happens inside the user's gesture and that "tabs" and
 * the Odoo site are given back. Headless Chromium cannot answer the prompt: its copy of the
 * extension holds those permissions already, as extensionCopy does for the lab's devices.
 */
const ODOO_IP = '127.0.0.60';
/** An address no lab device has: Firefox must ask for it when the printer is added. */
const HAND_PRINTER = '127.0.0.45';
const SIZE = { width: 900, height: 1000 };

async function open(browser: BrowserName, lab: Lab): Promise<ExtensionSession> {
  if (browser === 'firefox') return openSession(browser, lab);
  const dir = extensionCopy(join(ROOT, 'dist', 'chrome'), [...labHosts(lab), ODOO_IP, FAKE_ODOO.receiptPrinterIp, HAND_PRINTER]);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { permissions: string[] };
  manifest.permissions.push('tabs');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return launchChromium({ extensionDir: dir, caCertPath: lab.caCertPath, chromiumArgs: [`--host-resolver-rules=${lab.chromiumHostRules}`] });
}

const granted = (page: ExtensionPage) => page.evaluate<{ origins: string[]; permissions: string[] }>('(globalThis.browser ?? chrome).permissions.getAll()');

for (const browser of BROWSERS) {
  describe(`options page in ${browser}`, () => {
    let lab: Lab;
    let odoo: FakeOdoo;
    let session: ExtensionSession;
    let page: ExtensionPage;
    const dir = join(RESULTS, browser);

    beforeAll(async () => {
      mkdirSync(dir, { recursive: true });
      lab = await startLab();
      odoo = await startFakeOdoo({ ip: ODOO_IP, port: 0, version: browser === 'firefox' ? 17 : 19 });
      session = await open(browser, lab);
      await call(session, { type: 'saveConfig', config: { boxes: [], printers: [], settings: { dohUrl: lab.dohPublicUrl, intervalMinutes: 0, notifications: false } } });
      await session.openUrl(odoo.url); // the logged-in Odoo tab: its page sets the session cookie
      page = await session.openPage('options/index.html', SIZE);
      await page.waitFor('[data-testid=find-odoo]');
    });
    afterAll(async () => {
      await session?.close();
      await odoo?.stop();
      await lab?.stop();
    });

    it('finds the devices of the open Odoo tab and adds the ticked ones', async () => {
      await page.click('[data-testid=find-odoo]');
      await page.waitFor('[data-testid=read-tab]', 20_000);
      expect(await page.text('[data-testid=odoo-tab]')).toContain(odoo.origin);
      await page.click('[data-testid=read-tab]');
      await page.waitFor('[data-testid=discovery-result]', 20_000);
      await page.screenshot(join(dir, 'options-discovery.png'));
      const proposals = await page.evaluate<string[][]>(`[...document.querySelectorAll('[data-testid=proposal]')].map((e) => [e.dataset.address, e.dataset.addable])`);
      expect(proposals).toEqual(
        expect.arrayContaining([
          [FAKE_ODOO.boxHostname, 'true'],
          [FAKE_ODOO.kitchenPrinterIp, 'true'],
          [FAKE_ODOO.receiptPrinterIp, 'true'],
          [FAKE_ODOO.badEpsonAddress, 'false'],
        ]),
      );
      // The kitchen printer stays out.
      await page.click(`[data-testid=proposal][data-address="${FAKE_ODOO.kitchenPrinterIp}"] input`);
      await page.click('[data-testid=add-discovered]');
      await page.waitFor('[data-testid=device-box-1]', 20_000);
      const config = await call<Config>(session, { type: 'getConfig' });
      expect(config.boxes).toEqual([{ id: 'box-1', name: 'IoT Box Shop', hostname: FAKE_ODOO.boxHostname, ip: FAKE_ODOO.boxIp }]);
      expect(config.printers).toEqual([{ id: 'printer-1', name: 'Receipt copy', ip: FAKE_ODOO.receiptPrinterIp }]);
      // Only calls the tab's own session could make, and only for whitelisted fields.
      expect(odoo.calls.length).toBeGreaterThan(0);
      expect(odoo.calls.every((c) => c.session)).toBe(true);
      if (browser === 'firefox') {
        const held = await granted(page);
        expect(held.permissions).not.toContain('tabs');
        expect(held.origins).not.toContain(`http://${ODOO_IP}/*`);
        expect(held.origins).toEqual(expect.arrayContaining([`http://${FAKE_ODOO.receiptPrinterIp}/*`, `https://${FAKE_ODOO.receiptPrinterIp}/*`]));
      }
      await page.waitFor('[data-testid=device-printer-1][data-access=granted]');
    });

    it('a typo is refused under its input; a printer added by hand gets its access in the Save click; removing gives it back', async () => {
      await page.click('[data-testid=add-printer]');
      await page.evaluate(`(() => { const i = document.querySelector('[data-testid=input-ip]'); i.value = '127.0.0.300'; i.dispatchEvent(new Event('input', { bubbles: true })); })()`);
      await page.click('[data-testid=save-device]');
      await page.waitFor('.field-error [data-code=ip-octet-range]');
      await page.screenshot(join(dir, 'options-typo.png'));
      await page.evaluate(`(() => { const i = document.querySelector('[data-testid=input-ip]'); i.value = 'https://${HAND_PRINTER}/cgi-bin/epos/service.cgi?devid=local_printer'; i.dispatchEvent(new Event('input', { bubbles: true })); })()`);
      await page.click('[data-testid=save-device]');
      await page.waitFor('[data-testid=device-printer-2][data-access=granted]', 20_000);
      expect((await call<Config>(session, { type: 'getConfig' })).printers.map((p) => p.ip)).toEqual([FAKE_ODOO.receiptPrinterIp, HAND_PRINTER]);
      if (browser === 'firefox') expect((await granted(page)).origins).toContain(`https://${HAND_PRINTER}/*`);

      await page.click('[data-testid=device-printer-2] [data-testid=remove]');
      await page.click('[data-testid=confirm-remove]');
      await page.waitFor('[data-testid=notice]');
      for (let i = 0; i < 50 && (await call<Config>(session, { type: 'getConfig' })).printers.length > 1; i++) await sleep(100);
      expect((await call<Config>(session, { type: 'getConfig' })).printers.map((p) => p.ip)).toEqual([FAKE_ODOO.receiptPrinterIp]);
      if (browser === 'firefox') {
        let origins: string[] = [];
        for (let i = 0; i < 50; i++) {
          origins = (await granted(page)).origins;
          if (!origins.includes(`https://${HAND_PRINTER}/*`)) break;
          await sleep(100);
        }
        expect(origins).not.toContain(`https://${HAND_PRINTER}/*`);
        expect(origins).toContain(`https://${FAKE_ODOO.receiptPrinterIp}/*`);
      }
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { startLab, type Lab } from '../lab/index';
import type { ExtensionSession } from './driver';
import type { CheckResult, Config } from '../../src/model';
import type { PopupState } from '../../src/messages';
import { BROWSERS, call, configFor, openSession } from './session';
import { sleep } from './util';


async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v) || Date.now() > end) return v;
    await sleep(250);
  }
}

/**
 * The worker may be stopped at any time (MV3) and wakes on alarms: what it keeps must survive,
 * an interrupted check must be taken up again, and the periodic check must notify once.
 */
for (const browser of BROWSERS) {
  describe(`the worker in ${browser}`, () => {
    let lab: Lab;
    let session: ExtensionSession;
    let config: Config;

    beforeAll(async () => {
      lab = await startLab();
      session = await openSession(browser, lab);
      // A hanging printer keeps a check running for seconds; a self-signed one turns red.
      config = configFor(lab, lab.scenarios.filter((s) => ['printer-hangs', 'printer-self-signed', 'box-19-ok'].includes(s.id)));
      await call(session, { type: 'saveConfig', config });
    });
    afterAll(async () => {
      await session?.close();
      await lab?.stop();
    });

    it.runIf(browser === 'chromium')('takes up a check interrupted by the browser stopping the worker, and loses nothing', async () => {
      const ctx = (session as unknown as { context: BrowserContext }).context;
      const before = (await call<PopupState>(session, { type: 'getState' })).last?.finishedAt ?? '';
      void session.message({ type: 'checkNow' }).catch(() => undefined); // its answer dies with the worker
      await sleep(1000);
      const page = await ctx.newPage();
      await page.goto(`chrome-extension://${(session as unknown as { extensionId: string }).extensionId}/options/index.html`);
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.close();
      // Waking it (any message) resumes the check; its result lands in the store.
      const state = await until(
        () => call<PopupState>(session, { type: 'getState' }),
        (s) => !!s.last && s.last.finishedAt > before && !s.running,
      );
      expect(state.last!.finishedAt > before).toBe(true);
      expect(state.last!.devices.map((d) => d.deviceId).sort()).toEqual(config.printers.map((p) => p.id).concat(config.boxes.map((b) => b.id)).sort());
      expect(state.config.printers.map((p) => p.ip).sort()).toEqual(config.printers.map((p) => p.ip).sort());
    });

    it('runs the periodic check on its alarm and notifies a device that turned red, once', async () => {
      const page = await session.openPage('options/index.html');
      const api = `(globalThis.browser ?? chrome)`;
      await page.evaluate(`${api}.notifications.getAll().then(async (all) => { for (const id of Object.keys(all)) await ${api}.notifications.clear(id); return true; })`);
      const before = (await call<PopupState>(session, { type: 'getState' })).last?.finishedAt ?? '';
      // The alarm the worker set for periodic checks, fired now instead of in 15 minutes.
      await page.evaluate(`${api}.alarms.create('periodic-check', { when: Date.now() + 200 }).then(() => true)`);
      const state = await until(
        () => call<PopupState>(session, { type: 'getState' }),
        (s) => !!s.last && s.last.finishedAt > before && !s.running,
      );
      expect(state.last!.finishedAt > before).toBe(true);
      const ids = await until(
        () => page.evaluate<string[]>(`${api}.notifications.getAll().then((all) => Object.keys(all))`),
        (v) => v.length > 0,
        10_000,
      );
      // Only red devices are notified; checking again with nothing changed notifies nothing.
      const red = state.last!.devices.filter((d) => d.severity === 'error').map((d) => `iot-doctor-${d.deviceId}`);
      for (const id of ids) expect(red).toContain(id);
      await page.evaluate(`${api}.notifications.getAll().then(async (all) => { for (const id of Object.keys(all)) await ${api}.notifications.clear(id); return true; })`);
      await call<CheckResult>(session, { type: 'checkNow' });
      await sleep(500);
      expect(await page.evaluate<string[]>(`${api}.notifications.getAll().then((all) => Object.keys(all))`)).toEqual([]);
      await page.close();
    });
  });
}

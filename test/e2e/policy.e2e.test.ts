/**
 * Fleet deployment, end to end: the built extension starts in a browser whose policy (managed
 * storage) names a lab box and printers. Without any click or message it checks them, its
 * state marks them as the administrator's, the alarm follows the policy's interval, a device
 * whose host access was never granted is diagnosed NEEDS_PERMISSION, and (Chromium, which
 * reloads policies while running) a changed policy is applied and checked at once.
 *
 * How the browsers get a policy without touching /etc: see test/e2e/chromium.ts (private
 * mount namespace) and test/e2e/firefox.ts (browser.policies.alternatePath in automation).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLab, type Lab, type Scenario } from '../lab/index';
import type { CheckResult } from '../../src/model';
import type { PopupState } from '../../src/messages';
import type { ManagedConfig } from '../../src/policy/types';
import { BROWSERS, ROOT, RESULTS, call, expected, labHosts, type BrowserName } from './session';
import { extensionCopy } from './extension-copy';
import { chromiumPolicyUnsupported, launchChromium, unpackedExtensionId, type ChromiumSession } from './chromium';
import { firefoxPolicyUnsupported, launchFirefox } from './firefox';
import type { ExtensionSession } from './driver';
import { sleep } from './util';

const GECKO_ID = (JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } }).browser_specific_settings.gecko.id;
/**
 * The printer whose host access the test copy never holds. A failing one: a healthy ePOS
 * printer answers any page (it sends CORS headers), so only a failure shows the missing access.
 */
const UNGRANTED = 'printer-refused';

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await get();
    if (ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms (last: ${JSON.stringify(last)?.slice(0, 600)})`);
    await sleep(500);
  }
}

const scenario = (lab: Lab, id: string): Scenario => lab.scenarios.find((s) => s.id === id)!;
/** A lab device as an administrator writes it in the policy: no id of the user's, a name, maybe an id of theirs. */
const entry = <T extends { id: string }>(d: T, id?: string): Omit<T, 'id'> & { id?: string } => {
  const { id: _userId, ...rest } = d;
  return id ? { ...rest, id } : rest;
};

function policyFor(lab: Lab, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    boxes: [entry(scenario(lab, 'box-19-ok').box!, 'shop-box')],
    printers: [entry(scenario(lab, 'printer-ok').printer!, 'kitchen'), entry(scenario(lab, UNGRANTED).printer!, 'no-access')],
    intervalMinutes: 7,
    dohUrl: lab.dohPublicUrl,
    notifications: false,
    allowUserDevices: false,
    ...extra,
  };
}

const UNSUPPORTED: Record<BrowserName, () => string | undefined> = {
  chromium: () => chromiumPolicyUnsupported(),
  firefox: () => firefoxPolicyUnsupported(),
};

async function launch(browser: BrowserName, lab: Lab, policy: Record<string, unknown>): Promise<ExtensionSession> {
  const dist = join(ROOT, 'dist', browser === 'chromium' ? 'chrome' : 'firefox');
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is not built: run npm run build`);
  // Host access to every lab device as if granted, except one: what a till looks like before "Allow access".
  const ungrantedIp = scenario(lab, UNGRANTED).printer!.ip;
  const extensionDir = extensionCopy(dist, labHosts(lab).filter((h) => h !== ungrantedIp));
  if (browser === 'chromium') {
    const id = unpackedExtensionId(extensionDir);
    return launchChromium({ extensionDir, caCertPath: lab.caCertPath, chromiumArgs: [`--host-resolver-rules=${lab.chromiumHostRules}`], policies: { '3rdparty': { extensions: { [id]: policy } } } });
  }
  return launchFirefox({ extensionDir, caCertPath: lab.caCertPath, firefoxPrefs: lab.firefoxPrefs, policies: { policies: { '3rdparty': { Extensions: { [GECKO_ID]: policy } } } } });
}

/** `alarms.get` from an extension page (the worker's alarms are the extension's). */
async function alarmPeriod(session: ExtensionSession): Promise<number | undefined> {
  const page = await session.openPage('options/index.html');
  try {
    return await page.evaluate<number | undefined>(`(globalThis.browser ?? globalThis.chrome).alarms.get('periodic-check').then((a) => a ? a.periodInMinutes : undefined)`);
  } finally {
    await page.close();
  }
}

for (const browser of BROWSERS) {
  const why = UNSUPPORTED[browser]();
  describe.skipIf(!!why)(`fleet policy in ${browser}${why ? ` (skipped: ${why})` : ''}`, () => {
    let lab: Lab;
    let session: ExtensionSession;
    let first: CheckResult;
    let boxIp: string;
    let printerIp: string;

    beforeAll(async () => {
      lab = await startLab();
      boxIp = scenario(lab, 'box-19-ok').box!.ip!;
      printerIp = scenario(lab, 'printer-ok').printer!.ip;
      session = await launch(browser, lab, policyFor(lab));
    });
    afterAll(async () => {
      await session?.close();
      await lab?.stop();
    });

    it('checks the devices of the policy by itself: no click, no message', async () => {
      // Before anything is asked of the extension, the lab devices see its probes.
      await until('probes reaching the lab', async () => [lab.requests(boxIp).length, lab.requests(printerIp).length], ([b, p]) => b! > 0 && p! > 0);
      const state = await until('a finished check', () => call<PopupState>(session, { type: 'getState' }), (s) => !!s.last && !s.running && s.last.devices.length >= 3);
      first = state.last!;
      writeFileSync(join(RESULTS, `${browser}-policy-result.json`), JSON.stringify(first, null, 2));
      const code = (id: string) => first.devices.find((d) => d.deviceId === id)?.code;
      expect({ box: code('policy-shop-box'), printer: code('policy-kitchen') }).toEqual({ box: expected(scenario(lab, 'box-19-ok'), browser), printer: expected(scenario(lab, 'printer-ok'), browser) });
    });

    it('diagnoses a device whose host access was never granted as NEEDS_PERMISSION, and says which origins to ask for', async () => {
      expect(first.devices.find((d) => d.deviceId === 'policy-no-access')?.code).toBe('NEEDS_PERMISSION');
      const config = await call<ManagedConfig>(session, { type: 'getConfig' });
      const ip = scenario(lab, UNGRANTED).printer!.ip;
      expect(config.managed?.missingOrigins).toEqual([`http://${ip}/*`, `https://${ip}/*`]);
    });

    it("answers the configuration with the administrator's part marked", async () => {
      const config = await call<ManagedConfig>(session, { type: 'getConfig' });
      expect(config.boxes.map((b) => b.id)).toEqual(['policy-shop-box']);
      expect(config.printers.map((p) => p.id)).toEqual(['policy-kitchen', 'policy-no-access']);
      expect(config.settings).toMatchObject({ intervalMinutes: 7, notifications: false, dohUrl: lab.dohPublicUrl });
      expect(config.managed).toMatchObject({ boxes: ['policy-shop-box'], printers: ['policy-kitchen', 'policy-no-access'], settings: ['intervalMinutes', 'dohUrl', 'notifications'], locked: true, hidden: [], issues: [] });
      const state = await call<PopupState>(session, { type: 'getState' });
      expect(state.config.managed?.locked).toBe(true);
    });

    it("runs the periodic check at the policy's interval", async () => {
      expect(await until('the alarm', () => alarmPeriod(session), (p) => p !== undefined, 30_000)).toBe(7);
    });

    it('refuses a device added on the till while the list is locked, and keeps the policy in force', async () => {
      const config = await call<ManagedConfig>(session, { type: 'getConfig' });
      const mine = scenario(lab, 'printer-cover-open').printer!;
      const saved = await call<{ ok: boolean; errors?: string[] }>(session, { type: 'saveConfig', config: { ...config, printers: [...config.printers, { ...mine, id: '' }] } });
      expect(saved).toEqual({ ok: false, errors: ['printers.2.ip: locked-by-policy'] });
      // A settings change the policy does not forbid is saved; the policy's own settings stay.
      const again = await call<{ ok: boolean; config?: ManagedConfig }>(session, { type: 'saveConfig', config: { ...config, settings: { ...config.settings, intervalMinutes: 60 } } });
      expect(again.ok).toBe(true);
      expect(again.config?.settings.intervalMinutes).toBe(7);
      expect(again.config?.printers.map((p) => p.id)).toEqual(['policy-kitchen', 'policy-no-access']);
    });

    it("shows the administrator's devices read-only in the options page, the lock, and one \"Allow access\" (Firefox: granted by that click)", async () => {
      const page = await session.openPage('options/index.html', { width: 900, height: 1000 });
      try {
        await page.waitFor('[data-testid=device-policy-kitchen][data-managed=true]', 20_000);
        const rows = await page.evaluate<Array<[string, string, boolean, number]>>(
          `[...document.querySelectorAll('[data-testid^=device-]')].map((e) => [e.dataset.testid, e.dataset.managed, !!e.querySelector('[data-testid=managed-badge]'), e.querySelectorAll('button').length])`,
        );
        // Badge, no edit/remove, nothing else to press on a row (its access stays shown).
        expect(rows).toEqual([
          ['device-policy-shop-box', 'true', true, 0],
          ['device-policy-kitchen', 'true', true, 0],
          ['device-policy-no-access', 'true', true, 0],
        ]);
        expect(await page.text('[data-testid=device-policy-kitchen] [data-testid=managed-badge]')).toBe('Set by your administrator');
        expect(await page.text('[data-testid=locked-note]')).toContain('The device list is locked');
        expect(await page.evaluate<boolean[]>(`['add-box', 'add-printer', 'find-odoo', 'import', 'input-interval', 'input-doh', 'input-notifications'].map((id) => document.querySelector('[data-testid=' + id + ']').disabled)`)).toEqual(Array(7).fill(true));
        expect(await page.evaluate<string>(`document.querySelector('[data-testid=input-interval]').value`)).toBe('7');
        const ungranted = scenario(lab, UNGRANTED).printer!.ip;
        expect(await page.text('[data-testid=managed-access]')).toContain(ungranted);
        await page.screenshot(join(RESULTS, `${browser}-options-policy.png`));
        if (browser === 'firefox') {
          // Firefox grants optional host access without a prompt here, but only inside a real click.
          await page.click('[data-testid=grant-managed]');
          await until('the access granted', () => page.evaluate<boolean>(`!document.querySelector('[data-testid=managed-access]')`), (gone) => gone, 20_000);
          expect((await call<ManagedConfig>(session, { type: 'getConfig' })).managed?.missingOrigins).toEqual([]);
          await page.waitFor('[data-testid=device-policy-no-access][data-access=granted]');
        }
      } finally {
        await page.close();
      }
    });

    it.runIf(browser === 'chromium')('applies a changed policy at once: new devices checked without a click, new interval', async () => {
      const file = (session as ChromiumSession).policyFile!;
      const policy = JSON.parse(readFileSync(file, 'utf8')) as { '3rdparty': { extensions: Record<string, Record<string, unknown>> } };
      const [id] = Object.keys(policy['3rdparty'].extensions);
      const cover = scenario(lab, 'printer-cover-open');
      const changed = policyFor(lab, { intervalMinutes: 3, printers: [...(policyFor(lab).printers as unknown[]), entry(cover.printer!, 'cover')] });
      writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id!]: changed } } }, null, 2));
      const state = await until('the changed policy checked', () => call<PopupState>(session, { type: 'getState' }), (s) => !s.running && !!s.last?.devices.some((d) => d.deviceId === 'policy-cover'));
      expect(state.last!.devices.find((d) => d.deviceId === 'policy-cover')?.code).toBe(expected(cover, browser));
      expect(state.config.managed?.printers).toEqual(['policy-kitchen', 'policy-no-access', 'policy-cover']);
      expect(await until('the new interval', () => alarmPeriod(session), (p) => p === 3, 30_000)).toBe(3);
    });
  });
}

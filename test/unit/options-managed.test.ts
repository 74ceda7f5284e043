/**
 * The options page under an administrator's policy (`config.managed`, src/policy/types.ts):
 * first the rendering logic on sample merged configurations (which device and setting is
 * read-only, the texts of hidden devices, policy problems and refusals), then the built page
 * in Chromium with the worker's own policy store behind it (options/dev/harness.ts): managed
 * rows read-only with their badge, the lock, one "Allow access" for the administrator's
 * devices, keyboard and axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DEFAULT_SETTINGS, type Config } from '../../src/model';
import { mergePolicy } from '../../src/policy/merge';
import { createConfigService } from '../../src/config/service';
import { hiddenReason, isLockedAnswer, isLockedError, issuePlace, issueText, managedView, POLICY_CODES, saveErrorText } from '../../options/managed';
import { axeViolations, buildInto, CHROMIUM, startHarness, type Harness } from '../../options/dev/harness';
import { englishT } from './options-i18n';

const t = englishT();
const origins = (ip: string) => [`http://${ip}/*`, `https://${ip}/*`];
const request = (o: object) => `request:${JSON.stringify(o)}`;

/** What a cashier had set up by hand before IT rolled out the policy. */
const userConfig: Config = {
  boxes: [],
  printers: [
    { id: 'printer-1', name: 'My kitchen copy', ip: '192.168.1.60' },
    { id: 'printer-2', name: 'Back office', ip: '192.168.1.70' },
  ],
  settings: { ...DEFAULT_SETTINGS, intervalMinutes: 30 },
};

/** The shop's policy, locked, with a problem of every kind the page must explain. */
const lockedPolicy = {
  boxes: [{ id: 'shop-box', name: 'Shop box', hostname: '192-168-1-5.d73e7513.odoo-iot.com', ip: '192.168.1.5' }],
  printers: [
    { id: 'kitchen', name: 'Kitchen', ip: '192.168.1.60' },
    { id: 'bar', name: 'Bar', ip: '192.168.1.61', deviceId: 'bar', colour: 'red' },
    { name: 'Terrace', ip: '192.168.1.300' },
    'Office printer',
    { name: 'Kitchen again', ip: '192.168.1.60' },
    { id: 'a b', ip: '192.168.1.62' },
    { id: 'kitchen', ip: '192.168.1.63' },
    { ip: 17 },
  ],
  intervalMinutes: 5,
  dohUrl: 'http://dns.example/dns-query',
  notifications: 'yes',
  allowUserDevices: false,
  alowUserDevices: true,
};

/** The same devices, the list left open: the user's own devices next to the administrator's. */
const openPolicy = {
  printers: [
    { id: 'kitchen', name: 'Kitchen', ip: '192.168.1.60' },
    { id: 'bar', name: 'Bar', ip: '192.168.1.61', deviceId: 'bar' },
  ],
  intervalMinutes: 5,
};

describe('what the page makes of config.managed', () => {
  it('without a policy: nothing is managed, nothing locked, nothing to show', () => {
    const v = managedView(mergePolicy(userConfig, {}));
    expect(v).toMatchObject({ present: false, locked: false, hidden: [], missingOrigins: [], issues: [] });
    expect(v.device('printer-1')).toBe(false);
    expect(v.setting('intervalMinutes')).toBe(false);
    expect(managedView(null).present).toBe(false);
  });

  it("locked: the policy's devices and valid settings are read-only, the user's devices hidden", () => {
    const m = mergePolicy(userConfig, lockedPolicy);
    const v = managedView({ ...m, managed: { ...m.managed!, missingOrigins: origins('192.168.1.61') } });
    expect(v.present && v.locked).toBe(true);
    expect([...m.boxes, ...m.printers].map((d) => [d.id, v.device(d.id)])).toEqual([
      ['policy-shop-box', true],
      ['policy-kitchen', true],
      ['policy-bar', true],
      ['policy-printer-192-168-1-62', true],
      ['policy-printer-192-168-1-63', true],
    ]);
    // dohUrl is not https and notifications is not a boolean: left out, so the user keeps them.
    expect([v.setting('intervalMinutes'), v.setting('dohUrl'), v.setting('notifications')]).toEqual([true, false, false]);
    expect(v.hidden.map((h) => `${h.label} – ${hiddenReason(h, t)}`)).toEqual(['My kitchen copy – not checked while the list is locked', 'Back office – not checked while the list is locked']);
    expect(v.missingOrigins).toEqual(origins('192.168.1.61'));
  });

  it('open: only the copy of a managed device is hidden, as "now set by your administrator"', () => {
    const m = mergePolicy(userConfig, openPolicy);
    const v = managedView(m);
    expect(v.locked).toBe(false);
    expect(m.printers.map((p) => [p.id, v.device(p.id)])).toEqual([
      ['policy-kitchen', true],
      ['policy-bar', true],
      ['printer-2', false],
    ]);
    expect(v.hidden.map((h) => `${h.label} – ${hiddenReason(h, t)}`)).toEqual(['My kitchen copy – now set by your administrator']);
  });

  it('every problem of the policy reads as a sentence: where, what, left out or applied', () => {
    const { issues } = managedView(mergePolicy(userConfig, lockedPolicy));
    const lines = issues.map((i) => {
      const { place, problem, outcome } = issueText(i, t);
      return `[${outcome}] ${place}: ${problem}`;
    });
    expect(lines).toEqual([
      '[Applied, with a warning] Printer 2 of the policy, key “colour”: IoT Doctor does not know this key (a typo, or a key of a newer version), so it is not read.',
      '[Left out] Printer 3 of the policy, key “ip”: In “192.168.1.300”, 300 is too big: each of the four numbers of an IP address goes from 0 to 255. Look for a typo.',
      '[Left out] Printer 4 of the policy: Not a device: each entry is a JSON object, { … }, with keys like ip and name.',
      '[Left out] Printer 5 of the policy: The same device is already in the policy (Kitchen).',
      '[Applied, with a warning] Printer 6 of the policy, key “id”: “a b” cannot be an id (letters, digits, . _ - and 40 at most): the device gets an id made from its address.',
      '[Applied, with a warning] Printer 7 of the policy, key “id”: Another device of the policy has the id “kitchen”: this one gets an id made from its address.',
      '[Left out] Printer 8 of the policy, key “ip”: Wrong type: expected a text.',
      '[Left out] Policy key “dohUrl”: The DNS-over-HTTPS address must start with https://.',
      '[Left out] Policy key “notifications”: Wrong type: expected true or false.',
      '[Left out] Policy key “alowUserDevices”: IoT Doctor does not know this key (a typo, or a key of a newer version), so it is not read.',
    ]);
  });

  it('the list-level problems and every policy code have their own text (no key names, no unknown-code fallback)', () => {
    const m = mergePolicy(userConfig, { boxes: { ip: '192.168.1.5' }, printers: Array.from({ length: 201 }, (_, i) => ({ ip: `10.0.${i >> 8}.${(i & 255) + 1}` })), intervalMinutes: 2000 });
    expect(m.managed!.issues.map((i) => Object.values(issueText(i, t)).join(' | '))).toEqual([
      'Policy key “boxes” | Not a list: write it as a JSON list, [ … ]. | Left out',
      'Policy key “printers” | More than 200 devices: only the first 200 are read. | Left out',
      'Policy key “intervalMinutes” | “2000” is not a number of minutes from 0 (never) to 1440 (once a day). | Left out',
    ]);
    for (const error of POLICY_CODES) {
      const { problem } = issueText({ field: 'printers.0', error, args: ['x'], ignored: true }, t);
      expect(problem, error).not.toMatch(/opt_|cannot be used/);
    }
    expect(issueText({ field: 'intervalMinutes', error: 'wrong-type', args: ['integer'], ignored: true }, t).problem).toBe('Wrong type: expected a whole number.');
    expect(issuePlace('boxes.0.hostname', t)).toBe('IoT box 1 of the policy, key “hostname”');
  });

  it('a refusal by the lock is told plainly, once, whatever the number of devices', () => {
    const errors = ['boxes.0.hostname: locked-by-policy', 'printers.2.ip: locked-by-policy'];
    expect(isLockedAnswer(errors)).toBe(true);
    expect(saveErrorText(errors, t)).toBe('Your administrator manages the device list: no device can be added or changed here.');
    expect(saveErrorText(['printers.0.ip: duplicate'], t)).toBe('This device is already in the list ().');
    expect(isLockedAnswer(['printers.0.ip: duplicate'])).toBe(false);
    expect(isLockedError('locked-by-policy: Terrace, Back office')).toBe(true);
    expect(isLockedError('No answer to importDevices')).toBe(false);
  });

  it('checkConfig (the page\'s dry run) reports the lock as saveConfig does', async () => {
    const merged = mergePolicy(userConfig, lockedPolicy);
    const svc = createConfigService({ getConfig: async () => merged, setConfig: async () => undefined, onConfigChanged: () => undefined });
    const added = await svc.check({ ...merged, printers: [...merged.printers, { id: '', name: 'Terrace', ip: '192.168.1.80' }] });
    expect(added.ok).toBe(false);
    expect(added.errors).toEqual([{ field: 'printers.4.ip', error: 'locked-by-policy', args: ['Terrace'] }]);
    expect((await svc.check(merged)).ok).toBe(true);
    // Without a lock, an added device is only validated.
    const open = mergePolicy(userConfig, openPolicy);
    const svcOpen = createConfigService({ getConfig: async () => open, setConfig: async () => undefined, onConfigChanged: () => undefined });
    expect((await svcOpen.check({ ...open, printers: [...open.printers, { id: '', ip: '192.168.1.80' }] })).errors).toEqual([]);
  });
});

const testid = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

describe.skipIf(!existsSync(CHROMIUM))('options page under a policy, in Chromium', () => {
  let h: Harness;
  let ctx: BrowserContext;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'iot-doctor-options-'));
    await buildInto(dist);
    h = await startHarness(dist);
    ctx = await h.context();
  }, 180_000);

  afterAll(async () => {
    await h?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('locked: managed rows read-only with their badge and status, Add / Find / Import disabled, the lock and the hidden devices told', async () => {
    const o = await h.open(ctx, { config: userConfig, granted: [...origins('192.168.1.5'), ...origins('192.168.1.60')], policy: lockedPolicy });
    const { page } = o;
    await page.waitForSelector('[data-testid=device-policy-kitchen][data-access=granted]');
    const rows = await page.$$eval('[data-testid^=device-]', (els) =>
      els.map((e) => ({ id: e.getAttribute('data-testid'), managed: e.getAttribute('data-managed'), badge: e.querySelector('[data-testid=managed-badge]')?.textContent, controls: e.querySelectorAll('button').length, access: e.getAttribute('data-access') })),
    );
    expect(rows).toEqual([
      { id: 'device-policy-shop-box', managed: 'true', badge: 'Set by your administrator', controls: 0, access: 'granted' },
      { id: 'device-policy-kitchen', managed: 'true', badge: 'Set by your administrator', controls: 0, access: 'granted' },
      { id: 'device-policy-bar', managed: 'true', badge: 'Set by your administrator', controls: 0, access: 'missing' },
      { id: 'device-policy-printer-192-168-1-62', managed: 'true', badge: 'Set by your administrator', controls: 0, access: 'missing' },
      { id: 'device-policy-printer-192-168-1-63', managed: 'true', badge: 'Set by your administrator', controls: 0, access: 'missing' },
    ]);
    expect(await page.innerText('[data-testid=device-policy-bar]')).toContain('No access');
    expect(await page.innerText('[data-testid=locked-note] span:last-child')).toBe("The device list is locked: only your administrator's devices are checked. Devices cannot be added, found in Odoo or imported here.");
    for (const b of ['add-box', 'add-printer', 'find-odoo', 'import']) expect(await page.isDisabled(`[data-testid=${b}]`), b).toBe(true);
    expect(await page.isDisabled('[data-testid=export]')).toBe(false);
    expect(await page.locator('[data-testid=locked-hint]').allInnerTexts()).toEqual(Array(4).fill('Your administrator manages this list.'));
    expect(await page.$$eval('[data-testid=hidden-devices] li', (els) => els.map((e) => [e.getAttribute('data-reason'), (e as HTMLElement).innerText]))).toEqual([
      ['locked', 'My kitchen copy – not checked while the list is locked'],
      ['locked', 'Back office – not checked while the list is locked'],
    ]);
    const issues = await page.$$eval('[data-testid=policy-issues] li', (els) => els.map((e) => [e.getAttribute('data-field'), e.getAttribute('data-code'), e.getAttribute('data-ignored')]));
    expect(issues).toContainEqual(['printers.2.ip', 'ip-octet-range', 'true']);
    expect(issues).toContainEqual(['printers.1.colour', 'unknown-key', 'false']);
    expect(await page.innerText('#issues-head')).toBe('Problems in the policy (10)');
    expect(await page.innerText('[data-testid=policy-issues]')).toContain('Left out Printer 3 of the policy, key “ip”: In “192.168.1.300”, 300 is too big');
    await o.close();
  });

  it("settings: the policy's are disabled with the badge in their label, the others are saved; the user's own value stays stored", async () => {
    const o = await h.open(ctx, { config: userConfig, policy: lockedPolicy });
    const { page } = o;
    await page.waitForSelector('[data-testid=settings]');
    expect(await page.isDisabled('[data-testid=input-interval]')).toBe(true);
    expect(await page.inputValue('[data-testid=input-interval]')).toBe('5');
    expect(await page.getAttribute('[data-setting=intervalMinutes]', 'data-managed')).toBe('true');
    // The accessible name says who sets it.
    expect(await page.getByRole('spinbutton', { name: 'Check every … minutes Set by your administrator', exact: true }).getAttribute('data-testid')).toBe('input-interval');
    expect(await page.isDisabled('[data-testid=input-notifications]')).toBe(false);
    expect(await page.isDisabled('[data-testid=input-doh]')).toBe(false);
    expect(await page.locator('[data-testid=settings] [data-testid=managed-badge]').count()).toBe(1);
    await page.uncheck('[data-testid=input-notifications]');
    await page.fill('[data-testid=input-doh]', 'off');
    await page.click('[data-testid=save-settings]');
    await expect.poll(() => o.config().settings).toEqual({ intervalMinutes: 30, notifications: false, dohUrl: '' });
    expect(await page.inputValue('[data-testid=input-interval]')).toBe('5');
    await o.close();
  });

  it('every setting set by the policy: no Save button left', async () => {
    const o = await h.open(ctx, { policy: { intervalMinutes: 5, notifications: false, dohUrl: '' } });
    await o.page.waitForSelector('[data-testid=settings]');
    for (const s of ['interval', 'notifications', 'doh']) expect(await o.page.isDisabled(`[data-testid=input-${s}]`), s).toBe(true);
    expect(await o.page.locator('[data-testid=save-settings]').count()).toBe(0);
    expect(await o.page.locator('[data-testid=locked-note]').count()).toBe(0);
    await o.close();
  });

  it('"Allow access": one request for exactly managed.missingOrigins, in the click; then the page asks the worker again', async () => {
    const o = await h.open(ctx, { config: userConfig, granted: [...origins('192.168.1.5'), ...origins('192.168.1.60')], policy: lockedPolicy });
    const { page } = o;
    await page.waitForSelector('[data-testid=grant-managed]');
    expect(await page.innerText('[data-testid=managed-access]')).toContain('192.168.1.61, 192.168.1.62, 192.168.1.63');
    // The administrator's devices are not the user's banner's business, nor each row's.
    expect(await page.locator('[data-testid=grant-all], [data-managed=true] [data-testid=grant]').count()).toBe(0);
    await page.click('[data-testid=grant-managed]');
    await page.waitForSelector('[data-testid=managed-access]', { state: 'detached' });
    expect(await o.permissionLog()).toEqual([request({ origins: [...origins('192.168.1.61'), ...origins('192.168.1.62'), ...origins('192.168.1.63')] })]);
    await page.waitForSelector('[data-testid=device-policy-bar][data-access=granted]');
    expect(await page.innerText('[data-testid=notice]')).toBe('Access granted.');
    await o.close();
  });

  it('open list: own devices editable next to read-only managed ones; a copy of a managed device is refused', async () => {
    const o = await h.open(ctx, { config: userConfig, granted: origins('192.168.1.70'), policy: openPolicy });
    const { page } = o;
    await page.waitForSelector('[data-testid=device-printer-2]');
    expect(await page.locator('[data-testid=device-printer-2] [data-testid=edit]').count()).toBe(1);
    expect(await page.locator('[data-testid=device-printer-2] [data-testid=managed-badge]').count()).toBe(0);
    expect(await page.getAttribute('[data-testid=device-printer-2]', 'data-managed')).toBeNull();
    expect(await page.locator('[data-managed=true] [data-testid=edit], [data-managed=true] [data-testid=remove]').count()).toBe(0);
    expect(await page.locator('[data-testid=locked-note]').count()).toBe(0);
    expect(await page.isDisabled('[data-testid=add-printer]')).toBe(false);
    expect(await page.innerText('[data-testid=hidden-devices] li')).toBe('My kitchen copy – now set by your administrator');
    await page.click('[data-testid=add-printer]');
    await page.fill('[data-testid=input-ip]', '192.168.1.61');
    await page.fill('[data-testid=input-devid]', 'bar');
    await page.click('[data-testid=save-device]');
    await page.waitForSelector('.field-error [data-code=duplicate]');
    expect(await page.innerText('#printer-form-ip-msg')).toContain('already in the list (Bar)');
    await page.fill('[data-testid=input-ip]', '192.168.1.71');
    await page.fill('[data-testid=input-devid]', 'local_printer');
    await page.click('[data-testid=save-device]');
    // The worker gives it an id no hidden device holds (printer-1 is the hidden copy).
    await page.waitForSelector('[data-testid=device-printer-1-2]');
    // Stored: the user's own devices only (the hidden copy kept), never the policy's.
    expect(o.config().printers.map((p) => p.ip).sort()).toEqual(['192.168.1.60', '192.168.1.70', '192.168.1.71']);
    await o.close();
  });

  it('a lock that arrives while the page is open: the save and the import are refused in plain words, and the page shows the lock', async () => {
    const o = await h.open(ctx, { config: userConfig, granted: origins('192.168.1.70'), policy: openPolicy });
    const { page } = o;
    await page.waitForSelector('[data-testid=device-printer-2]');
    o.setPolicy({ ...openPolicy, allowUserDevices: false });
    await page.setInputFiles('[data-testid=import-file]', { name: 'devices.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ printers: [{ ip: '192.168.1.80' }] })) });
    await page.waitForSelector('[data-testid=import-result] [data-code=locked-by-policy]');
    const said = await page.innerText('[data-testid=import-result]');
    expect(said).toMatch(/^Nothing imported from devices\.json:\s+Your administrator manages the device list: no device can be added or changed here\.$/);
    await page.waitForSelector('[data-testid=locked-note]');
    expect(await page.isDisabled('[data-testid=add-printer]')).toBe(true);
    expect(o.config().printers.map((p) => p.ip)).toEqual(['192.168.1.60', '192.168.1.70']);
    await o.close();

    const o2 = await h.open(ctx, { config: userConfig, granted: origins('192.168.1.70'), policy: openPolicy });
    await o2.page.click('[data-testid=add-printer]');
    o2.setPolicy({ ...openPolicy, allowUserDevices: false });
    await o2.page.fill('[data-testid=input-ip]', '192.168.1.81');
    await o2.page.click('[data-testid=save-device]');
    await o2.page.waitForSelector('.field-error [data-code=locked-by-policy]');
    expect(await o2.page.innerText('#printer-form-ip-msg')).toBe('✕\nYour administrator manages the device list: no device can be added or changed here.');
    await o2.page.waitForSelector('[data-testid=locked-note]');
    await o2.close();

    // Two own devices on show when the lock comes: saving the settings is refused once, in words.
    const two = { ...userConfig, printers: [...userConfig.printers, { id: 'printer-3', name: 'Terrace', ip: '192.168.1.72' }] };
    const o3 = await h.open(ctx, { config: two, policy: openPolicy });
    await o3.page.waitForSelector('[data-testid=device-printer-3]');
    o3.setPolicy({ ...openPolicy, allowUserDevices: false });
    await o3.page.click('[data-testid=save-settings]');
    await o3.page.waitForSelector('[data-testid=settings] [data-code=locked-by-policy]');
    expect(await o3.page.locator('[data-testid=settings] [role=alert]').allInnerTexts()).toEqual(['✕\nYour administrator manages the device list: no device can be added or changed here.']);
    await o3.page.waitForSelector('[data-testid=locked-note]');
    await o3.close();
  });

  it('keyboard: Tab reaches "Allow access" and Enter asks; no managed row holds a control to reach', async () => {
    const o = await h.open(ctx, { config: userConfig, granted: origins('192.168.1.60'), policy: openPolicy });
    const { page } = o;
    await page.waitForSelector('[data-testid=grant-managed]');
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const id = await testid(page);
      if (id) seen.push(id);
      if (id === 'grant-managed') break;
    }
    expect(seen.at(-1)).toBe('grant-managed');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=managed-access]', { state: 'detached' });
    expect(await o.permissionLog()).toEqual([request({ origins: origins('192.168.1.61') })]);
    // The whole page by Tab: edit/remove of the user's device, none of the administrator's.
    const all: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const a = document.activeElement;
        return a ? `${a.closest('[data-testid^=device-]')?.getAttribute('data-testid') ?? ''}/${a.getAttribute('data-testid') ?? a.tagName}` : '';
      });
      all.push(id);
    }
    expect(all).toContain('device-printer-2/edit');
    expect(all.filter((id) => id.startsWith('device-policy-'))).toEqual([]);
    await o.close();
  });

  it('footer: the privacy statement and the padlock audit, each in a new tab', async () => {
    const o = await h.open(ctx);
    const links = await o.page.$$eval('.page-foot a', (els) => els.map((a) => [(a as HTMLAnchorElement).innerText, new URL((a as HTMLAnchorElement).href).pathname, a.getAttribute('target')]));
    expect(links).toEqual([
      ['Privacy', '/privacy/index.html', '_blank'],
      ['Padlock audit', '/audit/index.html', '_blank'],
    ]);
    await o.close();
  });

  it.each(['light', 'dark'] as const)('axe finds nothing under a policy (%s: locked with problems; open with a form)', async (colorScheme) => {
    const c = await h.context({ colorScheme });
    const locked = await h.open(c, { config: userConfig, granted: origins('192.168.1.60'), policy: lockedPolicy });
    await locked.page.waitForSelector('[data-testid=policy-issues]');
    expect(await axeViolations(locked.page)).toEqual([]);
    await locked.close();
    const open = await h.open(c, { config: userConfig, policy: openPolicy });
    await open.page.click('[data-testid=add-printer]');
    await open.page.fill('[data-testid=input-ip]', '192.168.1.61');
    await open.page.fill('[data-testid=input-devid]', 'bar');
    await open.page.click('[data-testid=save-device]');
    await open.page.waitForSelector('.field-error');
    expect(await axeViolations(open.page)).toEqual([]);
    await open.close();
    await c.close();
  });
});

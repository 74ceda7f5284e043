/**
 * The options page in a real Chromium, built from the sources into a temporary folder, served
 * on 127.0.0.1, its worker answered in Node by the real config and discovery code, its Odoo tab
 * the lab's fake Odoo on 127.0.0.60 (options/dev/harness.ts). Checks what the page promises:
 * per-field messages, nothing saved on errors, host permissions asked in the click and given
 * back on removal, discovery, import/export, keyboard use and axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { DEFAULT_SETTINGS, type Config } from '../../src/model';
import { axeViolations, buildInto, CHROMIUM, startHarness, type Harness } from '../../options/dev/harness';
import { FAKE_ODOO } from '../lab/odoo';

const origins = (ip: string) => [`http://${ip}/*`, `https://${ip}/*`];
const request = (o: object) => `request:${JSON.stringify(o)}`;
const remove = (o: object) => `remove:${JSON.stringify(o)}`;

const sample: Config = {
  boxes: [{ id: 'box-1', name: 'Shop box', hostname: '192-168-1-5.d73e7513.odoo-iot.com' }],
  printers: [
    { id: 'printer-1', name: 'Kitchen', ip: '192.168.1.21' },
    { id: 'printer-2', name: 'Kitchen 2', ip: '192.168.1.21', deviceId: 'second' },
    { id: 'printer-3', name: 'Bar', ip: '192.168.1.22' },
  ],
  settings: { ...DEFAULT_SETTINGS },
};
const sampleGranted = [...origins('192.168.1.5'), ...origins('192.168.1.21')];

describe.skipIf(!existsSync(CHROMIUM))('options page in Chromium', () => {
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

  it('a typo is told under its input, nothing is saved, no permission is asked', async () => {
    const o = await h.open(ctx);
    const { page } = o;
    await page.click('[data-testid=add-printer]');
    await page.fill('[data-testid=input-ip]', '192.168.1.300');
    await page.click('[data-testid=save-device]');
    await page.waitForSelector('.field-error [data-code=ip-octet-range]');
    expect(await page.getAttribute('[data-testid=input-ip]', 'aria-invalid')).toBe('true');
    expect(await page.innerText('#printer-form-ip-msg')).toContain('300 is too big');
    expect(o.config().printers).toEqual([]);
    expect(await o.permissionLog()).toEqual([]);
    await o.close();
  });

  it('saving asks for exactly the device IP in the click, and the row shows access', async () => {
    const o = await h.open(ctx);
    const { page } = o;
    await page.click('[data-testid=add-printer]');
    await page.fill('[data-testid=input-ip]', 'https://192.168.1.30/cgi-bin/epos/service.cgi?devid=local_printer');
    await page.fill('[data-testid=input-name]', 'Front');
    await page.click('[data-testid=save-device]');
    await page.waitForSelector('[data-testid=device-printer-1][data-access=granted]');
    expect(o.config().printers).toEqual([{ id: 'printer-1', ip: '192.168.1.30', name: 'Front' }]);
    expect(await o.permissionLog()).toEqual([request({ origins: origins('192.168.1.30') })]);
    await o.close();
  });

  it('fixing a typo and saving at once still asks for the access (a stale check decides nothing)', async () => {
    const o = await h.open(ctx);
    const { page } = o;
    await page.click('[data-testid=add-printer]');
    await page.fill('[data-testid=input-ip]', '192.168.1.300');
    await page.click('[data-testid=save-device]');
    await page.waitForSelector('.field-error');
    await page.fill('[data-testid=input-ip]', '192.168.1.30');
    await page.click('[data-testid=save-device]');
    await page.waitForSelector('[data-testid=device-printer-1][data-access=granted]');
    expect(await o.permissionLog()).toEqual([request({ origins: origins('192.168.1.30') })]);
    await o.close();
  });

  it('refused access: saved anyway, "Grant access" asks again', async () => {
    const o = await h.open(ctx, { deny: true });
    const { page } = o;
    await page.click('[data-testid=add-box]');
    await page.fill('[data-testid=input-address]', '192-168-1-5.d73e7513.odoo-iot.com');
    await page.press('[data-testid=input-address]', 'Enter');
    await page.waitForSelector('[data-testid=device-box-1][data-access=missing]');
    expect(await page.innerText('[data-testid=notice]')).toMatch(/^Saved, but without access/);
    await page.click('[data-testid=device-box-1] [data-testid=grant]');
    await expect.poll(() => o.permissionLog()).toEqual([request({ origins: origins('192.168.1.5') }), request({ origins: origins('192.168.1.5') })]);
    await o.close();
  });

  it('removing gives the permission back unless another device uses the IP', async () => {
    const o = await h.open(ctx, { config: sample, granted: sampleGranted });
    const { page } = o;
    await page.waitForSelector('[data-testid=device-printer-3][data-access=missing]');
    expect(await page.isVisible('[data-testid=grant-all]')).toBe(false); // only one device lacks access
    await page.click('[data-testid=device-printer-1] [data-testid=remove]');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirm-remove');
    await page.click('[data-testid=confirm-remove]');
    await page.waitForSelector('[data-testid=device-printer-1]', { state: 'detached' });
    expect(await o.permissionLog()).toEqual([]); // "Kitchen 2" still uses 192.168.1.21
    await page.click('[data-testid=device-printer-2] [data-testid=remove]');
    await page.click('[data-testid=confirm-remove]');
    await expect.poll(() => o.permissionLog()).toEqual([remove({ origins: origins('192.168.1.21') })]);
    expect(o.config().printers.map((p) => p.id)).toEqual(['printer-3']);
    await o.close();
  });

  it('editing keeps ports and device ids, and an address change gives the old one back', async () => {
    const cfg: Config = { ...sample, printers: [{ id: 'printer-1', name: 'Kitchen', ip: '192.168.1.21', httpsPort: 8043, deviceId: 'kitchen' }] };
    const o = await h.open(ctx, { config: cfg, granted: sampleGranted });
    const { page } = o;
    await page.click('[data-testid=device-printer-1] [data-testid=edit]');
    expect(await page.inputValue('[data-testid=input-ip]')).toBe('192.168.1.21:8043');
    expect(await page.inputValue('[data-testid=input-devid]')).toBe('kitchen');
    await page.fill('[data-testid=input-ip]', '192.168.1.24:8043');
    await page.click('[data-testid=save-device]');
    await page.waitForSelector('[data-testid=device-printer-1]');
    expect(o.config().printers).toEqual([{ id: 'printer-1', name: 'Kitchen', ip: '192.168.1.24', httpsPort: 8043, deviceId: 'kitchen' }]);
    expect(await o.permissionLog()).toEqual([request({ origins: origins('192.168.1.24') }), remove({ origins: origins('192.168.1.21') })]);
    await o.close();
  });

  it('settings: errors per field, "off" and 0 saved', async () => {
    const o = await h.open(ctx);
    const { page } = o;
    await page.fill('[data-testid=input-interval]', '-3');
    await page.fill('[data-testid=input-doh]', 'http://dns.example/dns-query');
    await page.click('[data-testid=save-settings]');
    await page.waitForSelector('[data-testid=settings] [data-code=doh-needs-https]');
    expect(await page.isVisible('[data-testid=settings] [data-code=bad-interval]')).toBe(true);
    expect(o.config().settings).toEqual(DEFAULT_SETTINGS);
    await page.fill('[data-testid=input-interval]', '0');
    await page.fill('[data-testid=input-doh]', 'off');
    await page.uncheck('[data-testid=input-notifications]');
    await page.click('[data-testid=save-settings]');
    await expect.poll(() => o.config().settings).toEqual({ dohUrl: '', intervalMinutes: 0, notifications: false });
    await o.close();
  });

  it('import: a wrong file saves nothing; a good one adds; export downloads the list', async () => {
    const o = await h.open(ctx, { config: sample, granted: sampleGranted });
    const { page } = o;
    const file = (json: unknown) => ({ name: 'devices.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
    await page.setInputFiles('[data-testid=import-file]', file({ printers: [{ ip: '192.168.1.40' }, { ip: '192.168.1.300' }] }));
    await page.waitForSelector('.msg-block-error');
    expect(await page.innerText('[data-testid=import-result]')).toContain('Printer 2 in the file: In “192.168.1.300”');
    expect(o.config().printers).toHaveLength(3);
    await page.setInputFiles('[data-testid=import-file]', file({ printers: [{ ip: '192.168.1.40', name: 'Terrace' }, { ip: '192.168.1.22', name: 'Bar (renamed)' }] }));
    await page.waitForSelector('.msg-block-ok');
    expect(await page.innerText('[data-testid=import-result]')).toContain('Imported: 1 added, 1 updated.');
    expect(o.config().printers.map((p) => p.name)).toEqual(['Kitchen', 'Kitchen 2', 'Bar (renamed)', 'Terrace']);
    await page.waitForSelector('[data-testid=grant-all]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export]')]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { format: string; printers: unknown[]; settings?: unknown };
    expect(download.suggestedFilename()).toMatch(/^iot-doctor-devices-\d{4}-\d{2}-\d{2}\.json$/);
    expect(exported.format).toBe('iot-doctor-devices');
    expect(exported.printers).toHaveLength(4);
    expect(exported.settings).toBeUndefined();
    await o.close();
  });

  it('discovery: tabs asked and given back, the Odoo site asked once and given back, picked devices added with their access', async () => {
    const o = await h.open(ctx, { odoo: 17 });
    const { page } = o;
    await page.click('[data-testid=find-odoo]');
    await page.waitForSelector('[data-testid=odoo-tab]');
    expect(await page.locator('[data-testid=odoo-tab]').count()).toBe(1);
    await page.click('[data-testid=read-tab]');
    await page.waitForSelector('[data-testid=discovery-result]');
    const proposals = await page.$$eval('[data-testid=proposal]', (els) => els.map((e) => [e.getAttribute('data-address'), e.getAttribute('data-addable')]));
    expect(proposals).toEqual([
      [FAKE_ODOO.boxHostname, 'true'],
      [FAKE_ODOO.kitchenPrinterIp, 'true'],
      [FAKE_ODOO.receiptPrinterIp, 'true'],
      [FAKE_ODOO.badEpsonAddress, 'false'],
    ]);
    expect(await page.innerText('[data-testid=discovery-result]')).toContain('Odoo 17.0');
    // Untick the kitchen printer, add the rest.
    await page.click(`[data-testid=proposal][data-address="${FAKE_ODOO.kitchenPrinterIp}"] input`);
    await page.click('[data-testid=add-discovered]');
    await page.waitForSelector('[data-testid=device-box-1]');
    expect(o.config().boxes).toEqual([{ id: 'box-1', name: 'IoT Box Shop', hostname: FAKE_ODOO.boxHostname, ip: FAKE_ODOO.boxIp }]);
    expect(o.config().printers).toEqual([{ id: 'printer-1', name: 'Receipt copy', ip: FAKE_ODOO.receiptPrinterIp }]);
    expect(await o.permissionLog()).toEqual([
      request({ permissions: ['tabs'] }),
      remove({ permissions: ['tabs'] }),
      request({ origins: ['http://127.0.0.60/*'] }),
      remove({ origins: ['http://127.0.0.60/*'] }),
      request({ origins: [...origins(FAKE_ODOO.boxIp), ...origins(FAKE_ODOO.receiptPrinterIp)] }),
    ]);
    expect((await o.granted()).sort()).toEqual([...origins(FAKE_ODOO.boxIp), ...origins(FAKE_ODOO.receiptPrinterIp)].sort());
    await o.close();
  });

  it('discovery: a logged-out tab and no Odoo tab are told plainly', async () => {
    const out = await h.open(ctx, { odoo: 'logged-out' });
    await out.page.click('[data-testid=find-odoo]');
    await out.page.click('[data-testid=read-tab]');
    await out.page.waitForSelector('[data-testid=discovery-result][data-error=session-expired]');
    expect(await out.page.innerText('[data-testid=discovery-result]')).toMatch(/not logged in/);
    await out.close();
    const none = await h.open(ctx, { odoo: null });
    await none.page.click('[data-testid=find-odoo]');
    await none.page.waitForSelector('[data-testid=no-odoo-tab]');
    await none.close();
  });

  it('keyboard: Tab reaches "Add a printer", Enter opens the form focused on the IP, Escape closes it', async () => {
    const o = await h.open(ctx);
    const { page } = o;
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'add-printer') break;
    }
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=printer-form]');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('printer-form-ip');
    expect(await page.evaluate(() => (document.querySelector('label[for=printer-form-ip]') as HTMLElement).innerText)).toContain('IP address of the printer');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=printer-form]', { state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('add-printer');
    await o.close();
  });

  it.each(['light', 'dark'] as const)('axe finds nothing (%s, list, form with errors, discovery result)', async (colorScheme) => {
    const c = await h.context({ colorScheme });
    const o = await h.open(c, { config: sample, granted: sampleGranted, odoo: 19 });
    const { page } = o;
    await page.click('[data-testid=add-printer]');
    await page.fill('[data-testid=input-ip]', 'printer.shop.lan');
    await page.click('[data-testid=save-device]');
    await page.waitForSelector('.field-error');
    await page.click('[data-testid=find-odoo]');
    await page.click('[data-testid=read-tab]');
    await page.waitForSelector('[data-testid=discovery-result]');
    expect(await axeViolations(page)).toEqual([]);
    await o.close();
    await c.close();
  });
});

/**
 * Screenshots of the built options page, light and dark, with and without errors, with and
 * without an administrator's policy, for a human to look at: `node --import tsx options/dev/shoot.ts [distDir]` (default: a fresh
 * build in a temporary folder). Writes test-results/options-dev/*.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../src/model';
import { DEFAULT_SETTINGS } from '../../src/model';
import { buildInto, ROOT, startHarness } from './harness';

const OUT = join(ROOT, 'test-results', 'options-dev');
mkdirSync(OUT, { recursive: true });
const given = process.argv[2];
const dist = given ?? mkdtempSync(join(tmpdir(), 'iot-doctor-options-'));
if (!given) await buildInto(dist);

const sample: Config = {
  boxes: [{ id: 'box-1', name: 'Shop box', hostname: '192-168-1-5.d73e7513.odoo-iot.com', ip: '192.168.1.5' }],
  printers: [
    { id: 'printer-1', name: 'Kitchen', ip: '192.168.1.21' },
    { id: 'printer-2', name: 'Bar', ip: '192.168.1.22', deviceId: 'bar_printer' },
    { id: 'printer-3', ip: '81.2.69.160' },
  ],
  settings: { ...DEFAULT_SETTINGS },
};
const granted = ['http://192.168.1.5/*', 'https://192.168.1.5/*', 'http://192.168.1.21/*', 'https://192.168.1.21/*'];

/** An administrator's policy with a bit of everything: a lock, managed settings, entries it leaves out. */
const lockedPolicy = {
  boxes: [{ id: 'shop-box', name: 'Shop box', hostname: '192-168-1-5.d73e7513.odoo-iot.com', ip: '192.168.1.5' }],
  printers: [
    { id: 'kitchen', name: 'Kitchen', ip: '192.168.1.60' },
    { id: 'bar', name: 'Bar', ip: '192.168.1.61', deviceId: 'bar', colour: 'red' },
    { name: 'Terrace', ip: '192.168.1.300' },
    { ip: 'printer.shop.lan' },
    'Office printer',
    { name: 'Kitchen again', ip: '192.168.1.60' },
  ],
  intervalMinutes: 5,
  dohUrl: 'http://dns.example/dns-query',
  notifications: 'yes',
  allowUserDevices: false,
  alowUserDevices: true,
};
/** The same shop without the lock: the user's own devices next to the administrator's. */
const openPolicy = {
  printers: [
    { id: 'kitchen', name: 'Kitchen', ip: '192.168.1.60' },
    { id: 'bar', name: 'Bar', ip: '192.168.1.61', deviceId: 'bar' },
  ],
  intervalMinutes: 5,
};
const userDevices: Config = {
  boxes: [],
  printers: [
    { id: 'printer-1', name: 'My kitchen copy', ip: '192.168.1.60' },
    { id: 'printer-2', name: 'Back office', ip: '192.168.1.70' },
  ],
  settings: { ...DEFAULT_SETTINGS, intervalMinutes: 30 },
};
const policyGranted = ['http://192.168.1.60/*', 'https://192.168.1.60/*', 'http://192.168.1.70/*', 'https://192.168.1.70/*'];

const h = await startHarness(dist);
try {
  for (const scheme of ['light', 'dark'] as const) {
    const ctx = await h.context({ colorScheme: scheme });
    const shot = async (p: import('playwright-core').Page, name: string) => {
      await p.waitForTimeout(350);
      await p.screenshot({ path: join(OUT, `${scheme}-${name}.png`), fullPage: true });
    };

    const empty = await h.open(ctx);
    await shot(empty.page, 'empty');
    await empty.close();

    const list = await h.open(ctx, { config: sample, granted });
    await shot(list.page, 'list');
    // A printer form with a typo, a hostname, a bad device id.
    await list.page.click('[data-testid=add-printer]');
    await list.page.fill('[data-testid=input-ip]', '192.168.1.300');
    await list.page.fill('[data-testid=input-devid]', 'kitchen printer');
    await list.page.click('[data-testid=save-device]');
    await list.page.waitForSelector('.field-error');
    await shot(list.page, 'printer-errors');
    await list.page.fill('[data-testid=input-ip]', 'X4ABC12345');
    await list.page.fill('[data-testid=input-devid]', 'local_printer');
    await list.page.waitForTimeout(400);
    await list.page.locator('[data-testid=printer-form]').screenshot({ path: join(OUT, `${scheme}-printer-serial.png`) });
    await list.page.fill('[data-testid=input-ip]', 'https://192.168.1.23:8043/cgi-bin/epos/service.cgi?devid=local_printer');
    await list.page.waitForTimeout(400);
    await list.page.locator('[data-testid=printer-form]').screenshot({ path: join(OUT, `${scheme}-printer-pasted.png`) });
    await list.page.click('[data-testid=cancel-device]');
    // A box form with a name that is not odoo-iot.
    await list.page.click('[data-testid=add-box]');
    await list.page.fill('[data-testid=input-address]', 'iotbox.local');
    await list.page.fill('[data-testid=input-ip]', '192.168.1');
    await list.page.click('[data-testid=save-device]');
    await list.page.waitForSelector('.field-error');
    await list.page.locator('[data-testid=box-form]').screenshot({ path: join(OUT, `${scheme}-box-errors.png`) });
    await list.page.click('[data-testid=cancel-device]');
    // Settings errors.
    await list.page.fill('[data-testid=input-interval]', '2.5');
    await list.page.fill('[data-testid=input-doh]', 'http://dns.example/dns-query');
    await list.page.click('[data-testid=save-settings]');
    await list.page.waitForSelector('[data-testid=settings] .field-error');
    await list.page.locator('[data-testid=settings]').screenshot({ path: join(OUT, `${scheme}-settings-errors.png`) });
    // An import with errors.
    await list.page.setInputFiles('[data-testid=import-file]', { name: 'devices.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ printers: [{ ip: '192.168.1.300' }, { ip: 'printer.shop.lan' }] })) });
    await list.page.waitForSelector('.msg-block-error');
    await list.page.locator('[data-testid=transfer]').screenshot({ path: join(OUT, `${scheme}-import-errors.png`) });
    await list.close();

    // Discovery from the fake Odoo 19.
    const disc = await h.open(ctx, { odoo: 19 });
    await disc.page.click('[data-testid=find-odoo]');
    await disc.page.waitForSelector('[data-testid=odoo-tab]');
    await disc.page.locator('[data-testid=discovery]').screenshot({ path: join(OUT, `${scheme}-discovery-tabs.png`) });
    await disc.page.click('[data-testid=read-tab]');
    await disc.page.waitForSelector('[data-testid=discovery-result]');
    await shot(disc.page, 'discovery-result');
    await disc.page.click('[data-testid=add-discovered]');
    await disc.page.waitForSelector('[data-testid=device-box-1]');
    await shot(disc.page, 'discovery-added');
    await disc.close();

    const out = await h.open(ctx, { odoo: 'logged-out' });
    await out.page.click('[data-testid=find-odoo]');
    await out.page.click('[data-testid=read-tab]');
    await out.page.waitForSelector('[data-testid=discovery-result]');
    await out.page.locator('[data-testid=discovery]').screenshot({ path: join(OUT, `${scheme}-discovery-logged-out.png`) });
    await out.close();

    // With an administrator's policy: locked, with problems and devices still needing access.
    const locked = await h.open(ctx, { config: userDevices, granted: policyGranted, policy: lockedPolicy });
    await locked.page.waitForSelector('[data-testid=managed-access]');
    await shot(locked.page, 'policy-locked');
    await locked.close();
    const open = await h.open(ctx, { config: userDevices, granted: policyGranted, policy: openPolicy });
    await open.page.waitForSelector('[data-managed=true]');
    await shot(open.page, 'policy-open');
    await open.page.click('[data-testid=grant-managed]');
    await open.page.waitForSelector('[data-testid=managed-access]', { state: 'detached' });
    await shot(open.page, 'policy-open-granted');
    await open.close();

    const narrow = await h.context({ colorScheme: scheme, width: 420, height: 900 });
    const n = await h.open(narrow, { config: sample, granted });
    await shot(n.page, 'narrow');
    await n.close();
    const np = await h.open(narrow, { config: userDevices, granted: policyGranted, policy: lockedPolicy });
    await shot(np.page, 'narrow-policy');
    await np.close();
    await narrow.close();
    await ctx.close();
  }
} finally {
  await h.close();
  if (!given) rmSync(dist, { recursive: true, force: true });
}
console.log(`screenshots in ${OUT}`);

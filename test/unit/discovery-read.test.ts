import { afterEach, describe, expect, it } from 'vitest';
import { readOdooInPage } from '../../src/discovery/read-in-page';
import { createDiscovery } from '../../src/discovery/worker';
import { WANTED_FIELDS, type RawDiscovery } from '../../src/discovery/types';
import { DEFAULT_SETTINGS, type Config } from '../../src/model';
import { FAKE_ODOO, startFakeOdoo, type FakeOdoo, type OdooVersion } from '../lab/odoo';

/**
 * The function that runs inside the Odoo tab, run here against the lab's fake Odoo with a
 * fetch that keeps the session cookie as the tab would. Loopback only.
 */
let odoo: FakeOdoo | undefined;
afterEach(async () => {
  await odoo?.stop();
  odoo = undefined;
});

/** A fetch that behaves like the logged-in tab: opens the web client page, then sends its cookie. */
async function tabFetch(url: string): Promise<typeof fetch> {
  const page = await fetch(url, { redirect: 'manual' });
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
}

const empty: Config = { boxes: [], printers: [], settings: { ...DEFAULT_SETTINGS } };

describe.each([17, 18, 19] as OdooVersion[])('Odoo %i', (version) => {
  it('reads only wanted fields that exist, fields_get first', async () => {
    odoo = await startFakeOdoo({ ip: '127.0.0.60', port: 0, version });
    const raw = await readOdooInPage(odoo.origin, WANTED_FIELDS, await tabFetch(odoo.url));
    expect(raw.ok).toBe(true);
    if (!raw.ok) return;
    expect(raw.version).toBe(`${version}.0`);
    const box = raw.models['iot.box'];
    expect(box?.ok && box.fields).toEqual(version === 19 ? ['name', 'identifier', 'ip', 'version', 'ssl_certificate_end_date'] : ['name', 'identifier', 'ip', 'ip_url', 'version']);
    // Never asked for anything outside the whitelist, and every search_read came after its fields_get.
    for (const [i, c] of odoo.calls.entries()) {
      if (c.method === 'search_read') {
        expect(odoo.calls[i - 1]).toMatchObject({ model: c.model, method: 'fields_get' });
        for (const f of c.fields ?? []) expect(WANTED_FIELDS[c.model as keyof typeof WANTED_FIELDS]).toContain(f);
      }
      expect(c.session).toBe(true);
    }
    // Nothing beyond the asked fields comes back (no company, no drivers flag).
    expect(Object.keys((box?.ok && box.records[0]) || {})).not.toContain('company_id');
  });
});

describe('reading failures', () => {
  it('a logged-out tab: session expired, nothing else asked', async () => {
    odoo = await startFakeOdoo({ ip: '127.0.0.60', port: 0, loggedIn: false });
    const raw = await readOdooInPage(odoo.origin, WANTED_FIELDS, await tabFetch(odoo.url));
    expect(raw).toEqual({ ok: false, error: 'session-expired' });
    expect(odoo.calls).toHaveLength(1);
  });
  it('a user without rights on iot.box, a database without the IoT app', async () => {
    odoo = await startFakeOdoo({ ip: '127.0.0.60', port: 0, version: 18, denied: ['iot.box'], missing: ['iot.device'] });
    const raw = (await readOdooInPage(odoo.origin, WANTED_FIELDS, await tabFetch(odoo.url))) as Extract<RawDiscovery, { ok: true }>;
    expect(raw.models['iot.box']).toEqual({ ok: false, error: 'denied', detail: 'odoo.exceptions.AccessError' });
    expect(raw.models['iot.device']).toEqual({ ok: false, error: 'missing', detail: 'builtins.KeyError' });
    expect(raw.models['pos.printer']?.ok).toBe(true);
  });
  it('not Odoo at all', async () => {
    odoo = await startFakeOdoo({ ip: '127.0.0.60', port: 0 });
    const notOdoo: typeof fetch = async () => new Response('<html>nginx</html>', { status: 404, headers: { 'content-type': 'text/html' } });
    expect(await readOdooInPage(odoo.origin, WANTED_FIELDS, notOdoo)).toEqual({ ok: false, error: 'not-odoo' });
  });
  it('the lab refuses any address but loopback', async () => {
    await expect(startFakeOdoo({ ip: '192.168.1.60', port: 0 })).rejects.toThrow(/loopback only/);
  });
});

describe('createDiscovery (the worker side) on the fake Odoo', () => {
  it('finds the Odoo tab, reads it, proposes the lab devices', async () => {
    odoo = await startFakeOdoo({ ip: '127.0.0.60', port: 0, version: 19 });
    const fetchInTab = await tabFetch(odoo.url);
    const url = odoo.url;
    const discovery = createDiscovery({
      queryTabs: async () => [
        { id: 1, url: 'https://www.example.org/', title: 'Example' },
        { id: 2, url, title: 'Odoo - Point of Sale' },
        { id: 3, url: 'chrome-extension://abc/options/index.html' },
      ],
      getTab: async (id) => (id === 2 ? { id, url } : undefined),
      // What scripting.executeScript does: run the function with JSON-cloned arguments.
      runInTab: async (_tabId, func, args) => JSON.parse(JSON.stringify(await func(...(JSON.parse(JSON.stringify(args)) as typeof args), fetchInTab))),
      getConfig: async () => empty,
    });
    expect(await discovery.findTabs()).toEqual([{ tabId: 2, origin: odoo.origin, title: 'Odoo - Point of Sale' }]);
    expect(await discovery.read(1)).toEqual({ ok: false, error: 'tab-gone' });
    const res = await discovery.read(2);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.boxes.map((b) => b.config)).toEqual([{ id: '', ip: FAKE_ODOO.boxIp, hostname: FAKE_ODOO.boxHostname, name: 'IoT Box Shop' }]);
    expect(res.printers.filter((p) => p.addable).map((p) => p.config?.ip)).toEqual([FAKE_ODOO.kitchenPrinterIp, FAKE_ODOO.receiptPrinterIp]);
    expect(res.printers.filter((p) => !p.config).map((p) => [p.address, p.problems[0]?.error])).toEqual([
      [FAKE_ODOO.badEpsonAddress, 'printer-needs-ip'],
      [FAKE_ODOO.certifiedName, 'epson-certified-name'],
    ]);
  });
});

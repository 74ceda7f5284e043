import { describe, expect, it } from 'vitest';
import { planPaths } from '../../src/pos/paths';
import { judgePos, onPosPath } from '../../src/pos/judge';
import { FIREFOX, ORIGIN, ctx, odoo, page } from './pos-fixtures';

const CHROME = 'Chrome 156.0.0.0';
const printers = [
  { id: 'receipt', ip: '192.168.1.20' },
  { id: 'kitchen', ip: '192.168.1.21' },
];
const box = { id: 'box', ip: '192.168.1.10', hostname: '192-168-1-10.c0ffee42.odoo-iot.com' };
const config = { boxes: [box], printers };
/** Odoo 19: the receipt printer in LNA mode, the kitchen printer not, the box by its name. */
const lnaOdoo = odoo(19, { receipt: { address: '192.168.1.20', useLna: true }, printers: [{ name: 'Kitchen', address: '192.168.1.21' }], box: { ip: '192.168.1.10' } });
const pageCode = (c: Parameters<typeof judgePos>[1], browser = CHROME, cfg = config) => judgePos(cfg, c, browser)!.rows[0]!.verdict.code;

describe('the path the POS uses per device', () => {
  it('https POS: LNA mode talks http to the IP (no certificate), otherwise https to the IP or the odoo-iot name', () => {
    const plans = planPaths(config, ctx({ odoo: lnaOdoo }));
    expect(Object.fromEntries([...plans].map(([id, p]) => [id, [p.path, p.url, p.useLna, p.lna]]))).toEqual({
      box: ['https-name', 'https://192-168-1-10.c0ffee42.odoo-iot.com/hw_proxy/hello', false, { name: 'local-network', state: 'granted' }],
      receipt: ['lna-http', 'http://192.168.1.20/cgi-bin/epos/service.cgi?devid=local_printer&timeout=3000', true, { name: 'local-network', state: 'granted' }],
      kitchen: ['https-ip', 'https://192.168.1.21/cgi-bin/epos/service.cgi?devid=local_printer&timeout=3000', false, { name: 'local-network', state: 'granted' }],
    });
  });
  it("where Odoo's own check fails (Firefox), LNA mode does not apply: https, certificates needed", () => {
    const plans = planPaths(config, ctx({ odoo: lnaOdoo, page: page(FIREFOX) }));
    expect(plans.get('receipt')).toMatchObject({ path: 'https-ip', useLna: true });
    expect(plans.get('receipt')!.lna).toMatchObject({ name: 'local-network', state: 'prompt' });
  });
  it('the box in LNA mode, and everything from an http POS, goes over http to the IP', () => {
    const boxLna = odoo(19, { box: { ip: '192.168.1.10', useLna: true } });
    expect(planPaths(config, ctx({ odoo: boxLna })).get('box')).toMatchObject({ path: 'lna-http', url: 'http://192.168.1.10:8069/hw_proxy/hello' });
    const http = planPaths(config, ctx({ origin: 'http://shop.example.com', page: page({}, 'http://shop.example.com'), odoo: lnaOdoo }));
    expect([...http.values()].map((p) => p.path)).toEqual(['http-ip', 'http-ip', 'http-ip']);
  });
  it('a POS page on the LAN is not gated: no permission applies', () => {
    const local = planPaths(config, ctx({ origin: 'https://192.168.1.5', page: page({}, 'https://192.168.1.5') }));
    expect([...local.values()].every((p) => p.lna === undefined)).toBe(true);
  });
  it('without a reading of the page, nothing is planned (the usual probes)', () => {
    expect(planPaths(config, ctx({ page: undefined })).size).toBe(0);
    expect(planPaths(config, null).size).toBe(0);
  });
});

describe('the POS page verdict', () => {
  it('follows the gating permission of the devices, whatever Odoo itself reads', () => {
    expect(pageCode(ctx())).toBe('POS_OK');
    expect(pageCode(ctx({ page: page({ 'local-network': 'denied' }) }))).toBe('LNA_BLOCKED');
    expect(pageCode(ctx({ page: page({ 'local-network': 'prompt' }) }))).toBe('POS_LNA_PROMPT');
    // Measured: granting only the umbrella name lets nothing through; Odoo would see "granted".
    expect(pageCode(ctx({ page: page({ 'local-network-access': 'granted', 'local-network': 'denied' }) }))).toBe('LNA_BLOCKED');
    // Odoo warns on its name while the one that gates works.
    expect(pageCode(ctx({ page: page({ 'local-network-access': 'prompt', 'local-network': 'granted' }) }))).toBe('POS_OK');
    // A loopback device (the lab) is gated by loopback-network.
    expect(pageCode(ctx({ page: page({ 'loopback-network': 'denied' }) }), CHROME, { boxes: [], printers: [{ id: 'p', ip: '127.0.0.21' }] })).toBe('LNA_BLOCKED');
    // No device yet: judged for a LAN device.
    expect(pageCode(ctx({ page: page({ 'local-network': 'prompt' }) }), CHROME, { boxes: [], printers: [] })).toBe('POS_LNA_PROMPT');
  });
  it('an http POS on a public address: blocked in Chromium, insecure elsewhere, fine on the LAN', () => {
    const http = { origin: 'http://shop.example.com', page: page({ 'local-network-access': 'denied', 'local-network': 'denied', 'loopback-network': 'denied' }, 'http://shop.example.com') };
    expect(pageCode(ctx(http))).toBe('POS_HTTP_BLOCKED');
    expect(pageCode(ctx(http), 'Edge 156')).toBe('POS_HTTP_BLOCKED');
    expect(pageCode(ctx({ ...http, page: { ...http.page, lna: FIREFOX } }), 'Firefox 153.0')).toBe('POS_HTTP_INSECURE');
    expect(pageCode(ctx({ origin: 'http://192.168.1.5:8069', page: page({}, 'http://192.168.1.5:8069') }))).toBe('POS_OK');
  });
  it('a browser without LNA: says certificates are needed only when Odoo is set to LNA mode', () => {
    expect(pageCode(ctx({ page: page(FIREFOX), odoo: lnaOdoo }), 'Firefox 153.0')).toBe('POS_LNA_UNSUPPORTED');
    expect(pageCode(ctx({ page: page(FIREFOX), odoo: odoo(17) }), 'Firefox 153.0')).toBe('POS_OK');
  });
  it('without access, without a tab, or only suggested', () => {
    expect(pageCode(ctx({ access: false, page: undefined }))).toBe('POS_NO_ACCESS');
    expect(pageCode(ctx({ watched: false }))).toBe('POS_NO_ACCESS');
    expect(pageCode(ctx({ page: undefined, live: false }))).toBe('POS_TAB_CLOSED');
    expect(judgePos(config, null, CHROME)).toBeUndefined();
  });
  it('adds one row per configuration mistake, only once the site may be read', () => {
    const c = ctx({ odoo: odoo(17) });
    expect(judgePos({ boxes: [], printers: [] }, c, CHROME)!.rows.map((r) => [r.id, r.label, r.verdict.code])).toEqual([
      ['pos', 'shop.odoo.com', 'POS_OK'],
      ['pos-epson-address-bar', 'Bar', 'POS_EPSON_ADDRESS'],
      ['pos-devices-missing-shop-odoo-com', 'shop.odoo.com', 'POS_DEVICES_MISSING'],
    ]);
    expect(judgePos({ boxes: [], printers: [] }, { ...c, watched: false }, CHROME)!.rows).toHaveLength(1);
  });
  it('summarizes the page and the paths for support', () => {
    const s = judgePos(config, ctx({ odoo: lnaOdoo }), CHROME)!.summary;
    expect(s).toMatchObject({ origin: ORIGIN, access: true, live: true, scheme: 'https', secure: true, pageSpace: 'public', odooVersion: '19.0' });
    expect(s.lna).toEqual({ 'local-network-access': 'granted', 'local-network': 'granted', 'loopback-network': 'granted' });
    expect(s.paths.map((p) => p.deviceId)).toEqual(['box', 'receipt', 'kitchen']);
  });
});

describe("the page's effect on a device's verdict", () => {
  const denied = judgePos(config, ctx({ odoo: lnaOdoo, page: page({ 'local-network': 'denied' }) }), CHROME)!;
  it('a device that works but that the page may not reach is blocked', () => {
    expect(onPosPath({ code: 'PRINTER_OK', facts: { ip: '192.168.1.20' } }, denied.plans.get('receipt'), denied)).toEqual({ code: 'LNA_BLOCKED', facts: { origin: ORIGIN } });
    expect(onPosPath({ code: 'PRINTER_PAPER_LOW', facts: {} }, denied.plans.get('receipt'), denied).code).toBe('LNA_BLOCKED');
  });
  it('a device with a problem of its own keeps it', () => {
    expect(onPosPath({ code: 'PRINTER_CERT_UNTRUSTED', facts: {} }, denied.plans.get('kitchen'), denied).code).toBe('PRINTER_CERT_UNTRUSTED');
  });
  it('an http POS page in Chromium blocks every device that works', () => {
    const http = judgePos(config, ctx({ origin: 'http://shop.example.com', page: page({}, 'http://shop.example.com') }), CHROME)!;
    expect(onPosPath({ code: 'PRINTER_OK', facts: {} }, http.plans.get('receipt'), http).code).toBe('POS_HTTP_BLOCKED');
    const firefox = judgePos(config, ctx({ origin: 'http://shop.example.com', page: page(FIREFOX, 'http://shop.example.com') }), 'Firefox 153.0')!;
    expect(onPosPath({ code: 'PRINTER_OK', facts: {} }, firefox.plans.get('receipt'), firefox).code).toBe('PRINTER_OK');
  });
  it('changes nothing without a plan', () => {
    expect(onPosPath({ code: 'PRINTER_OK', facts: {} }, undefined, denied).code).toBe('PRINTER_OK');
  });
});

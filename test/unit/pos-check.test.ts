import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check';
import type { Config } from '../../src/model';
import { DEFAULT_SETTINGS } from '../../src/model';
import type { HttpRequest } from '../../src/net/http';
import type { PosContext } from '../../src/pos/types';
import { fakeHttp } from './fake-http';
import { FIREFOX, ctx, odoo, page } from './pos-fixtures';

const env = { browser: 'Chrome 156.0.0.0', os: 'Linux (x86-64)', extensionVersion: '0.1.0', timeZone: 'UTC' };
const NOW = new Date('2026-11-26T10:00:00Z');
const NAME = '192-168-1-10.c0ffee42.odoo-iot.com';
const ok = { text: '<response success="true" code="" status="251658262" battery="0"/>' };
const printer = { id: 'p', name: 'Receipt', ip: '192.168.1.20' };
const box = { id: 'b', ip: '192.168.1.10', hostname: NAME };
const config = (c: Partial<Config>): Config => ({ boxes: [], printers: [], settings: { ...DEFAULT_SETTINGS, dohUrl: '' }, ...c });
/** The printer serves ePOS on 80 and a self-signed certificate on 443; the box answers by IP, its name is blocked by the router. */
const net = {
  'http://192.168.1.20/cgi-bin/epos/service.cgi': ok,
  'https://192.168.1.20/cgi-bin/epos/service.cgi': { error: 'net::ERR_CERT_AUTHORITY_INVALID' },
  'http://192.168.1.20/': { text: 'Web Config' },
  'http://192.168.1.10:8069/hw_proxy/hello': { text: 'ping' },
  'http://192.168.1.10:8069/iot_drivers/data': { text: '{"version":"19.0"}' },
  [`https://${NAME}/hw_proxy/hello`]: { error: 'net::ERR_NAME_NOT_RESOLVED' },
};
const lnaOdoo = odoo(19, { receipt: { address: '192.168.1.20', useLna: true }, printers: [], box: { ip: '192.168.1.10', useLna: true } });

async function check(c: Config, pos: PosContext | null, extra: { browser?: string; certImports?: Record<string, string> } = {}) {
  const log: HttpRequest[] = [];
  const r = await runCheck(c, { http: fakeHttp(net, log), environment: { ...env, browser: extra.browser ?? env.browser }, now: () => NOW, printerGapMs: 0, pos, ...(extra.certImports ? { certImports: extra.certImports } : {}) });
  const code = (id: string) => r.devices.find((d) => d.deviceId === id)?.code;
  return { r, code, urls: log.map((q) => q.url) };
}

describe('a check with the POS tab read', () => {
  it("LNA mode: probes http://IP as the POS does, so the printer's untrusted certificate is not reported", async () => {
    const { code, urls, r } = await check(config({ printers: [printer], boxes: [box] }), ctx({ odoo: lnaOdoo }));
    expect(code('p')).toBe('PRINTER_OK');
    expect(code('b')).toBe('BOX_OK_HTTP');
    expect(code('pos')).toBe('POS_OK');
    expect(urls).toContain('http://192.168.1.20/cgi-bin/epos/service.cgi?devid=local_printer&timeout=3000');
    expect(urls).not.toContain('https://192.168.1.20/cgi-bin/epos/service.cgi?devid=local_printer&timeout=3000');
    expect(r.pos?.paths.map((p) => [p.deviceId, p.path])).toEqual([['b', 'lna-http'], ['p', 'lna-http']]);
    expect(r.worst).toBe('ok');
  });
  it('...and vice versa: without LNA mode the certificate is what the POS meets', async () => {
    const { code } = await check(config({ printers: [printer], boxes: [box] }), ctx({ odoo: odoo(19, { receipt: { address: '192.168.1.20', useLna: false }, printers: [], box: { ip: '192.168.1.10', useLna: false } }) }));
    expect(code('p')).toBe('PRINTER_CERT_UNTRUSTED');
    expect(code('b')).toBe('BOX_DNS_UNVERIFIED');
  });
  it('in Firefox LNA mode does not apply: the certificate is what the POS meets, and the POS row says why', async () => {
    const { code } = await check(config({ printers: [printer] }), ctx({ odoo: lnaOdoo, page: page(FIREFOX) }), { browser: 'Firefox 153.0' });
    expect(code('p')).toBe('PRINTER_CERT_UNTRUSTED');
    expect(code('pos')).toBe('POS_LNA_UNSUPPORTED');
  });
  it('LNA denied: the working printer is out of the POS reach; prompt: the POS row warns', async () => {
    const denied = await check(config({ printers: [printer] }), ctx({ odoo: lnaOdoo, page: page({ 'local-network': 'denied' }) }));
    expect([denied.code('p'), denied.code('pos'), denied.r.worst]).toEqual(['LNA_BLOCKED', 'LNA_BLOCKED', 'error']);
    const prompt = await check(config({ printers: [printer] }), ctx({ odoo: lnaOdoo, page: page({ 'local-network': 'prompt' }) }));
    expect([prompt.code('p'), prompt.code('pos'), prompt.r.worst]).toEqual(['PRINTER_OK', 'POS_LNA_PROMPT', 'warn']);
  });
  it('http POS in Chromium: http probe, and the page is what blocks', async () => {
    const origin = 'http://shop.example.com';
    const { code, urls } = await check(config({ printers: [printer] }), ctx({ origin, page: page({ 'local-network-access': 'denied', 'local-network': 'denied', 'loopback-network': 'denied' }, origin) }));
    expect([code('p'), code('pos')]).toEqual(['POS_HTTP_BLOCKED', 'POS_HTTP_BLOCKED']);
    expect(urls[0]).toMatch(/^http:\/\/192\.168\.1\.20\//);
  });
  it('lists configuration mistakes as rows of their own after the devices', async () => {
    const { r } = await check(config({ printers: [printer] }), ctx({ odoo: odoo(19, { receipt: { address: '192.168.1.20', useLna: false }, printers: [{ name: 'Bar', address: 'printer.shop.lan' }, { name: 'Kitchen', address: false }], box: { ip: '192.168.1.10' } }) }));
    expect(r.devices.map((d) => [d.deviceId, d.kind, d.code])).toEqual([
      ['p', 'printer', 'PRINTER_CERT_UNTRUSTED'],
      ['pos', 'pos', 'POS_OK'],
      ['pos-epson-address-bar', 'pos', 'POS_EPSON_ADDRESS'],
      ['pos-printer-no-ip-kitchen', 'pos', 'POS_PRINTER_NO_IP'],
      ['pos-devices-missing-shop-odoo-com', 'pos', 'POS_DEVICES_MISSING'],
    ]);
    expect(r.devices.find((d) => d.deviceId === 'pos-devices-missing-shop-odoo-com')!.facts).toEqual({ count: '1', addresses: '192-168-1-10.c0ffee42.odoo-iot.com' });
  });
  it('without a POS context: the usual check, no POS row, no summary', async () => {
    const { r } = await check(config({ printers: [printer] }), null);
    expect(r.devices.map((d) => d.code)).toEqual(['PRINTER_CERT_UNTRUSTED']);
    expect(r.pos).toBeUndefined();
  });
});

describe('"I imported the certificate"', () => {
  it('a printer still untrusted after the mark says to restart and check the store', async () => {
    const { code, r } = await check(config({ printers: [printer] }), null, { certImports: { p: '2026-11-25T09:00:00.000Z' } });
    expect(code('p')).toBe('PRINTER_CERT_IMPORTED_UNTRUSTED');
    expect(r.devices[0]!.facts).toEqual({ ip: '192.168.1.20', importedAt: '2026-11-25' });
  });
  it('a mark older than two weeks is forgotten', async () => {
    const { code } = await check(config({ printers: [printer] }), null, { certImports: { p: '2026-11-01T09:00:00.000Z' } });
    expect(code('p')).toBe('PRINTER_CERT_UNTRUSTED');
  });
});

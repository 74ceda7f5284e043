import { describe, expect, it } from 'vitest';
import { mapDiscovery } from '../../src/discovery/map';
import { looksLikeOdoo, odooTabsOf } from '../../src/discovery/odoo-tabs';
import type { DiscoveryResult, ModelRead, RawDiscovery } from '../../src/discovery/types';
import type { Config } from '../../src/model';

const ORIGIN = 'https://shop.odoo.com';
const none: Pick<Config, 'boxes' | 'printers'> = { boxes: [], printers: [] };
const read = (fields: string[], records: Array<Record<string, unknown>>): ModelRead => ({ ok: true, fields, records });
const ok = (r: DiscoveryResult) => {
  if (!r.ok) throw new Error(r.error);
  return r;
};

/** Odoo 17: iot.box.ip holds the odoo-iot name, ip_url its URL; pos.printer has an 'iot' type. */
const v17: RawDiscovery = {
  ok: true,
  version: '17.0',
  models: {
    'iot.box': read(['name', 'identifier', 'ip', 'ip_url', 'version'], [{ id: 1, name: 'Shop box', identifier: 'e4:5f:01:aa:bb:cc', ip: '192-168-1-5.d73e7513.odoo-iot.com', ip_url: 'https://192-168-1-5.d73e7513.odoo-iot.com', version: '24.01' }]),
    'iot.device': read(['name', 'type', 'iot_id', 'iot_ip', 'connection', 'connected'], [
      { id: 1, name: 'TM-T20III', type: 'printer', iot_id: [1, 'Shop box'], iot_ip: '192-168-1-5.d73e7513.odoo-iot.com', connection: 'direct', connected: true },
      { id: 2, name: 'Scale', type: 'scale', iot_id: [1, 'Shop box'], iot_ip: '192.168.1.5', connection: 'direct', connected: false },
    ]),
    'pos.config': read(['name', 'epson_printer_ip'], [
      { id: 1, name: 'Shop', epson_printer_ip: '192.168.1.20' },
      { id: 2, name: 'Terrace', epson_printer_ip: false },
    ]),
    'pos.printer': read(['name', 'printer_type', 'epson_printer_ip'], [
      { id: 1, name: 'Kitchen', printer_type: 'epson_epos', epson_printer_ip: '192.168.1.21' },
      { id: 2, name: 'Receipt copy', printer_type: 'epson_epos', epson_printer_ip: ' 192.168.1.20 ' },
      { id: 3, name: 'Bar', printer_type: 'epson_epos', epson_printer_ip: 'printer.shop.lan' },
      { id: 4, name: 'Labels', printer_type: 'iot', epson_printer_ip: false },
      { id: 5, name: 'Copied', printer_type: 'epson_epos', epson_printer_ip: '0.0.0.0' },
    ]),
  },
};

/** Odoo 19: iot.box.ip is the IP, no ip_url, a certificate date; use_lna on POS and printers. */
const v19: RawDiscovery = {
  ok: true,
  version: '19.0',
  models: {
    'iot.box': read(['name', 'ip', 'version', 'ssl_certificate_end_date'], [{ id: 1, name: 'Shop box', ip: '192.168.1.5', version: '25.03', ssl_certificate_end_date: '2026-02-14 10:00:00' }]),
    'iot.device': read(['name', 'type', 'iot_id', 'iot_ip'], [{ id: 1, name: 'TM-T20III', type: 'printer', iot_id: [1, 'Shop box'], iot_ip: '192-168-1-5.d73e7513.odoo-iot.com' }]),
    'pos.config': read(['name', 'epson_printer_ip', 'use_lna'], [{ id: 1, name: 'Shop', epson_printer_ip: '192.168.1.20', use_lna: true }]),
    'pos.printer': read(['name', 'printer_type', 'epson_printer_ip', 'use_lna'], [
      { id: 1, name: 'Kitchen', printer_type: 'epson_epos', epson_printer_ip: '192.168.1.21', use_lna: false },
      { id: 2, name: 'Terrace', printer_type: 'epson_epos', epson_printer_ip: 'y6cdcm32zjyjitn2ohnivg3my3zac4tocrtmpemygg7ctayghmna.omnilinkcert.epson.biz', use_lna: false },
    ]),
  },
};

describe('mapDiscovery, Odoo 17 shapes', () => {
  const r = ok(mapDiscovery(v17, ORIGIN, none));
  it('one box from iot.box (ip and ip_url) and iot.device (name and IP), merged by address', () => {
    expect(r.boxes).toHaveLength(1);
    expect(r.boxes[0]).toMatchObject({
      address: '192-168-1-5.d73e7513.odoo-iot.com',
      config: { id: '', hostname: '192-168-1-5.d73e7513.odoo-iot.com', ip: '192.168.1.5', name: 'Shop box' },
      version: '24.01',
      devices: 2,
      addable: true,
      problems: [],
    });
    expect(r.boxes[0]!.sources).toEqual([
      { model: 'iot.box', name: 'Shop box' },
      { model: 'iot.device', name: 'Shop box' },
    ]);
  });
  it('printers deduplicated by IP, empty addresses skipped, iot printers ignored', () => {
    expect(r.printers.map((p) => [p.address, p.addable])).toEqual([
      ['192.168.1.21', true],
      ['192.168.1.20', true],
      ['printer.shop.lan', false],
      ['0.0.0.0', false],
    ]);
    const receipt = r.printers.find((p) => p.address === '192.168.1.20')!;
    expect(receipt.sources).toEqual([
      { model: 'pos.printer', name: 'Receipt copy' },
      { model: 'pos.config', name: 'Shop' },
    ]);
    expect(receipt.config).toEqual({ id: '', ip: '192.168.1.20', name: 'Receipt copy' });
  });
  it('flags an Epson address that is not an IP, and the copied-printer placeholder', () => {
    expect(r.printers.find((p) => p.address === 'printer.shop.lan')).toMatchObject({ config: null, problems: [{ error: 'printer-needs-ip', args: ['printer.shop.lan'] }] });
    expect(r.printers.find((p) => p.address === '0.0.0.0')?.problems[0]?.error).toBe('reserved-ip');
  });
  it('notes the devices reached through the box', () => {
    expect(r.notes).toEqual([{ code: 'box-devices', args: ['2'] }]);
    expect(r.version).toBe('17.0');
  });
});

describe('mapDiscovery, Odoo 19 shapes', () => {
  const r = ok(mapDiscovery(v19, ORIGIN, none));
  it('the box IP from iot.box, its name from iot.device, the certificate date', () => {
    expect(r.boxes).toHaveLength(1);
    expect(r.boxes[0]).toMatchObject({ address: '192-168-1-5.d73e7513.odoo-iot.com', config: { ip: '192.168.1.5', hostname: '192-168-1-5.d73e7513.odoo-iot.com' }, certificateEnd: '2026-02-14 10:00:00', version: '25.03' });
  });
  it('LNA mode on a POS marks its printer and adds a note', () => {
    expect(r.printers.find((p) => p.address === '192.168.1.20')?.useLna).toBe(true);
    expect(r.printers.find((p) => p.address === '192.168.1.21')?.useLna).toBe(false);
    expect(r.notes).toContainEqual({ code: 'lna', args: ['Shop'] });
  });
  it('an Epson certified name (a serial number typed in Odoo) cannot be checked by IP', () => {
    expect(r.printers.find((p) => p.address.endsWith('.omnilinkcert.epson.biz'))).toMatchObject({ config: null, addable: false, problems: [{ error: 'epson-certified-name' }] });
  });
});

describe('mapDiscovery against the current list and odd data', () => {
  it('marks what is configured already, by any of its addresses', () => {
    const existing: Pick<Config, 'boxes' | 'printers'> = { boxes: [{ id: 'b', ip: '192.168.1.5', name: 'Front box' }], printers: [{ id: 'p', ip: '192.168.1.21', name: 'Kitchen!' }] };
    const r = ok(mapDiscovery(v17, ORIGIN, existing));
    expect(r.boxes[0]).toMatchObject({ existing: 'Front box', addable: false });
    expect(r.printers.find((p) => p.address === '192.168.1.21')).toMatchObject({ existing: 'Kitchen!', addable: false });
    expect(r.printers.find((p) => p.address === '192.168.1.20')?.addable).toBe(true);
  });
  it('keeps only whitelisted fields whatever the page sent', () => {
    const raw: RawDiscovery = { ok: true, models: { 'pos.printer': read(['name'], [{ name: 'Kitchen', epson_printer_ip: '192.168.1.21', printer_type: 'epson_epos', secret_token: 'abc', __proto__x: 1 }]) } };
    const r = ok(mapDiscovery(raw, ORIGIN, none));
    expect(JSON.stringify(r)).not.toContain('abc');
  });
  it('a public IP is proposed with a warning; a box name that is not odoo-iot is flagged', () => {
    const raw: RawDiscovery = {
      ok: true,
      models: {
        'iot.box': read(['name', 'ip'], [{ name: 'Odd box', ip: 'iotbox.local' }, { name: 'Empty', ip: false }]),
        'pos.config': read(['name', 'epson_printer_ip'], [{ name: 'Shop', epson_printer_ip: '8.8.4.4' }]),
      },
    };
    const r = ok(mapDiscovery(raw, ORIGIN, none));
    expect(r.boxes.map((b) => [b.address, b.config, b.problems[0]?.error])).toEqual([['iotbox.local', null, 'not-odoo-iot-name']]);
    expect(r.printers[0]).toMatchObject({ addable: true, problems: [{ error: 'public-ip' }] });
    expect(r.notes).toEqual([]);
  });
  it('notes missing apps and refused models', () => {
    const raw: RawDiscovery = { ok: true, models: { 'iot.box': { ok: false, error: 'missing' }, 'iot.device': { ok: false, error: 'missing' }, 'pos.config': { ok: false, error: 'denied', detail: 'odoo.exceptions.AccessError' }, 'pos.printer': read([], []) } };
    expect(ok(mapDiscovery(raw, ORIGIN, none)).notes).toEqual([{ code: 'denied', args: ['pos.config'] }, { code: 'no-iot', args: [] }]);
  });
  it('passes failures through', () => {
    expect(mapDiscovery({ ok: false, error: 'session-expired' }, ORIGIN, none)).toEqual({ ok: false, error: 'session-expired' });
  });
});

describe('which tabs look like Odoo', () => {
  it.each([
    ['https://shop.odoo.com/odoo/action-pos', true],
    ['https://shop.odoo.com/odoo', true],
    ['https://erp.example.com/web#action=123', true],
    ['https://erp.example.com/web/login', true],
    ['http://192.168.1.2:8069/pos/ui?config_id=1', true],
    ['https://erp.example.com/pos/web', true],
    ['https://erp.example.com/', false],
    ['https://erp.example.com/website', false],
    ['https://erp.example.com/shop', false],
    ['chrome-extension://abc/odoo', false],
    ['file:///odoo/web', false],
    [undefined, false],
  ])('%s: %s', (url, expected) => expect(looksLikeOdoo(url)).toBe(expected));
  it('lists origin and title, skips tabs without id', () => {
    expect(odooTabsOf([{ id: 4, url: 'https://shop.odoo.com/odoo/action-pos', title: '  Point of Sale ' }, { url: 'https://x.odoo.com/odoo' }])).toEqual([{ tabId: 4, origin: 'https://shop.odoo.com', title: 'Point of Sale' }]);
  });
});

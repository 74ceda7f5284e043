import { describe, expect, it } from 'vitest';
import { gatingName, ipSpace, pageSpace } from '../../src/pos/address-space';
import { configIssues, epsonAddressKind, missingDevices } from '../../src/pos/config-issues';
import { odooBoxes, odooPrinters } from '../../src/pos/odoo-config';
import { FAKE_ODOO } from '../lab/odoo';
import { FIREFOX, ORIGIN, odoo, page } from './pos-fixtures';

describe('address spaces', () => {
  it('places the POS page as Chromium would, from its host', () => {
    expect(pageSpace('https://shop.odoo.com')).toBe('public');
    expect(pageSpace('http://pos.lab.iot-doctor.test:8069')).toBe('public');
    expect(pageSpace('http://192.168.1.5:8069')).toBe('local');
    expect(pageSpace('https://127.0.0.60')).toBe('local');
    expect(pageSpace('http://odoo.local:8069')).toBe('local');
    expect(pageSpace('http://odoo:8069')).toBe('local');
    expect(pageSpace('https://8.8.8.8')).toBe('public');
  });
  it('names the permission that gates each device (measured: local-network for the LAN, loopback-network for loopback)', () => {
    const chrome = page().lna;
    expect(ipSpace('192.168.1.20')).toBe('private');
    expect(gatingName('192.168.1.20', chrome)).toBe('local-network');
    expect(gatingName('127.0.0.21', chrome)).toBe('loopback-network');
    expect(gatingName('8.8.8.8', chrome)).toBeUndefined();
    // Chrome 142 to 144 knew only the umbrella name.
    expect(gatingName('192.168.1.20', { 'local-network-access': 'denied', 'local-network': 'unsupported', 'loopback-network': 'unsupported' })).toBe('local-network-access');
    expect(gatingName('192.168.1.20', { ...FIREFOX, 'local-network': 'unsupported', 'loopback-network': 'unsupported' })).toBeUndefined();
  });
});

describe('Odoo configuration', () => {
  it("reads the POS's Epson printers with their LNA switch (own from 19.2, the POS's before)", () => {
    expect(odooPrinters(odoo(19)).map((p) => [p.model, p.name, p.address, p.useLna])).toEqual([
      ['pos.config', 'Shop', FAKE_ODOO.receiptPrinterIp, true],
      ['pos.printer', 'Kitchen', FAKE_ODOO.kitchenPrinterIp, false],
      ['pos.printer', 'Receipt copy', FAKE_ODOO.receiptPrinterIp, true],
      ['pos.printer', 'Bar', FAKE_ODOO.badEpsonAddress, false],
      ['pos.printer', 'Terrace', FAKE_ODOO.certifiedName, false],
    ]);
    // Odoo 17 has no LNA mode, and its IoT-box printer is not an Epson one.
    expect(odooPrinters(odoo(17)).every((p) => !p.useLna)).toBe(true);
    expect(odooPrinters(odoo(17)).map((p) => p.name)).not.toContain('Label printer (box)');
  });
  it('collects every address Odoo holds for a box', () => {
    expect(odooBoxes(odoo(17))).toEqual([{ name: 'IoT Box Shop', ips: [FAKE_ODOO.boxIp], hostnames: [FAKE_ODOO.boxHostname], useLna: false }]);
    expect(odooBoxes(odoo(19, { box: { ip: '127.0.0.16', nameIp: '127.0.0.17', useLna: true } }))[0]).toMatchObject({ ips: ['127.0.0.16'], useLna: true });
  });
});

describe('configuration issues', () => {
  it('tells an IP, a serial number, a certified name and anything else apart', () => {
    expect(epsonAddressKind('192.168.1.25')).toBe('ip');
    expect(epsonAddressKind(' 192.168.1.25 ')).toBe('ip');
    expect(epsonAddressKind(FAKE_ODOO.serialNumber)).toBe('serial');
    expect(epsonAddressKind(FAKE_ODOO.certifiedName)).toBe('certified');
    expect(epsonAddressKind(FAKE_ODOO.badEpsonAddress)).toBe('bad');
    expect(epsonAddressKind('printer')).toBe('bad');
    expect(epsonAddressKind('192.168.1.300')).toBe('bad');
  });
  it('finds a bad Epson address, an empty one, a printer on the box and a stale box name', () => {
    const raw = odoo(19, {
      receipt: { address: false },
      printers: [
        { name: 'Kitchen', address: '127.0.0.21' },
        { name: 'Bar', address: FAKE_ODOO.badEpsonAddress },
        { name: 'Counter', address: '127.0.0.16' },
        { name: 'Terrace', address: FAKE_ODOO.certifiedName },
      ],
      box: { ip: '127.0.0.16', nameIp: '127.0.0.17' },
    });
    const issues = configIssues(raw, ORIGIN, { boxes: [], printers: [{ id: 'p', ip: '127.0.0.21' }] });
    expect(issues.map((i) => [i.code, i.label, i.facts])).toEqual([
      ['POS_PRINTER_NO_IP', 'Shop', { name: 'Shop' }],
      ['POS_EPSON_ADDRESS', 'Bar', { name: 'Bar', address: FAKE_ODOO.badEpsonAddress }],
      ['POS_PRINTER_IS_BOX', 'Counter', { name: 'Counter', address: '127.0.0.16' }],
      ['POS_BOX_IP_MISMATCH', 'IoT Box Shop', { name: 'IoT Box Shop', ip: '127.0.0.16', nameIp: '127.0.0.17' }],
    ]);
    // The printer at the box's address and the box with two addresses are mistakes to fix, not devices to add.
    expect(missingDevices(raw, ORIGIN, { boxes: [], printers: [] }).addresses).toEqual(['127.0.0.21']);
  });
  it('says nothing of a configuration in order, and nothing without one', () => {
    const raw = odoo(19, { receipt: { address: '127.0.0.20' }, printers: [{ name: 'Kitchen', address: '127.0.0.21' }], box: { ip: '127.0.0.10' } });
    const config = { boxes: [{ id: 'b', ip: '127.0.0.10' }], printers: [{ id: 'p1', ip: '127.0.0.20' }, { id: 'p2', ip: '127.0.0.21' }] };
    expect(configIssues(raw, ORIGIN, config)).toEqual([]);
    expect(configIssues(undefined, ORIGIN, config)).toEqual([]);
    expect(configIssues({ ok: false, error: 'session-expired' }, ORIGIN, config)).toEqual([]);
  });
  it('offers the missing devices ready to save', () => {
    const m = missingDevices(odoo(17), ORIGIN, { boxes: [], printers: [{ id: 'p', ip: FAKE_ODOO.kitchenPrinterIp }] });
    expect(m.addresses).toEqual([FAKE_ODOO.boxHostname, FAKE_ODOO.receiptPrinterIp]);
    expect(m.boxes).toEqual([{ id: '', name: 'IoT Box Shop', ip: FAKE_ODOO.boxIp, hostname: FAKE_ODOO.boxHostname }]);
    expect(m.printers.map((p) => p.ip)).toEqual([FAKE_ODOO.receiptPrinterIp]);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Config } from '../../src/model';
import { exportDevices, planImport } from '../../src/config/transfer';
import { configIps, deviceOrigins, originsForInputs, originsToDrop, sitePattern } from '../../src/config/permissions';
import { createConfigService } from '../../src/config/service';
import { importProblemText } from '../../options/problems';
import { englishT } from './options-i18n';

const t = englishT();
const current: Config = {
  boxes: [{ id: 'box-1', name: 'Shop box', hostname: '192-168-1-5.d73e7513.odoo-iot.com' }],
  printers: [{ id: 'printer-1', name: 'Kitchen', ip: '192.168.1.21' }],
  settings: { ...DEFAULT_SETTINGS, intervalMinutes: 5 },
};

describe('export and import', () => {
  it('an export imports back onto an empty list unchanged', () => {
    const r = planImport(exportDevices(current, new Date('2026-11-26T10:00:00Z')), { boxes: [], printers: [], settings: DEFAULT_SETTINGS });
    expect(r.ok && r.config.boxes).toEqual(current.boxes);
    expect(r.ok && r.config.printers).toEqual(current.printers);
    expect(r.ok && [r.added, r.updated]).toEqual([2, 0]);
  });
  it('merges: same address updates in place (keeps the id), new ones are added; settings untouched', () => {
    const file = JSON.stringify({ boxes: [{ ip: '192.168.1.5', name: 'Renamed' }], printers: [{ ip: '192.168.1.22', name: 'Bar' }] });
    const r = planImport(file, current);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([r.added, r.updated]).toEqual([1, 1]);
    expect(r.config.boxes).toEqual([{ id: 'box-1', name: 'Renamed', ip: '192.168.1.5' }]);
    expect(r.config.printers.map((p) => [p.id, p.ip])).toEqual([
      ['printer-1', '192.168.1.21'],
      ['printer-2', '192.168.1.22'],
    ]);
    expect(r.config.settings).toEqual(current.settings);
  });
  it('one wrong entry refuses the whole file, saying where it is', () => {
    const file = JSON.stringify({ printers: [{ ip: '192.168.1.22' }, { ip: '192.168.1.300' }, { ip: 'printer.shop.lan' }] });
    const r = planImport(file, current);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => importProblemText(e, t))).toEqual([
      'Printer 2 in the file: In “192.168.1.300”, 300 is too big: each of the four numbers of an IP address goes from 0 to 255. Look for a typo.',
      expect.stringMatching(/^Printer 3 in the file: “printer\.shop\.lan” is a name, not an IP address/),
    ]);
  });
  it.each([
    ['not json', 'This file is not a device list exported by IoT Doctor (it is not JSON).'],
    ['[1,2]', 'This file is not a device list exported by IoT Doctor. Export a list to see the expected format.'],
    ['{"format":"something-else","boxes":[]}', 'This file is not a device list exported by IoT Doctor. Export a list to see the expected format.'],
    ['{"boxes":[],"printers":[]}', 'The file lists no device.'],
    ['{"format":"iot-doctor-devices","version":7,"boxes":[{"ip":"192.168.1.5"}]}', 'This file comes from a newer IoT Doctor (format 7): update IoT Doctor first.'],
  ])('%s', (json, text) => {
    const r = planImport(json, current);
    expect(!r.ok && r.errors.map((e) => importProblemText(e, t))).toEqual([text]);
  });
  it('duplicates inside the file are refused', () => {
    const r = planImport(JSON.stringify({ printers: [{ ip: '192.168.1.22' }, { ip: '192.168.1.22' }] }), current);
    expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['printers.0.ip', 'printers.1.ip']);
  });
  it('a file printer on the address of a configured box clashes with the list', () => {
    const r = planImport(JSON.stringify({ printers: [{ ip: '192.168.1.5' }] }), current);
    expect(!r.ok && r.errors.map((e) => importProblemText(e, t))).toEqual(['With the devices already in your list: This device is already in the list (192.168.1.5).', 'With the devices already in your list: This device is already in the list (Shop box).']);
  });
  it('the worker saves nothing on errors', async () => {
    let saved: Config | undefined;
    const svc = createConfigService({ getConfig: async () => current, setConfig: async (c) => void (saved = c), onConfigChanged: () => undefined });
    expect((await svc.importDevices('{"printers":[{"ip":"300.1.1.1"}]}')).ok).toBe(false);
    expect(saved).toBeUndefined();
    expect((await svc.importDevices('{"printers":[{"ip":"192.168.1.30"}]}')).ok).toBe(true);
    expect(saved?.printers).toHaveLength(2);
    expect((await svc.check({ ...current, printers: [{ id: '', ip: '1.1.1.1' }] })).warnings.map((w) => w.error)).toEqual(['public-ip']);
  });
});

describe('host permissions per device', () => {
  it('one pattern pair per IP, any port; odoo-iot names use their embedded IP', () => {
    expect(deviceOrigins({ ip: '192.168.1.20' })).toEqual(['http://192.168.1.20/*', 'https://192.168.1.20/*']);
    expect(deviceOrigins({ hostname: '192-168-1-5.d73e7513.odoo-iot.com' })).toEqual(['http://192.168.1.5/*', 'https://192.168.1.5/*']);
    expect(deviceOrigins({ hostname: 'shop.d73e7513.odoo-iot.com' })).toEqual([]);
  });
  it('asked from raw inputs at click time; unparsable input asks nothing', () => {
    expect(originsForInputs(['https://192.168.1.20:8043/cgi-bin/epos/service.cgi', ''])).toEqual(['http://192.168.1.20/*', 'https://192.168.1.20/*']);
    expect(originsForInputs(['192.168.1.300', 'printer.shop.lan', undefined])).toEqual([]);
  });
  it('a removal gives back only what no other device uses', () => {
    const after = { boxes: current.boxes, printers: [] };
    expect(originsToDrop(current, after)).toEqual(['http://192.168.1.21/*', 'https://192.168.1.21/*']);
    const shared = { boxes: [], printers: [{ id: 'a', ip: '192.168.1.20' }, { id: 'b', ip: '192.168.1.20', deviceId: 'kitchen' }] };
    expect(originsToDrop(shared, { boxes: [], printers: [shared.printers[0]!] })).toEqual([]);
    expect([...configIps(current)]).toEqual(['192.168.1.5', '192.168.1.21']);
  });
  it('site patterns drop the port (Firefox match patterns have none)', () => {
    expect(sitePattern('http://127.0.0.60:8069/odoo/action-pos')).toBe('http://127.0.0.60/*');
    expect(sitePattern('chrome://settings')).toBeUndefined();
  });
});

describe('importing next to an administrator policy', () => {
  it('leaves a device the policy sets as it is, and does not count it as updated', () => {
    const current = {
      boxes: [],
      printers: [{ id: 'policy-kitchen', ip: '192.168.1.50', name: 'Kitchen (policy)' }],
      settings: { dohUrl: '', intervalMinutes: 15, notifications: true },
      managed: { boxes: [], printers: ['policy-kitchen'] },
    };
    const file = JSON.stringify({ printers: [{ ip: '192.168.1.50', name: 'Renamed' }, { ip: '192.168.1.51' }] });
    const r = planImport(file, current);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.updated).toBe(0);
    expect(r.added).toBe(1);
    expect(r.config.printers.find((p) => p.ip === '192.168.1.50')?.name).toBe('Kitchen (policy)');
  });
});

import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { DEFAULT_SETTINGS, type Config } from '../../src/model';
import { parseAddress, validateConfig } from '../../src/config/validate';
import { epsonCertifiedName, sha256 } from '../../src/config/epson';
import { problemText } from '../../options/problems';
import { configWithDraft, problemsAt, boxDraftOf, printerDraftOf, addressText, settingsDraftOf, settingsOf } from '../../options/draft';
import { englishT } from './options-i18n';

const t = englishT();
const empty: Config = { boxes: [], printers: [], settings: { ...DEFAULT_SETTINGS } };

/** What the options page shows under the printer's IP input for `input`. */
function printerMessages(input: string, extra: Partial<{ deviceId: string }> = {}): { errors: string[]; warnings: string[]; saved?: string } {
  const { config, at } = configWithDraft(empty, 'printer', null, { name: '', ip: input, deviceId: extra.deviceId ?? 'local_printer' });
  const r = validateConfig(config, DEFAULT_SETTINGS);
  const p = problemsAt({ ok: !r.errors.length, ...r }, at);
  return {
    errors: Object.values(p.errors).flat().map((e) => problemText(e, t)),
    warnings: Object.values(p.warnings).flat().map((e) => problemText(e, t)),
    ...(p.preview ? { saved: addressText('printer', p.preview) } : {}),
  };
}
function boxMessages(address: string, ip = ''): { errors: Record<string, string[]>; warnings: string[]; saved?: string } {
  const { config, at } = configWithDraft(empty, 'box', null, { name: '', address, ip });
  const r = validateConfig(config, DEFAULT_SETTINGS);
  const p = problemsAt({ ok: !r.errors.length, ...r }, at);
  return {
    errors: Object.fromEntries(Object.entries(p.errors).map(([k, l]) => [k, l.map((e) => problemText(e, t))])),
    warnings: Object.values(p.warnings).flat().map((e) => problemText(e, t)),
    ...(p.preview ? { saved: addressText('box', p.preview) } : {}),
  };
}

describe('parseAddress reads hosts by hand, strictly', () => {
  it.each([
    ['192.168.1.50', '192.168.1.50'],
    ['  192.168.1.50 ', '192.168.1.50'],
    ['https://192.168.1.50/', '192.168.1.50'],
    ['http://192.168.1.50:8069/hw_posbox_homepage/?x=1#y', '192.168.1.50'],
    ['192.168.001.010', '192.168.1.10'], // a zero-padded status sheet, read as decimal
    ['HTTPS://192-168-1-5.D73E7513.odoo-iot.com./hw_posbox_homepage/', '192-168-1-5.d73e7513.odoo-iot.com'],
    ['http://user:pw@192.168.1.50/', '192.168.1.50'],
  ])('%s -> %s', (input, host) => {
    const p = parseAddress(input);
    expect(p.ok && p.host).toBe(host);
  });
  it.each([
    ['', 'empty'],
    ['192.168.1', 'ip-parts'], // new URL() would silently make it 192.168.0.1
    ['1.2.3.4.5', 'ip-parts'],
    ['192.168.1.300', 'ip-octet-range'],
    ['192,168,1,5', 'bad-ip'],
    ['192.168.1.5a', 'bad-ip'],
    ['192.168.1.5:99999', 'bad-port'],
    ['192.168.1.5:abc', 'bad-port'],
    ['192.168.1.5:0', 'bad-port'],
    ['ftp://192.168.1.5', 'wrong-scheme'],
    ['[fe80::1]', 'ipv6-unsupported'],
    ['fe80::1', 'ipv6-unsupported'],
    ['printer shop', 'not-an-address'],
    ['x'.repeat(301), 'too-long'],
  ])('%s -> %s', (input, error) => {
    const p = parseAddress(input);
    expect(p.ok ? 'ok' : p.error).toBe(error);
  });
  it('keeps the port and the scheme', () => {
    expect(parseAddress('http://192.168.1.5:8080/x')).toEqual({ ok: true, host: '192.168.1.5', isIp: true, port: 8080, scheme: 'http' });
  });
});

describe('printer address messages', () => {
  it('a typo in an IP says which number is wrong', () => {
    expect(printerMessages('192.168.1.300').errors).toEqual(['In “192.168.1.300”, 300 is too big: each of the four numbers of an IP address goes from 0 to 255. Look for a typo.']);
  });
  it('a missing part says "four numbers"', () => {
    expect(printerMessages('192.168.1').errors[0]).toMatch(/“192\.168\.1” does not have four numbers/);
  });
  it('a public IP is saved with a warning', () => {
    const m = printerMessages('8.8.4.4');
    expect(m.errors).toEqual([]);
    expect(m.warnings[0]).toMatch(/^8\.8\.4\.4 is an internet address, not a local one/);
    expect(m.saved).toBe('8.8.4.4');
  });
  it('a bad port', () => {
    expect(printerMessages('192.168.1.20:70000').errors[0]).toMatch(/^“70000” is not a port/);
  });
  it('a pasted ePOS URL keeps the address, the port and the device id', () => {
    const { config } = configWithDraft(empty, 'printer', null, { name: '', ip: 'https://192.168.1.20:8043/cgi-bin/epos/service.cgi?devid=kitchen&timeout=6000', deviceId: '' });
    expect(validateConfig(config, DEFAULT_SETTINGS).config.printers[0]).toEqual({ id: 'printer-1', ip: '192.168.1.20', httpsPort: 8043, deviceId: 'kitchen' });
    expect(printerMessages('https://192.168.1.20:8043/cgi-bin/epos/service.cgi').saved).toBe('192.168.1.20:8043');
  });
  it('a hostname with dots: Odoo uses it as is, we need the IP', () => {
    expect(printerMessages('printer.shop.lan').errors[0]).toMatch(/^“printer\.shop\.lan” is a name, not an IP address\. Odoo uses such a name as it is/);
  });
  it('a word without dots: Odoo 18+ hashes it into an omnilinkcert name, quoted exactly', () => {
    const m = printerMessages('X4ABC12345');
    expect(m.errors[0]).toContain('“X4ABC12345” has no dot, so Odoo 18 and later turn it into y6cdcm32zjyjitn2ohnivg3my3zac4tocrtmpemygg7ctayghmna.omnilinkcert.epson.biz');
  });
  it('an omnilinkcert name found in Odoo', () => {
    expect(printerMessages('y6cdcm32zjyjitn2ohnivg3my3zac4tocrtmpemygg7ctayghmna.omnilinkcert.epson.biz').errors[0]).toMatch(/is an Epson certified address/);
  });
  it("0.0.0.0, what Odoo puts on a copied printer", () => {
    expect(printerMessages('0.0.0.0').errors[0]).toMatch(/^0\.0\.0\.0 cannot be a device's address/);
  });
  it('a bad device id is told under its own input', () => {
    const { config, at } = configWithDraft(empty, 'printer', null, { name: '', ip: '192.168.1.20', deviceId: 'kitchen printer' });
    const r = validateConfig(config, DEFAULT_SETTINGS);
    const p = problemsAt({ ok: false, ...r }, at);
    expect(Object.keys(p.errors)).toEqual(['deviceId']);
    expect(problemText(p.errors.deviceId![0]!, t)).toMatch(/^“kitchen printer” cannot be an ePOS device ID/);
  });
  it('the same printer twice is refused, naming the other entry', () => {
    const saved: Config = { ...empty, printers: [{ id: 'p1', name: 'Kitchen', ip: '192.168.1.20' }] };
    const { config, at } = configWithDraft(saved, 'printer', null, { name: '', ip: '192.168.1.20', deviceId: 'local_printer' });
    const r = validateConfig(config, DEFAULT_SETTINGS);
    expect(problemsAt({ ok: false, ...r }, at).errors.ip?.map((e) => problemText(e, t))).toEqual(['This device is already in the list (Kitchen).']);
  });
  it('two device ids on one IP (a TM-i serving several printers) are two printers', () => {
    const saved: Config = { ...empty, printers: [{ id: 'p1', ip: '192.168.1.20' }] };
    const { config } = configWithDraft(saved, 'printer', null, { name: '', ip: '192.168.1.20', deviceId: 'kitchen' });
    expect(validateConfig(config, DEFAULT_SETTINGS).errors).toEqual([]);
  });
});

describe('box address messages', () => {
  it('an IP, an odoo-iot name or a homepage link', () => {
    expect(boxMessages('192.168.1.5').saved).toBe('192.168.1.5');
    expect(boxMessages('https://192-168-1-5.d73e7513.odoo-iot.com/hw_posbox_homepage/').saved).toBe('192-168-1-5.d73e7513.odoo-iot.com');
    expect(boxMessages('192-168-1-5.d73e7513.odoo-iot.com', '192.168.1.7').saved).toBe('192-168-1-5.d73e7513.odoo-iot.com · 192.168.1.7');
    expect(boxMessages('http://192.168.1.5:8069/').saved).toBe('192.168.1.5');
  });
  it('a name that is not odoo-iot', () => {
    expect(boxMessages('iotbox.local').errors).toEqual({ address: ['“iotbox.local” is not an IoT box address. Use the box\'s IP, or its name ending in .odoo-iot.com (Odoo → IoT → IoT Boxes).'] });
  });
  it('errors land under the input they came from', () => {
    expect(Object.keys(boxMessages('192-168-1-5.d73e7513.odoo-iot.com', '192.168.1.300').errors)).toEqual(['ip']);
    expect(Object.keys(boxMessages('', '').errors)).toEqual(['address']);
  });
  it('two different IPs', () => {
    expect(boxMessages('192.168.1.5', '192.168.1.6').errors.ip?.[0]).toBe('Both fields hold an IP (192.168.1.5 and 192.168.1.6). Keep the box\'s current IP in one of them.');
  });
  it('an odoo-iot name without IP: saved with a warning', () => {
    const m = boxMessages('shop.d73e7513.odoo-iot.com');
    expect(m.errors).toEqual({});
    expect(m.warnings[0]).toMatch(/does not contain the box's IP/);
  });
  it('a box and a printer on one IP', () => {
    const saved: Config = { ...empty, boxes: [{ id: 'b', ip: '192.168.1.5', name: 'Shop box' }] };
    const { config, at } = configWithDraft(saved, 'printer', null, { name: '', ip: '192.168.1.5', deviceId: '' });
    const r = validateConfig(config, DEFAULT_SETTINGS);
    expect(problemsAt({ ok: false, ...r }, at).errors.ip?.map((e) => problemText(e, t))).toEqual(['This device is already in the list (Shop box).']);
  });
});

describe('drafts round-trip through the form', () => {
  it('ports and device ids survive an edit', () => {
    const box = { id: 'b', hostname: '192-168-1-5.d73e7513.odoo-iot.com', httpsPort: 8443, ip: '192.168.1.5', httpPort: 8070 };
    const printer = { id: 'p', ip: '192.168.1.20', httpPort: 8080, deviceId: 'kitchen', name: 'Kitchen' };
    const saved: Config = { ...empty, boxes: [box], printers: [printer] };
    const b = configWithDraft(saved, 'box', 0, boxDraftOf(box));
    const p = configWithDraft(b.config, 'printer', 0, printerDraftOf(printer));
    const r = validateConfig(p.config, DEFAULT_SETTINGS);
    expect(r.errors).toEqual([]);
    expect(r.config.boxes).toEqual([box]);
    expect(r.config.printers).toEqual([printer]);
  });
});

describe('settings messages', () => {
  const check = (dohUrl: string, interval: string) => validateConfig({ ...empty, settings: settingsOf({ dohUrl, intervalMinutes: interval, notifications: true }) }, DEFAULT_SETTINGS);
  it('"off" turns DoH off and shows as off again', () => {
    const r = check('off', '0');
    expect(r.errors).toEqual([]);
    expect(r.config.settings.dohUrl).toBe('');
    expect(settingsDraftOf(r.config.settings).dohUrl).toBe('off');
  });
  it('http DoH, a non-URL, a bad interval', () => {
    expect(check('http://dns.example/dns-query', '15').errors.map((e) => problemText(e, t))).toEqual(['The DNS-over-HTTPS address must start with https://.']);
    expect(check('dns.google', '15').errors.map((e) => problemText(e, t))).toEqual(['“dns.google” is not a web address. Type an https:// address, or off.']);
    expect(check('off', '2.5').errors.map((e) => [e.field, problemText(e, t)])).toEqual([['intervalMinutes', '“2.5” is not a number of minutes from 0 (never) to 1440 (once a day).']]);
    expect(check('off', '').errors.map((e) => e.field)).toEqual(['intervalMinutes']);
  });
});

describe('Epson certified names (Odoo 18+ format_epson_certified_domain)', () => {
  it('sha256 matches node for edge lengths', () => {
    for (const s of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'é'.repeat(200)]) {
      expect(Buffer.from(sha256(new TextEncoder().encode(s))).toString('hex')).toBe(createHash('sha256').update(s).digest('hex'));
    }
  });
  it('hashes only values without a dot, keeping their case', () => {
    expect(epsonCertifiedName('X4ABC12345')).toBe('y6cdcm32zjyjitn2ohnivg3my3zac4tocrtmpemygg7ctayghmna.omnilinkcert.epson.biz');
    expect(epsonCertifiedName('x4abc12345')).not.toBe(epsonCertifiedName('X4ABC12345'));
    expect(epsonCertifiedName('192.168.1.20')).toBeUndefined();
    expect(epsonCertifiedName('printer.shop.lan')).toBeUndefined();
  });
});

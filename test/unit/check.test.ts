import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check';
import type { Config } from '../../src/model';
import { DEFAULT_SETTINGS } from '../../src/model';
import { encodeQuery } from '../../src/net/dns-message';
import type { HttpRequest } from '../../src/net/http';
import { fakeHttp } from './fake-http';

const env = { browser: 'Chromium 156', os: 'Linux (x86-64)', extensionVersion: '0.1.0', timeZone: 'UTC' };
const NAME = '192-168-1-143.d73e7513.odoo-iot.com';
const DOH = 'https://doh.example/dns-query';
const NOW = new Date('2026-11-26T10:00:00Z');
const ping = { text: 'ping' };
const epos = (status: number, success = true, code = '') => ({ text: `<response success="${success}" code="${code}" status="${status}" battery="0"/>` });

function dohAnswer(rcode: number, ip?: string): Uint8Array {
  const q = Array.from(encodeQuery(NAME).subarray(12));
  const rr = ip ? [0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, ...ip.split('.').map(Number)] : [];
  return Uint8Array.from([0, 0, 0x81, 0x80 | rcode, 0, 1, 0, ip ? 1 : 0, 0, 0, 0, 0, ...q, ...rr]);
}

const config = (c: Partial<Config>): Config => ({ boxes: [], printers: [], settings: { ...DEFAULT_SETTINGS, dohUrl: DOH }, ...c });
const box = { id: 'b', ip: '192.168.1.143', hostname: NAME };
const printer = { id: 'p', ip: '192.168.1.50' };
const run = async (c: Config, table: Parameters<typeof fakeHttp>[0], log?: HttpRequest[]) =>
  runCheck(c, { http: fakeHttp(table, log), environment: env, now: () => NOW, printerGapMs: 0 });
const codeOf = async (c: Config, table: Parameters<typeof fakeHttp>[0]) => (await run(c, table)).devices.map((d) => d.code);

const healthy19 = {
  'http://192.168.1.143:8069/hw_proxy/hello': ping,
  [`https://${NAME}/hw_proxy/hello`]: ping,
  'http://192.168.1.143:8069/iot_drivers/data': { text: JSON.stringify({ version: '19.0', ip: '192.168.1.143', certificate_end_date: '2027-01-20 10:00:00' }) },
};

describe('box diagnoses', () => {
  it('healthy 19 box', async () => expect(await codeOf(config({ boxes: [box] }), healthy19)).toEqual(['BOX_OK']));
  it('certificate ending soon', async () =>
    expect(await codeOf(config({ boxes: [box] }), { ...healthy19, 'http://192.168.1.143:8069/iot_drivers/data': { text: '{"version":"19.0","certificate_end_date":"2026-12-01 00:00:00"}' } })).toEqual(['BOX_CERT_EXPIRING']));
  it('router blocks the private answer that public DNS gives', async () =>
    expect(await codeOf(config({ boxes: [box] }), { ...healthy19, [`https://${NAME}/hw_proxy/hello`]: { error: 'net::ERR_NAME_NOT_RESOLVED' }, [DOH]: { bytes: dohAnswer(0, '192.168.1.143') } })).toEqual(['BOX_DNS_BLOCKED']));
  it('name unknown to public DNS too', async () =>
    expect(await codeOf(config({ boxes: [box] }), { ...healthy19, [`https://${NAME}/hw_proxy/hello`]: { error: 'NS_ERROR_UNKNOWN_HOST' }, [DOH]: { bytes: dohAnswer(3) } })).toEqual(['BOX_NAME_UNKNOWN']));
  it('public DNS unreachable', async () =>
    expect(await codeOf(config({ boxes: [box] }), { ...healthy19, [`https://${NAME}/hw_proxy/hello`]: { error: 'net::ERR_NAME_NOT_RESOLVED' } })).toEqual(['BOX_DNS_UNVERIFIED']));
  it('stale name after an IP change', async () =>
    expect(await codeOf(config({ boxes: [{ ...box, ip: '192.168.1.150' }] }), { 'http://192.168.1.150:8069/hw_proxy/hello': ping })).toEqual(['BOX_NAME_STALE']));
  it('HTTPS down while the box answers by IP', async () =>
    expect(await codeOf(config({ boxes: [box] }), { ...healthy19, [`https://${NAME}/hw_proxy/hello`]: { error: 'net::ERR_CONNECTION_REFUSED' } })).toEqual(['BOX_HTTPS_DOWN']));
  it('expired certificate, and the clock explaining it', async () => {
    const t = { ...healthy19, [`https://${NAME}/hw_proxy/hello`]: { error: 'net::ERR_CERT_DATE_INVALID' } };
    expect(await codeOf(config({ boxes: [box] }), t)).toEqual(['BOX_CERT_EXPIRED']);
    expect(await codeOf(config({ boxes: [box] }), { ...t, [DOH]: { bytes: dohAnswer(0, '1.2.3.4'), date: new Date(NOW.getTime() + 400 * 86_400_000).toUTCString() } })).toEqual(['PC_CLOCK_WRONG']);
  });
  it('16 homepage certificate error', async () =>
    expect(
      await codeOf(config({ boxes: [box] }), {
        'http://192.168.1.143:8069/hw_proxy/hello': ping,
        'http://192.168.1.143:8069/': { text: '<td>HTTPS certificate</td><td>Error code: ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL</td>' },
      }),
    ).toEqual(['BOX_CERT_ERROR']));
  it('box off', async () => expect(await codeOf(config({ boxes: [box] }), {})).toEqual(['BOX_UNREACHABLE']));
  it('box known only by IP', async () => expect(await codeOf(config({ boxes: [{ id: 'b', ip: '192.168.1.143' }] }), healthy19)).toEqual(['BOX_HOSTNAME_MISSING']));
  it('computer offline', async () =>
    expect(await codeOf(config({ boxes: [box] }), { 'http://192.168.1.143:8069/hw_proxy/hello': { error: 'net::ERR_INTERNET_DISCONNECTED' } })).toEqual(['PC_OFFLINE']));
  it('one "offline" from the browser makes every connection failure of the check "offline"', async () => {
    const r = await run(config({ boxes: [box], printers: [printer] }), { 'http://192.168.1.143:8069/hw_proxy/hello': { error: 'net::ERR_INTERNET_DISCONNECTED' } });
    expect(r.devices.map((d) => [d.code, d.raw])).toEqual([
      ['PC_OFFLINE', 'net::ERR_INTERNET_DISCONNECTED'],
      ['PC_OFFLINE', 'net::ERR_CONNECTION_REFUSED'],
    ]);
  });
  it('never asks 18 for its secrets', async () => {
    const log: HttpRequest[] = [];
    await run(config({ boxes: [box] }), { 'http://192.168.1.143:8069/hw_proxy/hello': ping, 'http://192.168.1.143:8069/hw_posbox_homepage/ping': { text: 'ping' } }, log);
    expect(log.map((r) => r.url).join(' ')).not.toContain('/hw_posbox_homepage/data');
  });
});

describe('printer diagnoses', () => {
  const url = 'https://192.168.1.50/cgi-bin/epos/service.cgi';
  const cases: [string, Parameters<typeof fakeHttp>[0], string][] = [
    ['healthy', { [url]: epos(251658262) }, 'PRINTER_OK'],
    ['paper low', { [url]: epos(251854870) }, 'PRINTER_PAPER_LOW'],
    ['wrong device id', { [url]: epos(0, false, 'DeviceNotFound') }, 'PRINTER_WRONG_DEVID'],
    ['self-signed', { [url]: { error: 'net::ERR_CERT_AUTHORITY_INVALID' } }, 'PRINTER_CERT_UNTRUSTED'],
    ['self-signed (Firefox)', { [url]: { error: 'The certificate is not trusted because it is self-signed.' } }, 'PRINTER_CERT_UNTRUSTED'],
    ['expired', { [url]: { error: 'net::ERR_CERT_DATE_INVALID' } }, 'PRINTER_CERT_EXPIRED'],
    ['wrong name', { [url]: { error: 'net::ERR_CERT_COMMON_NAME_INVALID' } }, 'PRINTER_CERT_NAME'],
    ['refused everywhere', {}, 'PRINTER_REFUSED'],
    ['HTTPS frozen, web page up', { [url]: { error: 'timeout' }, 'http://192.168.1.50/': { text: 'EPSON' } }, 'PRINTER_NOT_RESPONDING'],
    ['nothing answers', { [url]: { error: 'timeout' }, 'http://192.168.1.50/': { error: 'timeout' } }, 'PRINTER_UNREACHABLE'],
    ['garbage', { [url]: { text: '<html>oops</html>' } }, 'UNEXPECTED_ANSWER'],
    ['unknown browser string', { [url]: { error: 'net::ERR_SOMETHING_NEW' } }, 'UNKNOWN_ERROR'],
  ];
  for (const [name, table, code] of cases) it(name, async () => expect(await codeOf(config({ printers: [printer] }), table)).toEqual([code]));

  it('accepted only temporarily when the page path succeeds (Chromium)', async () => {
    const result = await runCheck(config({ printers: [printer] }), {
      http: fakeHttp({ [url]: { error: 'net::ERR_CERT_AUTHORITY_INVALID' } }),
      pageHttp: fakeHttp({ [url]: epos(251658262) }),
      environment: env,
      printerGapMs: 0,
    });
    expect(result.devices[0]?.code).toBe('PRINTER_CERT_TEMPORARY');
    expect(result.devices[0]?.raw).toBe('net::ERR_CERT_AUTHORITY_INVALID');
  });
  it('keeps the raw string and the worst severity', async () => {
    const r = await run(config({ printers: [printer, { id: 'q', ip: '192.168.1.51' }] }), { [url]: epos(251854870) });
    expect(r.worst).toBe('error');
    expect(r.devices[1]?.raw).toBe('net::ERR_CONNECTION_REFUSED');
  });
});

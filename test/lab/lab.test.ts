/**
 * The lab's own tests: its servers really behave as the scenarios say, seen from node's
 * https client trusting only the lab CA. Everything stays on 127.0.0.0/8.
 */
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIAGNOSES } from '../../src/diagnoses/registry';
import { RCODE, TYPE, base64url, buildQuery, decodeMessage, ipOfA } from './dns-wire';
import { HEALTHY, PAPER_LOW } from './devices';
import { type Lab, LAB_SECRETS, describeLab, startLab } from './index';
import { labLookup } from './lookup';
import { boxHostname } from './names';

/** The scenarios this lab reproduces with its servers (others, e.g. computer-offline, are not its own). */
const OURS = [
  'box-19-ok', 'box-18-ok', 'box-16-cert-error', 'box-cert-expired', 'box-dns-blocked', 'box-name-unknown', 'box-name-stale',
  'box-https-down', 'box-cert-expiring', 'box-off', 'box-dns-unverified', 'box-ip-only', 'box-cert-invalid',
  'printer-ok', 'printer-self-signed', 'printer-expired', 'printer-wrong-name', 'printer-paper-out', 'printer-cover-open',
  'printer-wrong-devid', 'printer-refused', 'printer-hangs', 'printer-off', 'printer-paper-low', 'printer-garbage',
  'printer-huge', 'printer-proceed-anyway', 'printer-offline', 'printer-mechanical', 'computer-clock', 'printer-cert-changed', 'printer-cert-other', 'unknown-error',
];
const DAY = 86_400_000;
const EPOS_PROBE =
  '<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>' +
  '<epos-print xmlns="http://www.epson-pos.com/schemas/2011/03/epos-print"/></s:Body></s:Envelope>';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
}, 30_000);
afterAll(async () => {
  await lab?.stop();
});

interface Got {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}
type ErrnoError = Error & { code?: string };

function request(url: string, o: { method?: string; body?: string | Buffer; headers?: Record<string, string>; timeout?: number } = {}): Promise<Got> {
  const u = new URL(url);
  const mod = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(
      u,
      { method: o.method ?? 'GET', headers: o.headers, lookup: labLookup(), ca: lab.caCertPem, agent: false, timeout: o.timeout ?? 3000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'TIMEOUT' })));
    req.on('error', reject);
    req.end(o.body);
  });
}

const failure = (p: Promise<unknown>): Promise<string | undefined> =>
  p.then(
    () => undefined,
    (e: ErrnoError) => e.code,
  );

const epos = (ip: string, devid = 'local_printer', timeout?: number): Promise<Got> =>
  request(`https://${ip}:${lab.ports.https}/cgi-bin/epos/service.cgi?devid=${devid}&timeout=10000`, {
    method: 'POST',
    body: EPOS_PROBE,
    headers: { 'Content-Type': 'text/xml; charset=utf-8', 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT', SOAPAction: '""' },
    ...(timeout ? { timeout } : {}),
  });

const responseAttrs = (xml: string): Record<string, string> => {
  const tag = /<response\b([^>]*)>/.exec(xml)?.[1] ?? '';
  return Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
};

const box = (ip: string, path: string, scheme: 'http' | 'https' = 'https'): string =>
  scheme === 'https' ? `https://${boxHostname(ip)}:${lab.ports.https}${path}` : `http://${boxHostname(ip)}:${lab.ports.boxHttp}${path}`;

describe('IoT boxes', () => {
  it('answer /hw_proxy/hello with ping over http and https, by name', async () => {
    for (const scheme of ['http', 'https'] as const) {
      const r = await request(box('127.0.0.10', '/hw_proxy/hello', scheme));
      expect(r.status).toBe(200);
      expect(r.body).toBe('ping');
      expect(r.headers['access-control-allow-origin']).toBe('*');
      expect(Math.abs(Date.parse(r.headers.date ?? '') - Date.now())).toBeLessThan(5000);
    }
  });

  it('Odoo 19: /iot_drivers/ping and /iot_drivers/data with the certificate end date', async () => {
    expect(JSON.parse((await request(box('127.0.0.10', '/iot_drivers/ping'))).body)).toEqual({ status: 'success', message: 'pong' });
    const data = JSON.parse((await request(box('127.0.0.10', '/iot_drivers/data'))).body) as Record<string, unknown>;
    expect(data.ip).toBe('127.0.0.10');
    expect(String(data.certificate_end_date)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const days = (Date.parse(`${String(data.certificate_end_date).replace(' ', 'T')}Z`) - Date.now()) / DAY;
    expect(days).toBeGreaterThan(58);
    expect(days).toBeLessThan(61);
    const expiring = JSON.parse((await request(box('127.0.0.19', '/iot_drivers/data'))).body) as Record<string, unknown>;
    expect((Date.parse(`${String(expiring.certificate_end_date).replace(' ', 'T')}Z`) - Date.now()) / DAY).toBeLessThan(5.01);
  });

  it('Odoo 18: /hw_posbox_homepage/ping, and /data exists with (fake) secrets', async () => {
    const ping = await request(box('127.0.0.11', '/hw_posbox_homepage/ping'));
    expect(ping.body).toBe('{"status": "success", "message": "pong"}');
    const data = await request(box('127.0.0.11', '/hw_posbox_homepage/data'));
    expect(data.body).toContain(LAB_SECRETS.dbUuid);
    expect(JSON.parse(data.body)).toMatchObject({ is_certificate_ok: true, enterprise_code: LAB_SECRETS.enterpriseCode });
    expect(lab.requests('127.0.0.11').map((r) => r.path)).toContain('/hw_posbox_homepage/data');
    expect((await request(box('127.0.0.11', '/iot_drivers/ping'))).status).toBe(404);
  });

  it('Odoo 16: the homepage row shows the certificate error, and nothing listens on 443', async () => {
    const home = await request(box('127.0.0.12', '/', 'http'));
    expect(home.body).toMatch(/HTTPS certificate<\/td>\s*<td>\s*Error code:/);
    expect(home.body).toContain('ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 403');
    expect(await failure(request(box('127.0.0.12', '/hw_proxy/hello')))).toBe('ECONNREFUSED');
  });

  it('certificate faults: expired, another name, and 443 down', async () => {
    expect(await failure(request(box('127.0.0.13', '/hw_proxy/hello')))).toBe('CERT_HAS_EXPIRED');
    expect(await failure(request(box('127.0.0.7', '/hw_proxy/hello')))).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(await failure(request(box('127.0.0.18', '/hw_proxy/hello')))).toBe('ECONNREFUSED');
    expect((await request(box('127.0.0.18', '/hw_proxy/hello', 'http'))).body).toBe('ping');
  });

  it('stale and blocked names, as the router sees them', async () => {
    expect(await failure(request(`https://${boxHostname('127.0.0.17')}:${lab.ports.https}/hw_proxy/hello`))).toBe('ECONNREFUSED');
    expect(await failure(request(box('127.0.0.14', '/hw_proxy/hello')))).toBe('ENOTFOUND');
    expect((await request(`http://127.0.0.14:${lab.ports.boxHttp}/hw_proxy/hello`)).body).toBe('ping');
  });
});

describe('DoH server', () => {
  const ask = async (path: string, name: string, type: number = TYPE.A, method: 'GET' | 'POST' = 'GET') => {
    const q = buildQuery(name, type);
    const url = `https://${lab.dohIp}:${lab.ports.https}${path}`;
    const r =
      method === 'GET'
        ? await requestRaw(`${url}?dns=${base64url(q)}`, { headers: { accept: 'application/dns-message' } })
        : await requestRaw(url, { method: 'POST', body: q, headers: { 'content-type': 'application/dns-message', accept: 'application/dns-message' } });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/dns-message');
    expect(r.headers['access-control-allow-origin']).toBe('*');
    return decodeMessage(r.body);
  };

  it('answers A records in wire format, router and public views', async () => {
    for (const path of ['/dns-query', '/public/dns-query']) {
      for (const method of ['GET', 'POST'] as const) {
        const m = await ask(path, boxHostname('127.0.0.10'), TYPE.A, method);
        expect(m.header.rcode).toBe(RCODE.NOERROR);
        expect(m.answers.map(ipOfA)).toEqual(['127.0.0.10']);
      }
    }
    expect((await ask('/dns-query', lab.dohHost)).answers.map(ipOfA)).toEqual([lab.dohIp]);
  });

  it('the router drops rebinding-blocked names, the public resolver answers them', async () => {
    const name = boxHostname('127.0.0.14');
    expect((await ask('/dns-query', name, TYPE.A, 'POST')).header.rcode).toBe(RCODE.NXDOMAIN);
    const pub = await ask('/public/dns-query', name);
    expect(pub.header.rcode).toBe(RCODE.NOERROR);
    expect(pub.answers.map(ipOfA)).toEqual(['127.0.0.14']);
  });

  it('NXDOMAIN for names that exist nowhere, empty NOERROR for other types', async () => {
    for (const path of ['/dns-query', '/public/dns-query']) {
      expect((await ask(path, boxHostname('127.0.0.15', 'deadbeef'))).header.rcode).toBe(RCODE.NXDOMAIN);
      expect((await ask(path, 'example.com')).header.rcode).toBe(RCODE.NXDOMAIN);
      const aaaa = await ask(path, boxHostname('127.0.0.10'), TYPE.AAAA);
      expect(aaaa.header.rcode).toBe(RCODE.NOERROR);
      expect(aaaa.answers).toEqual([]);
    }
  });

  it('is reachable by its name with a certificate for it', async () => {
    const r = await requestRaw(`https://${lab.dohHost}:${lab.ports.https}/dns-query?dns=${base64url(buildQuery(boxHostname('127.0.0.11')))}`);
    expect(decodeMessage(r.body).answers.map(ipOfA)).toEqual(['127.0.0.11']);
  });
});

describe('Epson printers', () => {
  it('a healthy printer answers the status envelope, and Web Config on port 80', async () => {
    const r = await epos('127.0.0.20');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/xml/);
    expect(responseAttrs(r.body)).toMatchObject({ success: 'true', code: '', status: String(HEALTHY), battery: '0' });
    const web = await request(`http://127.0.0.20:${lab.ports.printerHttp}/`);
    expect(web.body).toContain('EPSON Web Config');
  });

  it.each([
    ['127.0.0.24', 'false', 'EPTR_REC_EMPTY'],
    ['127.0.0.25', 'false', 'EPTR_COVER_OPEN'],
    ['127.0.0.30', 'true', ''],
    ['127.0.0.34', 'true', ''],
    ['127.0.0.35', 'false', 'EPTR_MECHANICAL'],
  ])('status of %s: success=%s code=%s', async (ip, success, code) => {
    const a = responseAttrs((await epos(ip)).body);
    expect(a).toMatchObject({ success, code });
    if (ip === '127.0.0.30') expect(a.status).toBe(String(PAPER_LOW));
    if (ip === '127.0.0.34') expect(Number(a.status) & 0x8).toBe(0x8);
  });

  it('a devid that is not the printer\'s answers DeviceNotFound', async () => {
    expect(responseAttrs((await epos('127.0.0.26')).body)).toMatchObject({ success: 'false', code: 'DeviceNotFound' });
    expect(responseAttrs((await epos('127.0.0.26', 'printer_1')).body)).toMatchObject({ success: 'true' });
  });

  it('certificate faults: self-signed, expired, wrong name, not yet valid', async () => {
    expect(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']).toContain(await failure(epos('127.0.0.21')));
    expect(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']).toContain(await failure(epos('127.0.0.33')));
    expect(await failure(epos('127.0.0.22'))).toBe('CERT_HAS_EXPIRED');
    expect(await failure(epos('127.0.0.23'))).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(await failure(epos('127.0.0.36'))).toBe('CERT_NOT_YET_VALID');
  });

  it('the clock device sends Date headers 400 days ahead', async () => {
    const r = await request(`http://127.0.0.36:${lab.ports.printerHttp}/`);
    expect((Date.parse(r.headers.date ?? '') - Date.now()) / DAY).toBeCloseTo(400, 0);
  });

  it('garbage and huge answers', async () => {
    const garbage = await epos('127.0.0.31');
    expect(garbage.status).toBe(200);
    expect(garbage.body).toMatch(/^<!DOCTYPE html>/);
    const huge = await epos('127.0.0.32');
    expect(Number(huge.headers['content-length'])).toBe(5 * 1024 * 1024);
    expect(huge.body.length).toBe(5 * 1024 * 1024);
  });

  it('refused, hanging after TLS, and silent after TCP', async () => {
    expect(await failure(epos('127.0.0.27'))).toBe('ECONNREFUSED');
    const before = lab.requests('127.0.0.28').length;
    expect(await failure(epos('127.0.0.28', 'local_printer', 400))).toBe('TIMEOUT');
    expect(lab.requests('127.0.0.28').length).toBe(before + 1);
    expect((await request(`http://127.0.0.28:${lab.ports.printerHttp}/`)).status).toBe(200);
    expect(await tlsOutcome('127.0.0.29', lab.ports.https, 400)).toBe('tcp-only');
    expect(await tlsOutcome('127.0.0.28', lab.ports.https, 400)).toBe('tls');
  });

  it('counts concurrent in-flight requests per device', async () => {
    const ip = '127.0.0.28';
    const before = lab.requests(ip).length;
    const pending = [1, 2, 3].map(() => failure(epos(ip, 'local_printer', 600)));
    await until(() => lab.requests(ip).length >= before + 3);
    expect(lab.maxConcurrent(ip)).toBeGreaterThanOrEqual(3);
    await Promise.all(pending);
    expect(lab.maxConcurrent('127.0.0.27')).toBe(0);
    await request(`http://127.0.0.20:${lab.ports.printerHttp}/`);
    expect(lab.maxConcurrent('127.0.0.20')).toBeGreaterThanOrEqual(1);
  });
});

describe('scenarios and description', () => {
  it('has every scenario of its brief, each expecting a known diagnosis', () => {
    const ids = lab.scenarios.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...OURS].sort());
    for (const s of lab.scenarios) {
      expect(DIAGNOSES.has(s.expect), s.id).toBe(true);
      if (s.expectFirefox) expect(DIAGNOSES.has(s.expectFirefox), s.id).toBe(true);
      for (const ip of [s.box?.ip, s.printer?.ip]) if (ip) expect(ip).toMatch(/^127\./);
    }
    // A diagnosis naming one of these scenarios is what that scenario expects.
    for (const def of DIAGNOSES.values()) {
      const s = lab.scenarios.find((x) => x.id === def.lab);
      if (s) expect([s.expect, s.expectFirefox], def.lab).toContain(def.code);
    }
  });

  it('is JSON-describable, with safe browser settings', () => {
    const d = describeLab(lab);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    expect(lab.chromiumHostRules).toContain(`MAP ${boxHostname('127.0.0.14')} ~NOTFOUND`);
    expect(lab.chromiumHostRules).toContain(`MAP ${boxHostname('127.0.0.10')} 127.0.0.10`);
    expect(lab.chromiumHostRules).toMatch(/MAP \* ~NOTFOUND, EXCLUDE 127\.0\.0\.\*/);
    expect(lab.firefoxPrefs['network.trr.uri']).toBe(lab.dohRouterUrl);
    expect(lab.firefoxPrefs).not.toHaveProperty('network.trr.allow-rfc1918');
    expect(lab.caCertPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('refuses to start twice on the same addresses, and restarts warm in under 3 s', async () => {
    await expect(startLab({ waitMs: 0 })).rejects.toThrow(/already in use/);
    await lab.stop();
    const t0 = Date.now();
    lab = await startLab();
    expect(Date.now() - t0).toBeLessThan(3000);
    expect((await request(box('127.0.0.10', '/hw_proxy/hello'))).body).toBe('ping');
  });
});

function requestRaw(url: string, o: { method?: string; body?: Buffer; headers?: Record<string, string> } = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = https.request(new URL(url), { method: o.method ?? 'GET', headers: o.headers, lookup: labLookup(), ca: lab.caCertPem, agent: false, timeout: 3000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(o.body);
  });
}

/** 'tls' when the handshake completes, 'tcp-only' when TCP connects but TLS never does. */
function tlsOutcome(ip: string, port: number, ms: number): Promise<'tls' | 'tcp-only' | 'refused'> {
  return new Promise((resolve) => {
    let connected = false;
    const socket = tls.connect({ host: ip, port, ca: lab.caCertPem, rejectUnauthorized: false });
    const done = (r: 'tls' | 'tcp-only' | 'refused'): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => done(connected ? 'tcp-only' : 'refused'), ms);
    socket.once('connect', () => (connected = true));
    socket.once('secureConnect', () => done('tls'));
    socket.once('error', () => done(connected ? 'tcp-only' : 'refused'));
  });
}

async function until(cond: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Odoo IoT box simulator: Odoo's routes on the plain port (8069) and, where the box has
 * a certificate, the same behind "nginx" on 443. Routes and JSON shapes follow Odoo's
 * source for 16, 18 and 19 (see test/lab/README.md).
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { NOT_FOUND_HTML, homepage16, owlShell, pyDate, pyJson } from './box-pages';
import type { BoxDevice } from './devices';
import { BOX_DOMAIN } from './names';
import { type DeviceContext, listen } from './net';

/** Fake secrets the 18 and 19 data routes expose: the extension must never show or store them. */
export const LAB_SECRETS = {
  dbUuid: 'SECRET-DB-UUID-5e1f0c2a-c0ffee42',
  enterpriseCode: 'SECRET-ENTERPRISE-CODE-M24011234',
} as const;

const DAY = 86_400_000;
const SERVER_URL = 'https://shop.lab.iot-doctor.test';
const IMAGE_VERSION: Record<BoxDevice['version'], string> = { 16: '22.11', 18: 'L24.10', 19: 'L25.10' };
const WERKZEUG: Record<BoxDevice['version'], string> = { 16: 'Werkzeug/2.0.2 Python/3.9.2', 18: 'Werkzeug/2.2.2 Python/3.11.2', 19: 'Werkzeug/3.0.1 Python/3.12.8' };

interface BoxContext {
  device: BoxDevice;
  /** The certificate the box holds (served on 443 unless nginx is down). */
  cert?: { notAfter: Date };
  startedAt: number;
}

const mac = (ip: string): string => `e4:5f:01:2a:7c:${Number(ip.split('.')[3]).toString(16).padStart(2, '0')}`;

function data19(c: BoxContext): Record<string, unknown> {
  const { ip } = c.device;
  const uptime = (Date.now() - c.startedAt) / 1000;
  const end = c.cert && c.cert.notAfter.getTime() > Date.now() ? pyDate(c.cert.notAfter) : null;
  return {
    db_uuid: LAB_SECRETS.dbUuid,
    enterprise_code: LAB_SECRETS.enterpriseCode,
    ip,
    identifier: mac(ip).replaceAll(':', ''),
    mac_address: mac(ip),
    devices: { printer: [{ name: 'EPSON TM-T20III', type: 'printer', identifier: 'usb_04b8_0e28', connection: 'direct' }] },
    server_status: SERVER_URL,
    pairing_code: null,
    new_database_url: null,
    pairing_code_expired: false,
    six_terminal: 'Not Configured',
    is_access_point_up: false,
    network_interfaces: [{ id: 'eth0', is_wifi: false, ssid: null, ip }],
    version: IMAGE_VERSION[19],
    system: 'Linux',
    odoo_uptime_seconds: Math.round((uptime + 312.4) * 1000) / 1000,
    system_uptime_seconds: Math.round((uptime + 340.9) * 1000) / 1000,
    certificate_end_date: end,
    wifi_ssid: null,
    qr_code_wifi: null,
    qr_code_url: null,
  };
}

function certDetails(c: BoxContext): { ok: boolean; details: string } {
  const check = c.device.certCheck ?? { ok: true };
  if (!check.ok) return { ok: false, details: check.details };
  const until = pyDate(new Date((c.cert?.notAfter.getTime() ?? Date.now() + 60 * DAY) - 10 * DAY));
  return { ok: true, details: `Your certificate *.${BOX_DOMAIN} is valid until ${until}` };
}

function data18(c: BoxContext): Record<string, unknown> {
  const { ip } = c.device;
  const cert = certDetails(c);
  return {
    db_uuid: LAB_SECRETS.dbUuid,
    enterprise_code: LAB_SECRETS.enterpriseCode,
    hostname: 'iotbox',
    ip,
    mac: mac(ip),
    devices: {},
    server_status: SERVER_URL,
    pairing_code: null,
    six_terminal: 'Not Configured',
    is_access_point_up: false,
    network_interfaces: [{ id: 'eth0', is_wifi: false, ssid: null, ip }],
    version: IMAGE_VERSION[18],
    system: 'Linux',
    is_certificate_ok: cert.ok,
    certificate_details: cert.details,
  };
}

type Route = { cors: boolean; body: (c: BoxContext) => string };
const PING = pyJson({ status: 'success', message: 'pong' });

function routes(version: BoxDevice['version']): Record<string, Route> {
  const common: Record<string, Route> = { '/hw_proxy/hello': { cors: true, body: () => 'ping' } };
  if (version === 19) {
    return {
      ...common,
      '/': { cors: false, body: () => owlShell('iot_drivers') },
      '/iot_drivers/ping': { cors: true, body: () => PING },
      '/iot_drivers/data': { cors: true, body: (c) => pyJson(data19(c)) },
    };
  }
  if (version === 18) {
    return {
      ...common,
      '/': { cors: false, body: () => owlShell('hw_posbox_homepage') },
      '/hw_posbox_homepage/ping': { cors: true, body: () => PING },
      '/hw_posbox_homepage/data': { cors: true, body: (c) => pyJson(data18(c)) },
    };
  }
  return {
    ...common,
    '/': {
      cors: false,
      body: (c) => {
        const cert = certDetails(c);
        const { ip } = c.device;
        return homepage16({ hostname: 'iotbox', version: IMAGE_VERSION[16], ip, mac: mac(ip), serverStatus: SERVER_URL, isCertificateOk: cert.ok, certificateDetails: cert.details });
      },
    },
  };
}

function handler(c: BoxContext, server: string): (req: IncomingMessage, res: ServerResponse) => void {
  const table = routes(c.device.version);
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://box').pathname;
    const route = table[path];
    res.setHeader('Server', server);
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(NOT_FOUND_HTML);
      return;
    }
    if (route.cors) {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    }
    if (req.method === 'OPTIONS' && route.cors) {
      res.writeHead(204, { 'Access-Control-Max-Age': '86400', 'Access-Control-Allow-Headers': 'Origin, X-Requested-With, Content-Type, Accept, Authorization' });
      res.end();
      return;
    }
    req.resume();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(route.body(c));
  };
}

export async function startBox(device: BoxDevice, ctx: DeviceContext): Promise<void> {
  const leaf = device.https ? ctx.certs.leaves[device.https] : ctx.certs.leaves['box-wildcard'];
  const c: BoxContext = { device, startedAt: ctx.startedAt, ...(leaf ? { cert: { notAfter: leaf.notAfter } } : {}) };
  const plain = ctx.servers.add(http.createServer(ctx.recorder.wrap(device.ip, ctx.ports.boxHttp, handler(c, WERKZEUG[device.version]))));
  await listen(plain, ctx.ports.boxHttp, device.ip);
  if (device.https && leaf) {
    const tls = ctx.servers.add(https.createServer({ key: leaf.key, cert: leaf.cert }, ctx.recorder.wrap(device.ip, ctx.ports.https, handler(c, 'nginx/1.22.1'))));
    await listen(tls, ctx.ports.https, device.ip);
  }
}

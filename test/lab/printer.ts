/**
 * Epson ePOS printer simulator: `POST /cgi-bin/epos/service.cgi` on 443 and 80 answering
 * the SOAP status envelope, a small "EPSON Web Config" page on `/`, and the broken variants
 * (hangs, garbage, 5 MB body, powered off).
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { EposBehaviour, PrinterDevice, SilentDevice } from './devices';
import { HEALTHY, PLAIN_ON_HTTPS_PORT } from './devices';
import { type DeviceContext, listenAll, readBody } from './net';

const EPOS_NS = 'http://www.epson-pos.com/schemas/2011/03/epos-print';
const DAY = 86_400_000;

/** The SOAP answer of a real printer (header with the devid, then the response element). */
export function eposResponse(devid: string, r: { success: boolean; code: string; status: number }): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">' +
    `<s:Header><parameter xmlns="${EPOS_NS}"><devid>${devid}</devid><printjobid></printjobid></parameter></s:Header>` +
    `<s:Body><response success="${r.success}" code="${r.code}" status="${r.status}" battery="0" xmlns="${EPOS_NS}"></response></s:Body>` +
    '</s:Envelope>'
  );
}

const WEB_CONFIG = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>EPSON Web Config</title></head>
<body>
<h1>EPSON Web Config</h1>
<table>
<tr><th>Printer Model</th><td>TM-T20III</td></tr>
<tr><th>Status</th><td>Ready</td></tr>
</table>
<p><a href="/PRESENTATION/ADVANCED/PASSWORD/TOP">Administrator Login</a></p>
</body>
</html>
`;

/** Another device's page where the printer should be (printer-garbage). */
const GARBAGE_HTML = `<!DOCTYPE html>
<html><head><title>Router login</title></head>
<body><h1>Welcome</h1><form method="post" action="/login"><input name="password" type="password"><button>Log in</button></form>
<!-- <response success="tr -->
</body></html>
`;

const HUGE_SIZE = 5 * 1024 * 1024;
let huge: Buffer | undefined;
/** 5 MB of XML whose valid healthy answer comes only at the very end (printer-huge). */
function hugeBody(): Buffer {
  if (huge) return huge;
  const tail = eposResponse('local_printer', { success: true, code: '', status: HEALTHY });
  const head = '<?xml version="1.0" encoding="utf-8"?><!-- ';
  const close = ' -->';
  const pad = HUGE_SIZE - head.length - close.length - (tail.length - tail.indexOf('<s:Envelope'));
  huge = Buffer.from(head + 'x'.repeat(pad) + close + tail.slice(tail.indexOf('<s:Envelope')), 'utf8');
  return huge;
}

function answer(device: PrinterDevice, epos: EposBehaviour, devid: string, body: string, res: ServerResponse): void {
  switch (epos.answer) {
    case 'hang':
      return; // the request stays open until the client gives up (or the lab stops)
    case 'garbage':
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(GARBAGE_HTML);
      return;
    case 'broken-chunked':
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', 'Transfer-Encoding': 'chunked' });
      res.flushHeaders();
      res.socket?.end('not-a-chunk-size\r\n<response/>\r\n');
      return;
    case 'huge':
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': String(hugeBody().length) });
      res.end(hugeBody());
      return;
    case 'status': {
      let r: { success: boolean; code: string; status: number } = epos;
      if (devid !== device.devid) r = { success: false, code: 'DeviceNotFound', status: 0 };
      else if (!/<epos-print\b/.test(body)) r = { success: false, code: 'SchemaError', status: 0 };
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
      res.end(eposResponse(devid, r));
    }
  }
}

function handler(device: PrinterDevice): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (device.clockDays) res.setHeader('Date', new Date(Date.now() + device.clockDays * DAY).toUTCString());
    const url = new URL(req.url ?? '/', 'http://printer');
    if (url.pathname === '/cgi-bin/epos/service.cgi') {
      res.setHeader('Access-Control-Allow-Origin', '*');
      if (req.method === 'OPTIONS') {
        res.writeHead(200, {
          'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
          'Access-Control-Allow-Headers': 'Content-Type, SOAPAction, If-Modified-Since',
          'Access-Control-Max-Age': '86400',
        });
        res.end();
        return;
      }
      if (req.method !== 'POST') {
        req.resume();
        res.writeHead(405, { 'Content-Type': 'text/plain', Allow: 'POST, OPTIONS' });
        res.end('Method Not Allowed');
        return;
      }
      const devid = url.searchParams.get('devid') ?? '';
      readBody(req).then(
        (body) => answer(device, device.epos, devid, body.toString('utf8'), res),
        () => res.destroy(),
      );
      return;
    }
    req.resume();
    if (url.pathname === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(WEB_CONFIG);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<html><body><h1>404 Not Found</h1></body></html>\n');
  };
}

export async function startPrinter(device: PrinterDevice, ctx: DeviceContext): Promise<void> {
  if (device.https === PLAIN_ON_HTTPS_PORT) {
    const h = handler(device);
    await listenAll([
      [ctx.servers.add(http.createServer(ctx.recorder.wrap(device.ip, ctx.ports.https, h))), ctx.ports.https, device.ip],
      [ctx.servers.add(http.createServer(ctx.recorder.wrap(device.ip, ctx.ports.printerHttp, h))), ctx.ports.printerHttp, device.ip],
    ]);
    return;
  }
  const leaf = ctx.certs.leaves[device.https];
  if (!leaf) throw new Error(`no certificate ${device.https} for ${device.ip}`);
  const h = handler(device);
  const tls = ctx.servers.add(https.createServer({ key: leaf.key, cert: leaf.cert }, ctx.recorder.wrap(device.ip, ctx.ports.https, h)));
  const plain = ctx.servers.add(http.createServer(ctx.recorder.wrap(device.ip, ctx.ports.printerHttp, h)));
  ctx.tls?.set(device.ip, tls);
  await listenAll([
    [tls, ctx.ports.https, device.ip],
    [plain, ctx.ports.printerHttp, device.ip],
  ]);
}

/** Accepts TCP and never answers, on both printer ports. */
export async function startSilent(device: SilentDevice, ctx: DeviceContext): Promise<void> {
  await listenAll(
    [ctx.ports.https, ctx.ports.printerHttp].map((port) => [ctx.servers.add(net.createServer((socket) => socket.on('error', () => {}))), port, device.ip]),
  );
}

/**
 * A fake Odoo server on loopback, for discovery: a web client page that sets a session
 * cookie, and the JSON-RPC routes that the options page's discovery calls through that tab
 * (`/web/webclient/version_info`, `/web/dataset/call_kw/<model>/<method>` with `fields_get`
 * and `search_read`), answering with the field sets of Odoo 17, 18 or 19. Calls without the
 * cookie fail like a logged-out session. Listens on 127.x only; its data only names 127.x.
 *
 * For the POS checks it also serves the point of sale page (`/pos/ui`), over https when given
 * a certificate (`tls`), under a name (`host`, which the browser maps to the address), and lets
 * a test shape the POS configuration (`shape`: LNA mode, printer addresses, box addresses).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { boxHostname } from './names';

export type OdooVersion = 17 | 18 | 19;

export interface FakeOdooOptions {
  /** A 127.x address; anything else is refused. */
  ip?: string;
  port?: number;
  version?: OdooVersion;
  /** Models whose reads fail with an AccessError (a user without IoT/POS rights). */
  denied?: string[];
  /** Models that do not exist (the IoT app is not installed...). */
  missing?: string[];
  /** false: the page is a login page that sets no session (a logged-out tab). */
  loggedIn?: boolean;
  /** Serve over https with this certificate (the lab CA's), as Odoo Online and Odoo.sh do. */
  tls?: { key: string; cert: string };
  /** The name the tests open it by (the browser maps it to `ip`): a POS on a name counts as public. */
  host?: string;
  /** Changes the database before serving (POS settings, printer addresses...): see `posShapes`. */
  shape?: (data: Record<string, Model>) => void;
}

export interface FakeOdoo {
  /** The web client page to open in a tab. */
  url: string;
  origin: string;
  /** Every JSON-RPC call received, for assertions (model, method, fields asked for). */
  calls: Array<{ model: string; method: string; fields?: string[]; session: boolean }>;
  stop(): Promise<void>;
}

/** What the lab's Odoo database holds (all loopback). */
export const FAKE_ODOO = {
  boxIp: '127.0.0.10',
  boxHostname: boxHostname('127.0.0.10'),
  receiptPrinterIp: '127.0.0.20',
  kitchenPrinterIp: '127.0.0.21',
  badEpsonAddress: 'printer.shop.lan',
  /** What Odoo 18+ stores when "X4ABC12345" (a serial number) is typed as the printer's address. */
  serialNumber: 'X4ABC12345',
  certifiedName: 'y6cdcm32zjyjitn2ohnivg3my3zac4tocrtmpemygg7ctayghmna.omnilinkcert.epson.biz',
} as const;

type Field = { type: string; string: string; selection?: Array<[string, string]> };
export type Model = { fields: Record<string, Field>; records: Array<Record<string, unknown>> };

const char = (string: string): Field => ({ type: 'char', string });
const bool = (string: string): Field => ({ type: 'boolean', string });
const m2o = (string: string): Field => ({ type: 'many2one', string });

/** The database as each version shapes it. Field sets follow Odoo's models; values are the lab's. */
export function odooData(version: OdooVersion): Record<string, Model> {
  const { boxIp, receiptPrinterIp, kitchenPrinterIp, badEpsonAddress } = FAKE_ODOO;
  const host = FAKE_ODOO.boxHostname;
  const box: Model =
    version === 19
      ? {
          fields: { name: char('Name'), identifier: char('Identifier (Mac Address)'), ip: char('Domain Address'), version: char('Image Version'), ssl_certificate_end_date: { type: 'datetime', string: 'SSL certificate end date' }, company_id: m2o('Company'), drivers_auto_update: bool('Automatic drivers update') },
          records: [{ id: 1, name: 'IoT Box Shop', identifier: 'e4:5f:01:c0:ff:ee', ip: boxIp, version: '25.03', ssl_certificate_end_date: '2026-02-14 10:00:00', company_id: [1, 'My Shop'], drivers_auto_update: true }],
        }
      : {
          fields: { name: char('Name'), identifier: char('Identifier (Mac Address)'), ip: char('Domain Address'), ip_url: char('IoT Box Home Page'), version: char('Image Version'), company_id: m2o('Company'), drivers_auto_update: bool('Automatic drivers update') },
          records: [{ id: 1, name: 'IoT Box Shop', identifier: 'e4:5f:01:c0:ff:ee', ip: host, ip_url: `https://${host}`, version: version === 18 ? '24.10' : '24.01', company_id: [1, 'My Shop'], drivers_auto_update: true }],
        };
  const devices: Model = {
    fields: { name: char('Name'), identifier: char('Identifier'), type: { type: 'selection', string: 'Type' }, iot_id: m2o('IoT Box'), iot_ip: char('Domain Address'), connection: { type: 'selection', string: 'Connection' }, connected: bool('Status'), manufacturer: char('Manufacturer') },
    records: [
      { id: 1, name: 'EPSON TM-T20III (box)', identifier: 'usb_04b8_0e28', type: 'printer', iot_id: [1, 'IoT Box Shop'], iot_ip: host, connection: 'direct', connected: true, manufacturer: 'EPSON' },
      { id: 2, name: 'Toledo scale', identifier: 'ttyUSB0', type: 'scale', iot_id: [1, 'IoT Box Shop'], iot_ip: version === 19 ? host : boxIp, connection: 'direct', connected: false, manufacturer: 'Mettler' },
    ],
  };
  const posConfig: Model = {
    fields: { name: char('Point of Sale'), epson_printer_ip: char('Epson Printer IP'), other_devices: bool('Other Devices'), ...(version === 19 ? { use_lna: bool('Use Local Network Access') } : {}) },
    records: [
      { id: 1, name: 'Shop', epson_printer_ip: receiptPrinterIp, other_devices: true, ...(version === 19 ? { use_lna: true } : {}) },
      { id: 2, name: 'Terrace', epson_printer_ip: false, other_devices: false, ...(version === 19 ? { use_lna: false } : {}) },
    ],
  };
  const types: Array<[string, string]> = version === 19 ? [['epson_epos', 'IP address']] : [['iot', 'Use a printer connected to the IoT Box'], ['epson_epos', 'Use an Epson printer']];
  const posPrinter: Model = {
    fields: {
      name: char('Printer Name'),
      printer_type: { type: 'selection', string: 'Printer Type', selection: types },
      epson_printer_ip: char('Epson Printer IP Address'),
      ...(version === 19 ? { use_lna: bool('Use Local Network Access'), use_type: { type: 'selection', string: 'Type' } } : { proxy_ip: char('Proxy IP Address') }),
    },
    records: [
      { id: 1, name: 'Kitchen', printer_type: 'epson_epos', epson_printer_ip: kitchenPrinterIp, ...(version === 19 ? { use_lna: false } : { proxy_ip: false }) },
      { id: 2, name: 'Receipt copy', printer_type: 'epson_epos', epson_printer_ip: receiptPrinterIp, ...(version === 19 ? { use_lna: true } : { proxy_ip: false }) },
      { id: 3, name: 'Bar', printer_type: 'epson_epos', epson_printer_ip: badEpsonAddress, ...(version === 19 ? { use_lna: false } : { proxy_ip: false }) },
      ...(version === 19
        ? [{ id: 4, name: 'Terrace', printer_type: 'epson_epos', epson_printer_ip: FAKE_ODOO.certifiedName, use_lna: false }]
        : [{ id: 4, name: 'Label printer (box)', printer_type: 'iot', epson_printer_ip: false, proxy_ip: boxIp }]),
    ],
  };
  return { 'iot.box': box, 'iot.device': devices, 'pos.config': posConfig, 'pos.printer': posPrinter };
}

const SERVER_VERSION: Record<OdooVersion, string> = { 17: '17.0', 18: '18.0', 19: '19.0' };

function page(version: OdooVersion, loggedIn: boolean, pos = false): string {
  const title = !loggedIn ? 'Login | Odoo' : pos ? 'Odoo POS' : 'Odoo - Point of Sale';
  const body = !loggedIn
    ? `<main class="oe_login_form"><form method="post" action="/web/login"><label>Email <input name="login"></label><label>Password <input name="password" type="password"></label><button class="btn btn-primary">Log in</button></form></main>`
    : pos
      ? `<div class="pos"><header class="pos-topheader"><span class="pos-branding">Shop</span></header><main class="pos-content"><div class="product-screen"><button class="pay">Payment</button></div></main></div>`
      : `<header class="o_navbar"><nav class="o_main_navbar"><a class="o_menu_brand">Point of Sale</a></nav></header>
<main class="o_action_manager"><div class="o_kanban_view"><article class="o_kanban_record"><h3>Shop</h3><button class="btn btn-primary">Open Register</button></article></div></main>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta name="generator" content="Odoo ${SERVER_VERSION[version]} (IoT Doctor lab)"></head>
<body class="o_web_client">${body}</body></html>`;
}

const rpcResult = (id: unknown, result: unknown) => ({ jsonrpc: '2.0', id: id ?? null, result });
const rpcError = (id: unknown, name: string, message: string, code = 200) => ({
  jsonrpc: '2.0',
  id: id ?? null,
  error: { code, message: code === 100 ? 'Odoo Session Expired' : 'Odoo Server Error', data: { name, debug: `Traceback (most recent call last):\n${name}: ${message}`, message, arguments: [message], context: {} } },
});

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 100_000) req.destroy(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakeOdoo(opts: FakeOdooOptions = {}): Promise<FakeOdoo> {
  const ip = opts.ip ?? '127.0.0.60';
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip)) throw new Error(`fake Odoo listens on loopback only, not ${ip}`);
  const version = opts.version ?? 17;
  const loggedIn = opts.loggedIn ?? true;
  const data = odooData(version);
  for (const m of opts.missing ?? []) delete data[m];
  opts.shape?.(data);
  const sessions = new Set<string>();
  const calls: FakeOdoo['calls'] = [];

  const sessionOf = (req: IncomingMessage): boolean => {
    const m = /(?:^|;\s*)session_id=([0-9a-f]+)/.exec(req.headers.cookie ?? '');
    return !!m && sessions.has(m[1]!);
  };
  const json = (res: ServerResponse, body: unknown): void => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake-odoo');
      const path = url.pathname;
      if (req.method === 'GET' && (path === '/' || path === '/odoo')) {
        res.writeHead(303, { Location: version === 17 ? '/web' : '/odoo/action-pos' });
        return res.end();
      }
      if (req.method === 'GET' && (/^\/(odoo|web)(\/|$)/.test(path) || /^\/pos\/(ui|web)/.test(path)) && !path.startsWith('/web/dataset') && !path.startsWith('/web/webclient')) {
        const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
        if (path === '/web/session/logout') {
          sessions.clear();
          headers['Set-Cookie'] = 'session_id=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax';
        } else if (loggedIn && !sessionOf(req)) {
          const sid = randomBytes(20).toString('hex');
          sessions.add(sid);
          headers['Set-Cookie'] = `session_id=${sid}; Path=/; HttpOnly; SameSite=Lax`;
        }
        res.writeHead(200, headers);
        return res.end(page(version, loggedIn && path !== '/web/session/logout', path.startsWith('/pos/')));
      }
      if (req.method === 'POST' && path === '/web/webclient/version_info') {
        const v = SERVER_VERSION[version];
        return json(res, rpcResult(null, { server_version: v, server_version_info: [version, 0, 0, 'final', 0, 'e'], server_serie: v, protocol_version: 1 }));
      }
      const kw = /^\/web\/dataset\/call_kw\/([\w.]+)\/(\w+)$/.exec(path);
      if (req.method === 'POST' && kw) {
        let body: { id?: unknown; params?: { model?: string; method?: string; args?: unknown[]; kwargs?: Record<string, unknown> } };
        try {
          body = JSON.parse(await readBody(req));
        } catch {
          return json(res, rpcError(null, 'werkzeug.exceptions.BadRequest', 'Invalid JSON data'));
        }
        const { model, method, kwargs = {} } = body.params ?? {};
        const fields = Array.isArray(kwargs.fields) ? (kwargs.fields as string[]) : undefined;
        const session = sessionOf(req);
        calls.push({ model: model ?? '', method: method ?? '', ...(fields ? { fields } : {}), session });
        if (!session) return json(res, rpcError(body.id, 'odoo.http.SessionExpiredException', 'Session expired', 100));
        if (model !== kw[1] || method !== kw[2]) return json(res, rpcError(body.id, 'builtins.ValueError', 'model/method mismatch'));
        if ((opts.denied ?? []).includes(model!)) return json(res, rpcError(body.id, 'odoo.exceptions.AccessError', `You are not allowed to access '${model}' records.`));
        const m = data[model!];
        if (!m) return json(res, rpcError(body.id, 'builtins.KeyError', `'${model}'`));
        if (method === 'fields_get') {
          const attrs = Array.isArray(kwargs.attributes) ? (kwargs.attributes as string[]) : undefined;
          const out = Object.fromEntries(Object.entries(m.fields).map(([k, f]) => [k, attrs ? Object.fromEntries(Object.entries(f).filter(([a]) => attrs.includes(a))) : f]));
          return json(res, rpcResult(body.id, out));
        }
        if (method === 'search_read') {
          const want = fields ?? Object.keys(m.fields);
          const bad = want.find((f) => !(f in m.fields) && f !== 'id');
          if (bad) return json(res, rpcError(body.id, 'builtins.ValueError', `Invalid field '${bad}' on model '${model}'`));
          const limit = typeof kwargs.limit === 'number' ? kwargs.limit : undefined;
          const rows = m.records.slice(0, limit).map((r) => Object.fromEntries([['id', r.id], ...want.filter((f) => f !== 'id').map((f) => [f, r[f] ?? false])]));
          return json(res, rpcResult(body.id, rows));
        }
        return json(res, rpcError(body.id, 'builtins.AttributeError', `The method '${method}' does not exist on the model '${model}'`));
      }
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><title>404 | Odoo</title><h1>404: Page not found</h1>');
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
  const server = opts.tls ? createTlsServer({ key: opts.tls.key, cert: opts.tls.cert }, handler) : createServer(handler);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8069, ip, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `${opts.tls ? 'https' : 'http'}://${opts.host ?? ip}:${port}`;
  return {
    url: `${origin}${version === 17 ? '/web' : '/odoo/action-pos'}`,
    origin,
    calls,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import type { BoxConfig, Config, PrinterConfig, Settings } from '../model';
import { ipFromIotHostname, isIotHostname } from '../net/ipv4';
import { epsonCertifiedName, isEpsonCertifiedName } from './epson';

/**
 * Turns what a user typed or pasted into a device address, or says clearly why not.
 * Accepts `192.168.1.50`, ` 192.168.1.50 `, `https://192.168.1.50/`, `192.168.1.50:8043`,
 * `https://192-168-1-5.d73e7513.odoo-iot.com/hw_posbox_homepage/`...
 *
 * The host is read by hand, not by `new URL`: the URL parser silently turns `192.168.1` into
 * 192.168.0.1 and `192.168.001.010` into 192.168.1.8 (octal), and answers a bare "invalid URL"
 * for `192.168.1.300`, where the user needs to hear which number is wrong.
 */
export type Parsed =
  | { ok: true; host: string; port?: number; isIp: boolean; scheme?: 'http' | 'https' }
  | { ok: false; error: string; args?: string[] };

const clip = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function parseAddress(input: string): Parsed {
  const s = input.trim();
  if (!s) return { ok: false, error: 'empty' };
  if (s.length > 300) return { ok: false, error: 'too-long' };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(s);
  if (scheme && !/^https?$/i.test(scheme[1]!)) return { ok: false, error: 'wrong-scheme', args: [clip(scheme[1]!.toLowerCase(), 20)] };
  const rest = scheme ? s.slice(scheme[0].length) : s;
  const authority = rest.split(/[/?#]/, 1)[0] ?? '';
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  if (hostPort.startsWith('[') || (hostPort.match(/:/g)?.length ?? 0) > 1) return { ok: false, error: 'ipv6-unsupported' };
  const colon = hostPort.indexOf(':');
  const rawHost = (colon >= 0 ? hostPort.slice(0, colon) : hostPort).toLowerCase().replace(/\.$/, '');
  const rawPort = colon >= 0 ? hostPort.slice(colon + 1) : '';
  if (!rawHost) return { ok: false, error: 'not-an-address', args: [clip(s)] };
  let port: number | undefined;
  if (rawPort) {
    const n = /^\d{1,5}$/.test(rawPort) ? Number(rawPort) : NaN;
    if (!(n >= 1 && n <= 65535)) return { ok: false, error: 'bad-port', args: [clip(rawPort, 20)] };
    port = n;
  }
  const extra = { ...(port ? { port } : {}), ...(scheme ? { scheme: scheme[1]!.toLowerCase() as 'http' | 'https' } : {}) };

  if (/^[\d.]+$/.test(rawHost)) {
    const parts = rawHost.split('.');
    if (parts.length !== 4 || parts.some((p) => p === '')) return { ok: false, error: 'ip-parts', args: [clip(rawHost)] };
    // A status sheet may print 192.168.001.010: the user means decimal 10, not octal 8.
    const big = parts.find((p) => Number(p) > 255);
    if (big !== undefined) return { ok: false, error: 'ip-octet-range', args: [rawHost, big] };
    return { ok: true, host: parts.map(Number).join('.'), isIp: true, ...extra };
  }
  // Digits with the wrong separators, or a letter slipped into an IP: say "IP", not "name".
  if (/^\d{1,3}([.,;\s]+\d{1,3}){3}$/.test(rawHost) || /^\d+\.\d+\.\d+\./.test(rawHost)) return { ok: false, error: 'bad-ip', args: [clip(rawHost)] };
  if (!/^[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*$/.test(rawHost)) return { ok: false, error: 'not-an-address', args: [clip(s)] };
  return { ok: true, host: rawHost, isIp: false, ...extra };
}

/** Private, loopback or link-local: where a box or printer can be. */
export function isLocalIp(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number) as [number, number];
  return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
}

/** Addresses no device can have: 0.x (Odoo puts 0.0.0.0 on a copied printer), multicast, broadcast. */
function reservedIp(ip: string): boolean {
  const a = Number(ip.split('.')[0]);
  return a === 0 || a >= 224;
}

/**
 * One problem with one input. `field` names the input (`boxes.0.hostname`, `printers.2.ip`,
 * `printers.2.deviceId`, `dohUrl`, `intervalMinutes`); `args` are the values its text quotes.
 */
export interface ValidationError {
  field: string;
  error: string;
  args?: string[];
}

/** Problems that do not block saving. */
export const WARNING_CODES: ReadonlySet<string> = new Set(['public-ip', 'name-without-ip']);

const uniqueId = (prefix: string, taken: Set<string>): string => {
  let i = 1;
  while (taken.has(`${prefix}-${i}`)) i++;
  return `${prefix}-${i}`;
};

const cleanName = (name: unknown): string | undefined => {
  if (typeof name !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const n = name.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 60);
  return n || undefined;
};

function checkPort(v: unknown, field: string, errors: ValidationError[]): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  if (Number.isInteger(n) && n >= 1 && n <= 65535) return n;
  errors.push({ field, error: 'bad-port', args: [clip(String(v), 20)] });
  return undefined;
}

/**
 * A box from its two inputs. Each accepts an IP, an odoo-iot name or a pasted link, and each
 * value goes where it belongs whatever input it was typed in; errors name the input it came from.
 */
export function normalizeBox(b: Partial<BoxConfig>, errors: ValidationError[], at: string): BoxConfig | null {
  const out: BoxConfig = { id: typeof b.id === 'string' ? b.id : '' };
  const name = cleanName(b.name);
  if (name) out.name = name;
  let failed = false;
  for (const key of ['hostname', 'ip'] as const) {
    const raw = b[key];
    if (typeof raw !== 'string' || !raw.trim()) continue;
    const field = `${at}.${key}`;
    const p = parseAddress(raw);
    if (!p.ok) {
      errors.push({ field, error: p.error, ...(p.args ? { args: p.args } : {}) });
      failed = true;
    } else if (p.isIp) {
      if (reservedIp(p.host)) {
        errors.push({ field, error: 'reserved-ip', args: [p.host] });
        failed = true;
      } else if (out.ip && out.ip !== p.host) {
        errors.push({ field, error: 'two-ips', args: [out.ip, p.host] });
        failed = true;
      } else {
        if (!isLocalIp(p.host)) errors.push({ field, error: 'public-ip', args: [p.host] });
        out.ip = p.host;
        // 8069 is Odoo's own port, 80 forwards to it, https on an IP is not what a box is reached by.
        if (p.port && p.scheme !== 'https' && ![8069, 80, 443].includes(p.port)) out.httpPort = p.port;
      }
    } else if (isIotHostname(p.host)) {
      if (out.hostname && out.hostname !== p.host) {
        errors.push({ field, error: 'two-names', args: [out.hostname, p.host] });
        failed = true;
      } else {
        out.hostname = p.host;
        if (p.port && p.port !== 443) out.httpsPort = p.port;
      }
    } else {
      errors.push({ field, error: 'not-odoo-iot-name', args: [p.host] });
      failed = true;
    }
  }
  if (failed) return null;
  const httpPort = checkPort(b.httpPort, `${at}.ip`, errors);
  const httpsPort = checkPort(b.httpsPort, `${at}.hostname`, errors);
  if (httpPort) out.httpPort = httpPort;
  if (httpsPort) out.httpsPort = httpsPort;
  if (!out.ip && !out.hostname) {
    errors.push({ field: `${at}.hostname`, error: 'empty' });
    return null;
  }
  if (!out.ip && out.hostname && !ipFromIotHostname(out.hostname)) errors.push({ field: `${at}.hostname`, error: 'name-without-ip', args: [out.hostname] });
  return out;
}

export function normalizePrinter(p: Partial<PrinterConfig>, errors: ValidationError[], at: string): PrinterConfig | null {
  const field = `${at}.ip`;
  const raw = typeof p.ip === 'string' ? p.ip : '';
  // The device id is checked whatever the address: the form shows every wrong input at once.
  const fromUrl = /[?&]devid=([^&#]*)/.exec(raw)?.[1]; // a pasted ePOS URL carries it
  let devid = '';
  try {
    devid = (typeof p.deviceId === 'string' && p.deviceId.trim() ? p.deviceId : fromUrl ? decodeURIComponent(fromUrl) : '').trim();
  } catch {
    devid = fromUrl ?? '';
  }
  const badDevid = !!devid && !/^[A-Za-z0-9_.-]{1,30}$/.test(devid);
  if (badDevid) errors.push({ field: `${at}.deviceId`, error: 'bad-device-id', args: [clip(devid, 40)] });

  const parsed = parseAddress(raw);
  if (!parsed.ok) {
    errors.push({ field, error: parsed.error, ...(parsed.args ? { args: parsed.args } : {}) });
    return null;
  }
  if (!parsed.isIp) {
    // Odoo 18+ replaces a value without a dot (meant for the serial number) by a hashed Epson name.
    const certified = epsonCertifiedName(raw);
    if (certified) errors.push({ field, error: 'epson-serial', args: [clip(raw.trim()), certified] });
    else if (isEpsonCertifiedName(parsed.host)) errors.push({ field, error: 'epson-certified-name', args: [parsed.host] });
    else errors.push({ field, error: 'printer-needs-ip', args: [parsed.host] });
    return null;
  }
  if (reservedIp(parsed.host)) {
    errors.push({ field, error: 'reserved-ip', args: [parsed.host] });
    return null;
  }
  if (badDevid) return null;
  if (!isLocalIp(parsed.host)) errors.push({ field, error: 'public-ip', args: [parsed.host] });
  const out: PrinterConfig = { id: typeof p.id === 'string' ? p.id : '', ip: parsed.host };
  const name = cleanName(p.name);
  if (name) out.name = name;
  if (devid && devid !== 'local_printer') out.deviceId = devid;
  const httpsPort = checkPort(p.httpsPort, field, errors) ?? (parsed.port && parsed.scheme !== 'http' && parsed.port !== 443 ? parsed.port : undefined);
  const httpPort = checkPort(p.httpPort, field, errors) ?? (parsed.port && parsed.scheme === 'http' && parsed.port !== 80 ? parsed.port : undefined);
  if (httpsPort) out.httpsPort = httpsPort;
  if (httpPort) out.httpPort = httpPort;
  return out;
}

export function normalizeSettings(s: Partial<Settings> | undefined, base: Settings, errors: ValidationError[]): Settings {
  const out = { ...base };
  if (!s) return out;
  if (typeof s.dohUrl === 'string') {
    const v = s.dohUrl.trim();
    if (v === '' || v.toLowerCase() === 'off') out.dohUrl = '';
    else {
      let u: URL | undefined;
      try {
        u = new URL(v);
      } catch {
        errors.push({ field: 'dohUrl', error: 'not-a-url', args: [clip(v)] });
      }
      if (u && u.protocol !== 'https:') errors.push({ field: 'dohUrl', error: 'doh-needs-https' });
      else if (u && (u.username || u.password)) errors.push({ field: 'dohUrl', error: 'not-a-url', args: [clip(v)] });
      else if (u) out.dohUrl = u.href;
    }
  }
  if (s.intervalMinutes !== undefined) {
    const n = typeof s.intervalMinutes === 'string' && !(s.intervalMinutes as string).trim() ? NaN : Number(s.intervalMinutes);
    if (!Number.isInteger(n) || n < 0 || n > 1440) errors.push({ field: 'intervalMinutes', error: 'bad-interval', args: [clip(String(s.intervalMinutes), 20)] });
    else out.intervalMinutes = n;
  }
  if (typeof s.notifications === 'boolean') out.notifications = s.notifications;
  return out;
}

/** What makes two devices the same device: a box by any of its addresses, a printer by IP, device id and port. */
export function boxKeys(b: Pick<BoxConfig, 'ip' | 'hostname'>): string[] {
  const keys = [b.ip, b.hostname, b.hostname ? ipFromIotHostname(b.hostname) : undefined];
  return [...new Set(keys.filter((k): k is string => !!k))];
}
export function printerKey(p: Pick<PrinterConfig, 'ip' | 'deviceId' | 'httpsPort'>): string {
  return `${p.ip}|${p.deviceId ?? 'local_printer'}|${p.httpsPort ?? 443}`;
}
const labelOf = (d: { name?: string; ip?: string; hostname?: string }): string => d.name || d.hostname || d.ip || '?';

export const MAX_BOXES = 20;
export const MAX_PRINTERS = 200;

/**
 * Validates a whole configuration. Warnings (a public IP) do not block saving; errors do, and
 * then nothing is saved: the previous configuration stays as it was.
 */
export function validateConfig(input: unknown, base: Settings): { config: Config; errors: ValidationError[]; warnings: ValidationError[] } {
  const all: ValidationError[] = [];
  const c = (typeof input === 'object' && input !== null ? input : {}) as Partial<Config>;
  const boxesIn = Array.isArray(c.boxes) ? c.boxes : [];
  const printersIn = Array.isArray(c.printers) ? c.printers : [];
  if (boxesIn.length > MAX_BOXES) all.push({ field: 'boxes', error: 'too-many', args: [String(MAX_BOXES)] });
  if (printersIn.length > MAX_PRINTERS) all.push({ field: 'printers', error: 'too-many', args: [String(MAX_PRINTERS)] });
  const config: Config = { boxes: [], printers: [], settings: normalizeSettings(c.settings, base, all) };
  const boxes: Array<{ at: string; d: BoxConfig }> = [];
  const printers: Array<{ at: string; d: PrinterConfig }> = [];
  boxesIn.slice(0, MAX_BOXES).forEach((b, i) => {
    const d = normalizeBox(typeof b === 'object' && b ? b : {}, all, `boxes.${i}`);
    if (d) boxes.push({ at: `boxes.${i}`, d });
  });
  printersIn.slice(0, MAX_PRINTERS).forEach((p, i) => {
    const d = normalizePrinter(typeof p === 'object' && p ? p : {}, all, `printers.${i}`);
    if (d) printers.push({ at: `printers.${i}`, d });
  });

  // The same device twice: both entries are told, each naming the other.
  const seen = new Map<string, { at: string; label: string; field: string }>();
  const dupe = (keys: string[], at: string, field: string, label: string): void => {
    for (const k of keys) {
      const first = seen.get(k);
      if (first && first.at !== at) {
        all.push({ field: first.field, error: 'duplicate', args: [label] }, { field, error: 'duplicate', args: [first.label] });
        return;
      }
    }
    for (const k of keys) seen.set(k, { at, label, field });
  };
  for (const { at, d } of boxes) dupe(boxKeys(d).map((k) => `addr:${k}`), at, `${at}.hostname`, labelOf(d));
  for (const { at, d } of printers) {
    // Printers may share an IP (one TM-i serving several device ids); a printer on a box's IP is a typo.
    const box = seen.get(`addr:${d.ip}`);
    if (box) all.push({ field: box.field, error: 'duplicate', args: [labelOf(d)] }, { field: `${at}.ip`, error: 'duplicate', args: [box.label] });
    else dupe([`printer:${printerKey(d)}`], at, `${at}.ip`, labelOf(d));
  }

  const taken = new Set<string>();
  for (const { d } of boxes) {
    if (!d.id || taken.has(d.id)) d.id = uniqueId('box', taken);
    taken.add(d.id);
    config.boxes.push(d);
  }
  for (const { d } of printers) {
    if (!d.id || taken.has(d.id)) d.id = uniqueId('printer', taken);
    taken.add(d.id);
    config.printers.push(d);
  }
  const warnings = all.filter((e) => WARNING_CODES.has(e.error));
  const errors = all.filter((e) => !WARNING_CODES.has(e.error));
  return { config, errors, warnings };
}

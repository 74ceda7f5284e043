import type { BoxConfig, Config, PrinterConfig, Settings } from '../model';
import { ipFromIotHostname, isIPv4, isIotHostname } from '../net/ipv4';

/**
 * Turns what a user typed or pasted into a device address, or says clearly why not.
 * Accepts `192.168.1.50`, ` 192.168.1.50 `, `https://192.168.1.50/`, `192.168.1.50:8043`,
 * `https://192-168-1-5.d73e7513.odoo-iot.com/hw_posbox_homepage/`...
 */
export type Parsed = { ok: true; host: string; port?: number; isIp: boolean } | { ok: false; error: string };

export function parseAddress(input: string): Parsed {
  let s = input.trim();
  if (!s) return { ok: false, error: 'empty' };
  if (s.length > 300) return { ok: false, error: 'too-long' };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) s = `http://${s}`;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return { ok: false, error: 'not-an-address' };
  }
  if (!/^https?:$/.test(url.protocol)) return { ok: false, error: 'not-an-address' };
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const port = url.port ? Number(url.port) : undefined;
  if (isIPv4(host)) return { ok: true, host, isIp: true, ...(port ? { port } : {}) };
  if (/^\d+(\.\d+)*$/.test(host)) return { ok: false, error: 'bad-ip' };
  if (host.startsWith('[')) return { ok: false, error: 'ipv6-unsupported' };
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return { ok: false, error: 'not-an-address' };
  return { ok: true, host, isIp: false, ...(port ? { port } : {}) };
}

/** Private, loopback or link-local: where a box or printer can be. */
export function isLocalIp(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number) as [number, number];
  return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
}

export interface ValidationError {
  field: string;
  error: string;
}

const uniqueId = (prefix: string, taken: Set<string>): string => {
  let i = 1;
  while (taken.has(`${prefix}-${i}`)) i++;
  return `${prefix}-${i}`;
};

export function normalizeBox(b: Partial<BoxConfig>, errors: ValidationError[], at: string): BoxConfig | null {
  const out: BoxConfig = { id: b.id ?? '' };
  if (b.name?.trim()) out.name = b.name.trim().slice(0, 60);
  for (const raw of [b.ip, b.hostname]) {
    if (!raw?.trim()) continue;
    const p = parseAddress(raw);
    if (!p.ok) {
      errors.push({ field: at, error: p.error });
      return null;
    }
    if (p.isIp) {
      if (!isLocalIp(p.host)) errors.push({ field: at, error: 'public-ip' });
      out.ip = p.host;
      if (p.port && p.port !== 8069 && p.port !== 80 && p.port !== 443) out.httpPort = p.port;
    } else if (isIotHostname(p.host)) {
      out.hostname = p.host;
      if (p.port && p.port !== 443) out.httpsPort = p.port;
    } else {
      errors.push({ field: at, error: 'not-odoo-iot-name' });
      return null;
    }
  }
  if (b.httpPort) out.httpPort = b.httpPort;
  if (b.httpsPort) out.httpsPort = b.httpsPort;
  if (!out.ip && out.hostname) {
    const ip = ipFromIotHostname(out.hostname);
    if (!ip) errors.push({ field: at, error: 'name-without-ip' });
  }
  if (!out.ip && !out.hostname) {
    errors.push({ field: at, error: 'empty' });
    return null;
  }
  return out;
}

export function normalizePrinter(p: Partial<PrinterConfig>, errors: ValidationError[], at: string): PrinterConfig | null {
  const parsed = parseAddress(p.ip ?? '');
  if (!parsed.ok) {
    errors.push({ field: at, error: parsed.error });
    return null;
  }
  if (!parsed.isIp) {
    // Odoo 18+ hashes anything that is not an IP into <hash>.omnilinkcert.epson.biz: say so.
    errors.push({ field: at, error: 'printer-needs-ip' });
    return null;
  }
  if (!isLocalIp(parsed.host)) errors.push({ field: at, error: 'public-ip' });
  const out: PrinterConfig = { id: p.id ?? '', ip: parsed.host };
  if (p.name?.trim()) out.name = p.name.trim().slice(0, 60);
  const devid = (p.deviceId ?? '').trim();
  if (devid && !/^[A-Za-z0-9_.-]{1,30}$/.test(devid)) errors.push({ field: at, error: 'bad-device-id' });
  else if (devid && devid !== 'local_printer') out.deviceId = devid;
  const port = p.httpsPort ?? (parsed.port && parsed.port !== 443 ? parsed.port : undefined);
  if (port) out.httpsPort = port;
  if (p.httpPort) out.httpPort = p.httpPort;
  return out;
}

export function normalizeSettings(s: Partial<Settings> | undefined, base: Settings, errors: ValidationError[]): Settings {
  const out = { ...base };
  if (!s) return out;
  if (typeof s.dohUrl === 'string') {
    const v = s.dohUrl.trim();
    if (v === '') out.dohUrl = '';
    else {
      try {
        const u = new URL(v);
        if (u.protocol !== 'https:') errors.push({ field: 'dohUrl', error: 'doh-needs-https' });
        else out.dohUrl = u.href;
      } catch {
        errors.push({ field: 'dohUrl', error: 'not-an-address' });
      }
    }
  }
  if (s.intervalMinutes !== undefined) {
    const n = Number(s.intervalMinutes);
    if (!Number.isInteger(n) || n < 0 || n > 1440) errors.push({ field: 'intervalMinutes', error: 'bad-interval' });
    else out.intervalMinutes = n;
  }
  if (typeof s.notifications === 'boolean') out.notifications = s.notifications;
  return out;
}

/**
 * Validates a whole configuration. Warnings (a public IP) do not block saving; errors do, and
 * then nothing is saved: the previous configuration stays as it was.
 */
export function validateConfig(input: unknown, base: Settings): { config: Config; errors: ValidationError[]; warnings: ValidationError[] } {
  const all: ValidationError[] = [];
  const c = (typeof input === 'object' && input !== null ? input : {}) as Partial<Config>;
  const boxes = (Array.isArray(c.boxes) ? c.boxes : []).slice(0, 20);
  const printers = (Array.isArray(c.printers) ? c.printers : []).slice(0, 200);
  const taken = new Set<string>();
  const config: Config = { boxes: [], printers: [], settings: normalizeSettings(c.settings, base, all) };
  boxes.forEach((b, i) => {
    const n = normalizeBox(b ?? {}, all, `boxes.${i}`);
    if (!n) return;
    if (!n.id || taken.has(n.id)) n.id = uniqueId('box', taken);
    taken.add(n.id);
    config.boxes.push(n);
  });
  printers.forEach((p, i) => {
    const n = normalizePrinter(p ?? {}, all, `printers.${i}`);
    if (!n) return;
    if (!n.id || taken.has(n.id)) n.id = uniqueId('printer', taken);
    taken.add(n.id);
    config.printers.push(n);
  });
  const warnings = all.filter((e) => e.error === 'public-ip' || e.error === 'name-without-ip');
  const errors = all.filter((e) => !warnings.includes(e));
  return { config, errors, warnings };
}

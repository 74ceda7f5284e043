/**
 * Which URL the POS really calls for each configured device, from the POS page (its scheme, the
 * LNA names its browser knows) and Odoo's configuration (`use_lna` per printer and box). IoT
 * Doctor then probes that URL and judges what matters on that path: with Odoo's LNA mode a
 * printer's untrusted certificate is irrelevant (the POS calls http://IP), without it the
 * certificate is what matters. Pure.
 */
import type { BoxConfig, Config, PrinterConfig } from '../model';
import { ipFromIotHostname } from '../net/ipv4';
import { eposUrl } from '../probes/printer';
import { gatingName, pageSpace } from './address-space';
import { odooBoxes, odooPrinters, boxIps } from './odoo-config';
import { plainEposUrl } from './probe-plain';
import { ODOO_LNA_NAME, type PosContext, type PosDevicePath, type PosPageReading } from './types';

const hostPort = (host: string, port: number | undefined, dflt: number): string => (port && port !== dflt ? `${host}:${port}` : host);

export const schemeOf = (origin: string): 'http' | 'https' => (origin.startsWith('http:') ? 'http' : 'https');

/** Odoo uses its LNA mode only where its own check works: the browser knows `local-network-access`. */
export const odooCanUseLna = (page: PosPageReading): boolean => page.lna[ODOO_LNA_NAME] !== 'unsupported';

/** The LNA permission that gates `ip` for this page, when Chromium gates it at all. */
function gate(ctx: PosContext & { page: PosPageReading }, ip: string | undefined): PosDevicePath['lna'] {
  if (!ip || pageSpace(ctx.origin) !== 'public') return undefined;
  const name = gatingName(ip, ctx.page.lna);
  return name ? { name, state: ctx.page.lna[name] } : undefined;
}

export function printerPath(p: PrinterConfig, ctx: PosContext & { page: PosPageReading }): PosDevicePath {
  const useLna = odooPrinters(ctx.odoo).some((o) => o.address?.trim() === p.ip && o.useLna);
  const scheme = schemeOf(ctx.origin);
  const path = scheme === 'http' ? 'http-ip' : useLna && odooCanUseLna(ctx.page) ? 'lna-http' : 'https-ip';
  const lna = gate(ctx, p.ip);
  return { deviceId: p.id, path, url: path === 'https-ip' ? eposUrl(p) : plainEposUrl(p), useLna, ...(lna ? { lna } : {}) };
}

export function boxPath(b: BoxConfig, ctx: PosContext & { page: PosPageReading }): PosDevicePath | undefined {
  const ip = b.ip ?? (b.hostname ? ipFromIotHostname(b.hostname) : undefined);
  const mine = new Set([ip, b.hostname].filter(Boolean));
  const useLna = odooBoxes(ctx.odoo).some((o) => o.useLna && [...boxIps(o), ...o.hostnames].some((a) => mine.has(a)));
  const scheme = schemeOf(ctx.origin);
  const lna = gate(ctx, ip);
  const base = { deviceId: b.id, useLna, ...(lna ? { lna } : {}) };
  const byIp = ip ? `http://${hostPort(ip, b.httpPort ?? 8069, 80)}/hw_proxy/hello` : undefined;
  if (scheme === 'http' || (useLna && odooCanUseLna(ctx.page))) return byIp ? { ...base, path: scheme === 'http' ? 'http-ip' : 'lna-http', url: byIp } : undefined;
  if (b.hostname) return { ...base, path: 'https-name', url: `https://${hostPort(b.hostname, b.httpsPort, 443)}/hw_proxy/hello` };
  return ip ? { ...base, path: 'https-ip', url: `https://${hostPort(ip, b.httpsPort, 443)}/hw_proxy/hello` } : undefined;
}

/** The path of every configured device; empty without a reading of the POS page. */
export function planPaths(config: Pick<Config, 'boxes' | 'printers'>, ctx: PosContext | null | undefined): Map<string, PosDevicePath> {
  const plans = new Map<string, PosDevicePath>();
  if (!ctx?.page) return plans;
  const read = ctx as PosContext & { page: PosPageReading };
  for (const b of config.boxes) {
    const plan = boxPath(b, read);
    if (plan) plans.set(b.id, plan);
  }
  for (const p of config.printers) plans.set(p.id, printerPath(p, read));
  return plans;
}

import type { BoxConfig, Config, PrinterConfig } from '../model';
import { ipFromIotHostname, isIotHostname } from '../net/ipv4';
import { parseAddress } from './validate';

/**
 * Which host permissions each device needs. Match patterns cannot wildcard part of an IP and
 * Firefox's cannot name a port, so it is one pattern pair per IP, valid for every port.
 * `*.odoo-iot.com` names are covered by the manifest's own host_permissions.
 */
export const originsForIp = (ip: string): string[] => [`http://${ip}/*`, `https://${ip}/*`];

/** The pattern that gives access to one page's site, every port: `https://shop.odoo.com/*`. */
export function sitePattern(url: string): string | undefined {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? `${u.protocol}//${u.hostname}/*` : undefined;
  } catch {
    return undefined;
  }
}

export function deviceIps(d: Pick<BoxConfig, 'ip' | 'hostname'> | Pick<PrinterConfig, 'ip'>): string[] {
  const ips = [d.ip, 'hostname' in d && d.hostname ? ipFromIotHostname(d.hostname) : undefined];
  return [...new Set(ips.filter((ip): ip is string => !!ip))];
}

export const deviceOrigins = (d: Pick<BoxConfig, 'ip' | 'hostname'> | Pick<PrinterConfig, 'ip'>): string[] => deviceIps(d).flatMap(originsForIp);

export function configIps(c: Pick<Config, 'boxes' | 'printers'>): Set<string> {
  return new Set([...c.boxes, ...c.printers].flatMap((d) => deviceIps(d)));
}

/** Origins that `before` needed and `after` no longer does: what to give back after a removal. */
export function originsToDrop(before: Pick<Config, 'boxes' | 'printers'>, after: Pick<Config, 'boxes' | 'printers'>): string[] {
  const still = configIps(after);
  return [...configIps(before)].filter((ip) => !still.has(ip)).flatMap(originsForIp);
}

/**
 * The origins to ask for at the moment the user clicks Save, from the raw inputs. It must run
 * inside the click (the browser wants the user's gesture), before the worker has answered: a
 * value that does not parse asks for nothing, and the worker's verdict still decides what is saved.
 */
export function originsForInputs(inputs: ReadonlyArray<string | undefined>): string[] {
  const ips = new Set<string>();
  for (const raw of inputs) {
    if (!raw?.trim()) continue;
    const p = parseAddress(raw);
    if (!p.ok) continue;
    const ip = p.isIp ? p.host : isIotHostname(p.host) ? ipFromIotHostname(p.host) : undefined;
    if (ip) ips.add(ip);
  }
  return [...ips].flatMap(originsForIp);
}

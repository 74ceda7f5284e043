/** IPv4 helpers for addresses typed by users and embedded in odoo-iot hostnames. */

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

export function isIPv4(s: string): boolean {
  return IPV4.test(s);
}

/** The IP an odoo-iot hostname carries: `192-168-1-143.d73e7513.odoo-iot.com` -> `192.168.1.143`. */
export function ipFromIotHostname(hostname: string): string | undefined {
  const m = /^(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\.[0-9a-z-]+\.odoo-iot\.com$/i.exec(hostname.trim());
  if (!m) return undefined;
  const ip = m.slice(1, 5).map(Number).join('.');
  return isIPv4(ip) ? ip : undefined;
}

export function isIotHostname(hostname: string): boolean {
  return /\.odoo-iot\.com$/i.test(hostname.trim());
}

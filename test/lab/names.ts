/**
 * The lab's DNS world: which names exist, what the shop's ROUTER answers (rebinding
 * protection drops some) and what a PUBLIC resolver answers. Every answer is a loopback
 * address: nothing here may ever point a browser at a real network.
 */

/** The database hex of the lab's boxes: `<ip with dashes>.c0ffee42.odoo-iot.com`. */
export const DB_HEX = 'c0ffee42';
/** A database that exists nowhere: its names are NXDOMAIN for everyone. */
export const UNKNOWN_DB_HEX = 'deadbeef';
export const BOX_DOMAIN = `${DB_HEX}.odoo-iot.com`;

export const DOH_HOST = 'doh.lab.iot-doctor.test';
export const DOH_IP = '127.0.0.53';
/** Where no DoH server listens (box-dns-unverified). */
export const DEAD_DOH_URL = 'https://127.0.0.54/dns-query';

export const TTL = 60;
export const NEGATIVE_TTL = 30;

export const boxHostname = (ip: string, db: string = DB_HEX): string => `${ip.replaceAll('.', '-')}.${db}.odoo-iot.com`;

/** Names the shop router refuses to resolve although public DNS answers them (DNS rebinding protection). */
export const ROUTER_BLOCKED: ReadonlySet<string> = new Set([boxHostname('127.0.0.14'), boxHostname('127.0.0.8')]);

const BOX_NAME_RE = new RegExp(`^(\\d{1,3})-(\\d{1,3})-(\\d{1,3})-(\\d{1,3})\\.${DB_HEX}\\.odoo-iot\\.com$`);

/**
 * What a public resolver answers: Odoo's DNS decodes the IP embedded in any name of a known
 * database (here only loopback ones), plus the DoH server's own name. null = NXDOMAIN.
 */
export function publicAnswer(name: string): string | null {
  const n = name.replace(/\.$/, '').toLowerCase();
  if (n === DOH_HOST) return DOH_IP;
  const m = BOX_NAME_RE.exec(n);
  if (!m) return null;
  const octets = m.slice(1, 5).map(Number);
  if (octets[0] !== 127 || octets.some((o) => o > 255)) return null;
  return octets.join('.');
}

/** What the shop router answers: the public answer, minus the rebinding-blocked names. */
export function routerAnswer(name: string): string | null {
  const n = name.replace(/\.$/, '').toLowerCase();
  return ROUTER_BLOCKED.has(n) ? null : publicAnswer(n);
}

/**
 * Chromium `--host-resolver-rules`: each named host as the router sees it, then a catch-all
 * so that nothing is ever looked up for real (IP literals and localhost excluded).
 */
export function chromiumHostRules(names: Iterable<string>): string {
  const rules: string[] = [];
  for (const name of new Set([DOH_HOST, ...ROUTER_BLOCKED, ...names])) {
    const ip = routerAnswer(name);
    rules.push(`MAP ${name} ${ip ?? '~NOTFOUND'}`);
  }
  rules.push('MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.*', 'EXCLUDE localhost');
  return rules.join(', ');
}

/**
 * Firefox prefs for TRR-only DNS through the lab's ROUTER view. `network.trr.allow-rfc1918`
 * is deliberately left at its default (false): never set it in a test.
 */
export function firefoxPrefs(dohRouterUrl: string): Record<string, string | number | boolean> {
  return {
    'network.trr.mode': 3,
    'network.trr.uri': dohRouterUrl,
    'network.trr.custom_uri': dohRouterUrl,
    'network.trr.bootstrapAddr': DOH_IP,
    'network.trr.bootstrapAddress': DOH_IP,
    'network.trr.confirmationNS': 'skip',
    'network.trr.wait-for-portal': false,
    'network.dns.native-is-localhost': true,
    'network.captive-portal-service.enabled': false,
    'doh-rollout.disable-heuristics': true,
  };
}

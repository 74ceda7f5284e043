import type { BoxConfig } from '../model';
import type { Http, HttpOutcome } from '../net/http';
import { ipFromIotHostname } from '../net/ipv4';
import { parseDriversData, parseHomepage, type BoxStatus } from './box-status';
import { dohLookup, type DohResult } from './doh';

export interface BoxFindings {
  ip?: string;
  hostname?: string;
  /** The IP embedded in the hostname. */
  nameIp?: string;
  byIp?: HttpOutcome;
  /** Whether the IP answer was the box's `ping`. */
  byIpPing: boolean;
  status?: BoxStatus;
  /** The status route answered something we could not read. */
  statusUnreadable?: string;
  byName?: HttpOutcome;
  byNamePing: boolean;
  doh: DohResult;
  /** Firefox: what the browser's own resolver answers for the name (browser.dns.resolve). */
  resolved?: string[] | 'nxdomain';
  requests: HttpOutcome[];
}

export interface BoxProbeDeps {
  http: Http;
  dohUrl: string;
  timeoutMs?: number;
  /** The browser's resolver where an extension can ask it (Firefox `dns.resolve`). */
  resolve?: (hostname: string) => Promise<string[] | 'nxdomain'>;
}

const hostPort = (host: string, port: number | undefined, dflt: number): string => (port && port !== dflt ? `${host}:${port}` : host);

/**
 * Asks the box by IP (plain HTTP, the 8069 role) and by its odoo-iot name (HTTPS, the nginx
 * role) in parallel, then reads its read-only status route, and asks public DNS about the name
 * when it does not resolve here. Never calls 18's /hw_posbox_homepage/data (it returns secrets
 * and triggers a certificate download).
 */
export async function probeBox(box: BoxConfig, deps: BoxProbeDeps): Promise<BoxFindings> {
  const timeoutMs = deps.timeoutMs ?? 5000;
  const hostname = box.hostname?.toLowerCase();
  const nameIp = hostname ? ipFromIotHostname(hostname) : undefined;
  const ip = box.ip ?? nameIp;
  const f: BoxFindings = { ip, hostname, nameIp, byIpPing: false, byNamePing: false, doh: { state: 'skipped' }, requests: [] };
  const get = async (url: string, maxBytes?: number): Promise<HttpOutcome> => {
    const res = await deps.http.request({ url, timeoutMs, maxBytes });
    f.requests.push(res);
    return res;
  };
  const isPing = (r: HttpOutcome | undefined): boolean => !!r && r.ok && r.status === 200 && r.text.trim() === 'ping';

  const viaIp = async (): Promise<void> => {
    if (!ip) return;
    const httpBase = `http://${hostPort(ip, box.httpPort ?? 8069, 80)}`;
    f.byIp = await get(`${httpBase}/hw_proxy/hello`);
    f.byIpPing = isPing(f.byIp);
    if (!f.byIpPing) return;
    // 19 and later: a read-only JSON status.
    const drivers = await get(`${httpBase}/iot_drivers/data`);
    if (drivers.ok && drivers.status === 200) {
      const s = parseDriversData(drivers.text);
      if (s) {
        f.status = s;
        return;
      }
    }
    // 17/18: identify without calling /hw_posbox_homepage/data.
    const ping18 = await get(`${httpBase}/hw_posbox_homepage/ping`);
    if (ping18.ok && ping18.status === 200) {
      f.status = { version: '17/18' };
      return;
    }
    // 16 and older: the homepage's "HTTPS certificate" row.
    const home = await get(`${httpBase}/`, 512 * 1024);
    if (home.ok && home.status === 200) {
      const s = parseHomepage(home.text);
      if (s) f.status = s;
      else f.statusUnreadable = 'the box homepage has no "HTTPS certificate" row';
    }
  };
  const viaName = async (): Promise<void> => {
    if (!hostname) return;
    if (deps.resolve) f.resolved = await deps.resolve(hostname).catch(() => undefined);
    f.byName = await get(`https://${hostPort(hostname, box.httpsPort, 443)}/hw_proxy/hello`);
    f.byNamePing = isPing(f.byName);
    if (!f.byName.ok && f.byName.failure === 'dns') f.doh = await dohLookup(deps.http, deps.dohUrl, hostname, timeoutMs);
  };
  await Promise.all([viaIp(), viaName()]);
  return f;
}

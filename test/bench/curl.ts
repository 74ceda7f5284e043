/**
 * The requests a check made, asked again with curl: what the same probes cost without the
 * browser, the extension or its scheduling. Only loopback: an IP outside 127.0.0.0/8 or a name
 * the lab does not map to one is refused (never handed to curl, whose resolver would look it up).
 */
import { execFile } from 'node:child_process';
import type { DeviceDiagnosis } from '../../src/model';
import { EPOS_HEADERS, EPOS_STATUS_BODY } from '../../src/probes/epos';
import { routerAnswer } from '../lab/index';

const LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export interface CurlTiming {
  url: string;
  ms: number;
  /** curl's exit code (0, 7 refused, 28 timeout, 35/60 TLS...). */
  exit: number;
}

/** The loopback address curl must use for this URL, or null when it must not be asked. */
export function loopbackFor(url: string): string | null {
  const host = new URL(url).hostname;
  if (IPV4.test(host)) return LOOPBACK.test(host) ? host : null;
  const ip = routerAnswer(host);
  return ip && LOOPBACK.test(ip) ? ip : null;
}

/** How long the extension let this request run (src/probes/printer.ts, box.ts, doh.ts). */
function timeoutOf(url: string): { ms: number; post: boolean } {
  if (url.includes('/cgi-bin/epos/service.cgi')) return { ms: 6000, post: true };
  if (/^http:\/\/[\d.]+(:\d+)?\/$/.test(url) && !url.includes(':8069')) return { ms: 4000, post: false }; // printer web page
  return { ms: 5000, post: false };
}

export function curl(url: string, caCertPath: string): Promise<CurlTiming> {
  const ip = loopbackFor(url);
  if (!ip) return Promise.resolve({ url, ms: 0, exit: -1 });
  const u = new URL(url);
  const port = u.port || (u.protocol === 'https:' ? '443' : '80');
  const { ms, post } = timeoutOf(url);
  const args = [
    '--silent', '--output', '/dev/null', '--write-out', '%{time_total}',
    '--noproxy', '*', '--proto', '=http,https', '--max-redirs', '0',
    '--max-time', String(ms / 1000), '--cacert', caCertPath,
    '--resolve', `${u.hostname}:${port}:${ip}`,
  ];
  if (post) {
    for (const [k, v] of Object.entries(EPOS_HEADERS)) args.push('--header', `${k}: ${v}`);
    args.push('--data-binary', EPOS_STATUS_BODY);
  } else if (url.includes('dns-query')) {
    args.push('--header', 'accept: application/dns-message');
  }
  args.push(url);
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/_proxy$/i.test(k)));
  return new Promise((resolve) => {
    execFile('curl', args, { env, timeout: ms + 5000 }, (error, stdout) => {
      const exit = error ? (typeof error.code === 'number' ? error.code : -2) : 0;
      resolve({ url, ms: Math.round(Number.parseFloat(stdout) * 1000) || 0, exit });
    });
  });
}

/**
 * One device's probe as the extension makes it, by curl: its requests one after the other,
 * except a box's two paths (by IP, by name) which the extension runs side by side.
 */
export async function curlProbe(d: DeviceDiagnosis, caCertPath: string): Promise<{ ms: number; requests: CurlTiming[] }> {
  const chains = new Map<string, string[]>();
  for (const a of d.attempts) {
    const key = d.kind === 'box' && d.ip && new URL(a.url).hostname === d.ip ? 'ip' : 'name';
    chains.set(key, [...(chains.get(key) ?? []), a.url]);
  }
  const runs = await Promise.all(
    [...chains.values()].map(async (urls) => {
      const timings: CurlTiming[] = [];
      for (const url of urls) timings.push(await curl(url, caCertPath));
      return timings;
    }),
  );
  return { ms: Math.max(0, ...runs.map((r) => r.reduce((s, t) => s + t.ms, 0))), requests: runs.flat() };
}

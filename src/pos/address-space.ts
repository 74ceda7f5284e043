/**
 * Chromium's address spaces as far as an address tells them: Local Network Access (Chrome 142+,
 * and Private Network Access before it, Chrome 94+) gates a request from a page to a MORE
 * private space: public -> private (LAN) or loopback. A page on the LAN reaching the LAN is not
 * gated.
 *
 * The extension cannot ask where a NAME resolves in Chromium, so a POS page on a name counts as
 * public unless the name is a local one (`.local`, `.lan`, one label...). An on-premises Odoo
 * reached by a company-internal DNS name is then taken for public: its LNA state is judged
 * although Chromium would not ask (README, POS checks).
 */
import { isIPv4 } from '../net/ipv4';
import type { LnaName, LnaState } from './types';

export type AddressSpace = 'public' | 'private' | 'loopback';

export function ipSpace(ip: string): AddressSpace {
  const [a, b] = ip.split('.').map(Number) as [number, number];
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  return 'public';
}

const LOCAL_SUFFIX = /(^|\.)(localhost|local|lan|home|internal|intranet|corp|home\.arpa)$/i;

/** Where the browser places a POS page of this origin, as far as its host tells. */
export function pageSpace(origin: string): 'public' | 'local' {
  let host: string;
  try {
    host = new URL(origin).hostname;
  } catch {
    return 'public';
  }
  if (isIPv4(host)) return ipSpace(host) === 'public' ? 'public' : 'local';
  if (host.startsWith('[') || !host.includes('.') || LOCAL_SUFFIX.test(host)) return 'local';
  return 'public';
}

/**
 * The permission that lets a public page reach `ip`: `loopback-network` for loopback,
 * `local-network` for the LAN; the umbrella `local-network-access` where the browser knows only
 * it (Chrome 142 to 144). undefined: the browser has no LNA permission at all.
 */
export function gatingName(ip: string, lna: Record<LnaName, LnaState>): LnaName | undefined {
  if (ipSpace(ip) === 'public') return undefined;
  const own: LnaName = ipSpace(ip) === 'loopback' ? 'loopback-network' : 'local-network';
  if (lna[own] !== 'unsupported') return own;
  if (lna['local-network-access'] !== 'unsupported') return 'local-network-access';
  return undefined;
}

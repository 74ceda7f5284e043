import type { Verdict } from './decide-box';

/** Verdicts that only say "could not connect": on a computer without network, that is why. */
const CANNOT_CONNECT = new Set([
  'BOX_UNREACHABLE',
  'BOX_HTTPS_DOWN',
  'BOX_DNS_BLOCKED',
  'BOX_DNS_UNVERIFIED',
  'BOX_NAME_UNKNOWN',
  'PRINTER_UNREACHABLE',
  'PRINTER_REFUSED',
  'PRINTER_NOT_RESPONDING',
  'UNKNOWN_ERROR',
]);

/**
 * Once the browser said this computer is offline (net::ERR_INTERNET_DISCONNECTED /
 * NS_ERROR_OFFLINE) for any request of a check, other connection failures of that check are
 * the same cause, even when the browser named them otherwise (measured: Chromium without a
 * network reports some connections as refused).
 */
export function whenOffline(v: Verdict): Verdict {
  return CANNOT_CONNECT.has(v.code) ? { ...v, code: 'PC_OFFLINE', facts: {} } : v;
}

import type { CertInfo, FailureKind } from '../model';
import type { BoxFindings } from '../probes/box';
import { isCertFailure } from '../net/browser-errors';

export interface Verdict {
  code: string;
  facts: Record<string, string>;
  raw?: string;
  cert?: CertInfo;
  version?: string;
}

const DAY = 86_400_000;
export const EXPIRY_WARN_DAYS = 14;
/** A clock this far from the servers' makes every certificate look expired or not yet valid. */
export const CLOCK_SKEW_LIMIT_MS = DAY;

const fail = (o: BoxFindings['byIp']): { failure: FailureKind; raw: string } | undefined => (o && !o.ok ? { failure: o.failure, raw: o.raw } : undefined);

/** From what the probes found to one verdict for the box. First matching rule wins. */
export function decideBox(f: BoxFindings, now: Date, clockSkewMs?: number): Verdict {
  const facts: Record<string, string> = {};
  if (f.hostname) facts.hostname = f.hostname;
  if (f.ip) facts.ip = f.ip;
  if (Array.isArray(f.resolved)) facts.resolvedIp = f.resolved.join(', ');
  const version = f.status?.version;
  // What the browser saw of the certificate beats what the box says of it.
  const seen = f.byName?.ok ? f.byName.cert : undefined;
  const cert: CertInfo | undefined = seen ?? (f.status?.certEnd ? { notAfter: f.status.certEnd, source: 'box-status' } : undefined);
  const base = { version, cert };
  const ipFail = fail(f.byIp);
  const nameFail = fail(f.byName);

  for (const failed of [ipFail, nameFail]) {
    if (failed?.failure === 'offline') return { ...base, code: 'PC_OFFLINE', facts, raw: failed.raw };
    if (failed?.failure === 'no-permission') return { ...base, code: 'NEEDS_PERMISSION', facts: { origin: originOf(f, failed === ipFail) }, raw: failed.raw };
    if (failed?.failure === 'lna-blocked') return { ...base, code: 'LNA_BLOCKED', facts, raw: failed.raw };
  }

  // The name carries an IP: when it is not the box's, the name is stale whatever else happens.
  if (f.nameIp && f.ip && f.nameIp !== f.ip) {
    return { ...base, code: 'BOX_NAME_STALE', facts: { hostname: f.hostname ?? '', nameIp: f.nameIp, ip: f.ip }, raw: nameFail?.raw };
  }

  if (f.byIp && !f.byIpPing && !f.byNamePing) {
    if (f.byIp.ok) return { ...base, code: 'UNEXPECTED_ANSWER', facts: { detail: `HTTP ${f.byIp.status} from ${f.byIp.url}` } };
    if (!f.byName || nameFail?.failure !== 'dns') return { ...base, code: 'BOX_UNREACHABLE', facts, raw: ipFail?.raw };
  }

  if (f.status?.certError) {
    return { ...base, code: 'BOX_CERT_ERROR', facts: { errorCode: f.status.certError.code, detail: f.status.certError.detail }, raw: nameFail?.raw };
  }

  if (!f.hostname) {
    if (!f.byIp) return { ...base, code: 'BOX_UNREACHABLE', facts };
    return { ...base, code: 'BOX_HOSTNAME_MISSING', facts };
  }

  if (nameFail) {
    const { failure, raw } = nameFail;
    if (failure === 'dns') {
      if (f.doh.state === 'answer') return { ...base, code: 'BOX_DNS_BLOCKED', facts: { ...facts, publicAnswer: f.doh.ips.join(', ') }, raw };
      if (f.doh.state === 'nxdomain') return { ...base, code: 'BOX_NAME_UNKNOWN', facts, raw };
      return { ...base, code: 'BOX_DNS_UNVERIFIED', facts: { ...facts, dohError: f.doh.state === 'failed' ? f.doh.raw : 'DNS-over-HTTPS is turned off' }, raw };
    }
    if (failure === 'cert-date') {
      if (clockSkewMs !== undefined && Math.abs(clockSkewMs) > CLOCK_SKEW_LIMIT_MS) return { ...base, code: 'PC_CLOCK_WRONG', facts: { skewDays: skewDays(clockSkewMs) }, raw };
      return { ...base, code: 'BOX_CERT_EXPIRED', facts: { ...facts, notAfter: cert?.notAfter?.slice(0, 10) ?? '' }, raw };
    }
    if (isCertFailure(failure)) return { ...base, code: 'BOX_CERT_INVALID', facts, raw };
    if (f.byIpPing) return { ...base, code: 'BOX_HTTPS_DOWN', facts, raw };
    if (failure === 'unknown') return { ...base, code: 'UNKNOWN_ERROR', facts: { raw }, raw };
    return { ...base, code: 'BOX_UNREACHABLE', facts, raw: ipFail?.raw ?? raw };
  }

  if (f.byName && !f.byNamePing) {
    return { ...base, code: 'UNEXPECTED_ANSWER', facts: { detail: f.byName.ok ? `HTTP ${f.byName.status} from ${f.byName.url}` : `no "ping" from ${f.hostname}` } };
  }

  if (cert?.notAfter) {
    const days = Math.floor((Date.parse(cert.notAfter) - now.getTime()) / DAY);
    if (days < EXPIRY_WARN_DAYS) return { ...base, code: 'BOX_CERT_EXPIRING', facts: { ...facts, notAfter: cert.notAfter.slice(0, 10), days: String(Math.max(days, 0)) } };
  }
  return { ...base, code: 'BOX_OK', facts };
}

function originOf(f: BoxFindings, byIp: boolean): string {
  const url = (byIp ? f.byIp : f.byName)?.url;
  try {
    return url ? new URL(url).origin : '';
  } catch {
    return '';
  }
}

/** Whole days of clock difference, at least 1, for the cashier's text. */
export function skewDays(ms: number): string {
  return String(Math.max(1, Math.round(Math.abs(ms) / DAY)));
}

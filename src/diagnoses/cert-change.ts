import type { CheckResult, DeviceDiagnosis } from '../model';
import type { Verdict } from './decide-box';

/** Printer codes that mean "HTTPS worked from the worker": the certificate was trusted then. */
const TRUSTED = new Set(['PRINTER_OK', 'PRINTER_PAPER_LOW', 'PRINTER_PAPER_OUT', 'PRINTER_COVER_OPEN', 'PRINTER_OFFLINE', 'PRINTER_WRONG_DEVID', 'PRINTER_ERROR']);
const NOW_UNTRUSTED = new Set(['PRINTER_CERT_UNTRUSTED', 'PRINTER_CERT_NAME']);

export interface KnownCert {
  sha256: string;
  /** When this fingerprint was first seen. */
  since: string;
}

/**
 * A printer whose certificate was trusted and no longer is, while it still answers TLS, had its
 * certificate regenerated (or was reset): every till that trusted the old one is now broken.
 * That is told apart from "never trusted", in both browsers, from history alone (Chromium never
 * shows an untrusted certificate to an extension, nor does Firefox without an exception).
 */
export function withCertChange(v: Verdict, previous: DeviceDiagnosis | undefined): Verdict {
  if (!NOW_UNTRUSTED.has(v.code) || !previous) return v;
  if (previous.code === 'PRINTER_CERT_CHANGED') return { ...v, code: 'PRINTER_CERT_CHANGED', facts: { ...v.facts, since: previous.facts.since ?? '' } };
  if (TRUSTED.has(previous.code)) return { ...v, code: 'PRINTER_CERT_CHANGED', facts: { ...v.facts, since: previous.checkedAt.slice(0, 10) } };
  return v;
}

/** The fingerprint to remember after a check: the one the browser showed for a trusted or excepted answer. */
export function rememberCert(d: DeviceDiagnosis, known: KnownCert | undefined, now: Date): KnownCert | undefined {
  const sha = d.cert?.source === 'browser' ? d.cert.sha256 : undefined;
  if (!sha) return known;
  if (known?.sha256 === sha) return known;
  return { sha256: sha, since: now.toISOString() };
}

/** A trusted answer whose fingerprint is not the remembered one: the certificate was replaced. */
export function fingerprintChanged(d: DeviceDiagnosis, known: KnownCert | undefined): boolean {
  const sha = d.cert?.source === 'browser' ? d.cert.sha256 : undefined;
  return !!sha && !!known && known.sha256 !== sha;
}

/** The fingerprints to keep after a check, per device. */
export function rememberCerts(result: CheckResult, known: Record<string, KnownCert>, now: Date): Record<string, KnownCert> {
  const next: Record<string, KnownCert> = {};
  for (const d of result.devices) {
    const k = rememberCert(d, known[d.deviceId], now);
    if (k) next[d.deviceId] = k;
  }
  return next;
}

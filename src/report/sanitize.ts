/**
 * What may leave the machine in a report. The model never carries secrets, but a report is
 * pasted into tickets and screenshots: it is built from an allowlist of known fields, and
 * anything named like a secret is dropped even if some probe put it there by mistake.
 */
import type { Attempt, CertInfo, CheckResult, DeviceDiagnosis, Environment } from '../model';
import { DIAGNOSES } from '../diagnoses/registry';
import { safePos } from './pos';

const SECRET = /uuid|enterprise|secret|token|password|key/i;

export const isSecretName = (name: string): boolean => SECRET.test(name);

export function safeFacts(facts: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(facts ?? {})) {
    if (!isSecretName(name)) out[name] = String(value);
  }
  return out;
}

/** The substitutions of a diagnosis's texts: its declared facts in order, secrets blanked. */
export function factValues(d: Pick<DeviceDiagnosis, 'code' | 'facts'>): string[] {
  const facts = safeFacts(d.facts);
  const names = DIAGNOSES.get(d.code)?.facts ?? Object.keys(facts);
  return names.map((name) => facts[name] ?? '');
}

/** A URL without credentials nor secret-looking query parameters. */
export function safeUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  u.username = '';
  u.password = '';
  for (const name of [...u.searchParams.keys()]) {
    if (isSecretName(name)) u.searchParams.delete(name);
  }
  return u.href;
}

function safeAttempt(a: Attempt): Attempt {
  return a.ok
    ? { url: safeUrl(a.url), ok: true, status: a.status, ms: a.ms }
    : { url: safeUrl(a.url), ok: false, failure: a.failure, raw: a.raw, ms: a.ms };
}

function safeCert(c: CertInfo): CertInfo {
  const out: CertInfo = { source: c.source };
  if (c.notAfter !== undefined) out.notAfter = c.notAfter;
  if (c.notBefore !== undefined) out.notBefore = c.notBefore;
  if (c.subject !== undefined) out.subject = c.subject;
  if (c.issuer !== undefined) out.issuer = c.issuer;
  if (c.sha256 !== undefined) out.sha256 = c.sha256;
  if (c.exception !== undefined) out.exception = c.exception;
  // derBase64 (the certificate itself) is public but large: the report names it by sha256.
  return out;
}

export function safeDevice(d: DeviceDiagnosis): DeviceDiagnosis {
  const out: DeviceDiagnosis = {
    deviceId: d.deviceId,
    kind: d.kind,
    label: d.label,
    code: d.code,
    severity: d.severity,
    facts: safeFacts(d.facts),
    attempts: (d.attempts ?? []).map(safeAttempt),
    checkedAt: d.checkedAt,
  };
  if (d.ip !== undefined) out.ip = d.ip;
  if (d.hostname !== undefined) out.hostname = d.hostname;
  if (d.raw !== undefined) out.raw = d.raw;
  if (d.cert) out.cert = safeCert(d.cert);
  if (d.version !== undefined) out.version = d.version;
  return out;
}

function safeEnvironment(e: Environment): Environment {
  const out: Environment = { browser: e.browser, os: e.os, extensionVersion: e.extensionVersion, timeZone: e.timeZone };
  if (e.clockSkewMs !== undefined) out.clockSkewMs = e.clockSkewMs;
  return out;
}

/** A copy of the result holding only the fields the model declares, minus secret-named facts. */
export function safeResult(r: CheckResult): CheckResult {
  return {
    version: r.version,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    environment: safeEnvironment(r.environment),
    devices: r.devices.map(safeDevice),
    worst: r.worst,
    ...(r.pos ? { pos: safePos(r.pos) } : {}),
  };
}

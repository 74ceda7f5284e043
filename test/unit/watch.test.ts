import { describe, expect, it } from 'vitest';
import { alertsFor, nextNotified } from '../../src/watch';
import type { CheckResult, DeviceDiagnosis } from '../../src/model';

const NOW = new Date('2026-11-26T10:00:00Z');
const dev = (id: string, severity: DeviceDiagnosis['severity'], code: string, notAfter?: string): DeviceDiagnosis => ({
  deviceId: id, kind: 'printer', label: id, code, severity, facts: {}, attempts: [], checkedAt: NOW.toISOString(), ...(notAfter ? { cert: { notAfter, source: 'box-status' as const } } : {}),
});
const result = (devices: DeviceDiagnosis[]): CheckResult => ({ version: 1, startedAt: '', finishedAt: '', environment: { browser: '', os: '', extensionVersion: '', timeZone: 'UTC' }, devices, worst: 'ok' });

describe('notifications', () => {
  it('notifies a device turning red once, not again while it stays red', () => {
    const r = result([dev('p', 'error', 'PRINTER_CERT_UNTRUSTED')]);
    const first = alertsFor(r, {}, NOW);
    expect(first.map((a) => a.kind)).toEqual(['turned-red']);
    const remembered = nextNotified(r, {}, first);
    expect(alertsFor(r, remembered, NOW)).toEqual([]);
  });
  it('notifies again after the device recovered and broke again', () => {
    const red = result([dev('p', 'error', 'PRINTER_UNREACHABLE')]);
    const sent = alertsFor(red, {}, NOW);
    const afterRed = nextNotified(red, {}, sent);
    const ok = result([dev('p', 'ok', 'PRINTER_OK')]);
    const afterOk = nextNotified(ok, afterRed, alertsFor(ok, afterRed, NOW));
    expect(afterOk).toEqual({});
    expect(alertsFor(red, afterOk, NOW)).toHaveLength(1);
  });
  it('warns about a certificate ending within 14 days, once', () => {
    const r = result([dev('b', 'warn', 'BOX_CERT_EXPIRING', '2026-12-01T00:00:00Z'), dev('c', 'ok', 'BOX_OK', '2027-03-01T00:00:00Z')]);
    const a = alertsFor(r, {}, NOW);
    expect(a.map((x) => [x.deviceId, x.kind, x.days])).toEqual([['b', 'cert-expiring', 4]]);
    expect(alertsFor(r, nextNotified(r, {}, a), NOW)).toEqual([]);
  });
});

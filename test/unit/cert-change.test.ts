import { describe, expect, it } from 'vitest';
import { fingerprintChanged, rememberCert, withCertChange } from '../../src/diagnoses/cert-change';
import type { DeviceDiagnosis } from '../../src/model';

const dev = (code: string, extra: Partial<DeviceDiagnosis> = {}): DeviceDiagnosis => ({
  deviceId: 'p', kind: 'printer', label: 'p', code, severity: 'ok', facts: { ip: '192.168.1.50' }, attempts: [], checkedAt: '2026-11-20T08:00:00.000Z', ...extra,
});
const untrusted = { code: 'PRINTER_CERT_UNTRUSTED', facts: { ip: '192.168.1.50' } };

describe('regenerated printer certificate', () => {
  it('trusted before, untrusted now: changed, since the last trusted check', () => {
    expect(withCertChange(untrusted, dev('PRINTER_OK'))).toMatchObject({ code: 'PRINTER_CERT_CHANGED', facts: { since: '2026-11-20' } });
    expect(withCertChange(untrusted, dev('PRINTER_PAPER_LOW')).code).toBe('PRINTER_CERT_CHANGED');
  });
  it('stays "changed" until trusted again', () => {
    const changed = dev('PRINTER_CERT_CHANGED', { facts: { ip: '192.168.1.50', since: '2026-11-20' } });
    expect(withCertChange(untrusted, changed)).toMatchObject({ code: 'PRINTER_CERT_CHANGED', facts: { since: '2026-11-20' } });
  });
  it('never trusted, or only accepted temporarily, is not "changed"', () => {
    expect(withCertChange(untrusted, undefined).code).toBe('PRINTER_CERT_UNTRUSTED');
    expect(withCertChange(untrusted, dev('PRINTER_CERT_UNTRUSTED')).code).toBe('PRINTER_CERT_UNTRUSTED');
    expect(withCertChange(untrusted, dev('PRINTER_CERT_TEMPORARY')).code).toBe('PRINTER_CERT_UNTRUSTED');
    expect(withCertChange(untrusted, dev('PRINTER_UNREACHABLE')).code).toBe('PRINTER_CERT_UNTRUSTED');
  });
  it('other failures are left alone', () => {
    expect(withCertChange({ code: 'PRINTER_UNREACHABLE', facts: {} }, dev('PRINTER_OK')).code).toBe('PRINTER_UNREACHABLE');
  });
  it('remembers the fingerprint the browser showed and notices a new one', () => {
    const now = new Date('2026-11-26T10:00:00Z');
    const seen = dev('PRINTER_OK', { cert: { sha256: 'AA:BB', source: 'browser' } });
    const k = rememberCert(seen, undefined, now);
    expect(k).toEqual({ sha256: 'AA:BB', since: now.toISOString() });
    expect(rememberCert(seen, k, new Date())).toBe(k);
    const replaced = dev('PRINTER_OK', { cert: { sha256: 'CC:DD', source: 'browser' } });
    expect(fingerprintChanged(replaced, k)).toBe(true);
    expect(fingerprintChanged(seen, k)).toBe(false);
    expect(fingerprintChanged(dev('PRINTER_OK'), k)).toBe(false);
  });
});

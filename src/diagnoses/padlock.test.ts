import { describe, expect, it } from 'vitest';
import { DIAGNOSES } from './registry';
import { PADLOCKS, PADLOCK_OF_CODE, padlockOf, padlockSeverity } from './padlock';

describe('padlockOf', () => {
  it('decides every diagnosis code on purpose, and no code that does not exist', () => {
    expect(Object.keys(PADLOCK_OF_CODE).sort()).toEqual([...DIAGNOSES.keys()].sort());
    for (const p of Object.values(PADLOCK_OF_CODE)) expect(PADLOCKS).toContain(p);
  });
  it('names the certificate problems the audit lists', () => {
    const of = (code: string, kind: 'box' | 'printer' = 'printer') => padlockOf({ code, kind });
    expect(of('PRINTER_OK')).toBe('trusted');
    expect(of('PRINTER_PAPER_OUT')).toBe('trusted');
    expect(of('PRINTER_CERT_UNTRUSTED')).toBe('untrusted');
    expect(of('PRINTER_CERT_EXPIRED')).toBe('expired');
    expect(of('BOX_CERT_EXPIRED', 'box')).toBe('expired');
    expect(of('PRINTER_CERT_NAME')).toBe('wrong-name');
    expect(of('PRINTER_CERT_TEMPORARY')).toBe('temporary');
    expect(of('PRINTER_CERT_CHANGED')).toBe('changed');
    expect(of('PRINTER_UNREACHABLE')).toBe('unreachable');
    expect(of('PRINTER_NOT_RESPONDING')).toBe('unreachable');
    expect(of('BOX_CERT_ERROR', 'box')).toBe('missing');
    expect(of('BOX_DNS_BLOCKED', 'box')).toBe('unknown');
  });
  it('a printer that answered something else still answered over accepted HTTPS; a box may not have', () => {
    expect(padlockOf({ code: 'UNEXPECTED_ANSWER', kind: 'printer' })).toBe('trusted');
    expect(padlockOf({ code: 'UNEXPECTED_ANSWER', kind: 'box' })).toBe('unknown');
  });
  it("tells Firefox's exception from trust, and knows nothing of a newer worker's codes", () => {
    expect(padlockOf({ code: 'PRINTER_OK', kind: 'printer', cert: { exception: true } })).toBe('exception');
    expect(padlockOf({ code: 'PRINTER_OK', kind: 'printer', cert: { exception: false } })).toBe('trusted');
    expect(padlockOf({ code: 'FROM_THE_FUTURE', kind: 'printer' })).toBe('unknown');
  });
  it('colors trust green, doubt yellow and broken red', () => {
    expect(PADLOCKS.map((p) => [p, padlockSeverity(p)])).toEqual([
      ['changed', 'error'], ['expired', 'error'], ['wrong-name', 'error'], ['untrusted', 'error'], ['missing', 'error'],
      ['temporary', 'warn'], ['exception', 'warn'], ['unreachable', 'error'], ['unknown', 'warn'], ['trusted', 'ok'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseEposResponse, printerState } from '../../src/probes/epos';

const envelope = (attrs: string): string =>
  `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><response ${attrs} xmlns="http://www.epson-pos.com/schemas/2011/03/epos-print"/></s:Body></s:Envelope>`;

const stateOf = (body: string) => {
  const r = parseEposResponse(body);
  if (!r.valid) return r.reason;
  return printerState(r).state;
};

describe('ePOS status answers', () => {
  it('reads the real samples', () => {
    expect(stateOf(envelope('success="true" code="" status="251658262" battery="0"'))).toBe('ok');
    expect(stateOf(envelope('success="true" code="" status="251854870" battery="0"'))).toBe('paper-low');
    expect(stateOf(envelope('success="false" code="EX_BADPORT" status="1" battery="0"'))).toBe('offline');
  });
  it('names each state the cashier must act on', () => {
    expect(stateOf(envelope('success="false" code="DeviceNotFound" status="0"'))).toBe('wrong-devid');
    expect(stateOf(envelope(`success="true" code="" status="${0x0f000016 | 0x80000 | 0x8}"`))).toBe('paper-out');
    expect(stateOf(envelope(`success="true" code="" status="${0x0f000016 | 0x20 | 0x8}"`))).toBe('cover-open');
    expect(stateOf(envelope(`success="true" code="" status="${0x0f000016 | 0x8}"`))).toBe('offline');
    expect(stateOf(envelope('success="false" code="EPTR_MECHANICAL" status="0"'))).toBe('error');
    expect(stateOf(envelope('success="false" code="EPTR_COVER_OPEN" status="0"'))).toBe('cover-open');
  });
  it('says what is wrong with answers that are not ePOS', () => {
    expect(stateOf('')).toBe('empty answer');
    expect(stateOf('<html><body>EPSON Web Config</body></html>')).toMatch(/HTML/);
    expect(stateOf('<response success="maybe"/>')).toMatch(/success/);
    expect(stateOf('<response success="true" status="0x20"/>')).toMatch(/not a number/);
    expect(stateOf('<response success="true" status="99999999999"/>')).toMatch(/not a number|range/);
  });
  it('never throws on garbage (fuzz)', () => {
    let seed = 42;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pieces = ['<', '>', '/', 'response', ' success="true"', ' status="', '"', '12', 'code=', "'", '\u0000', 'é', '<s:Body>', '&amp;'];
    for (let i = 0; i < 5000; i++) {
      const s = Array.from({ length: rnd(30) }, () => pieces[rnd(pieces.length)]).join('');
      const r = parseEposResponse(s);
      expect(typeof r.valid).toBe('boolean');
    }
    expect(parseEposResponse('x'.repeat(300_000)).valid).toBe(false);
  });
});

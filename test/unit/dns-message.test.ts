import { describe, expect, it } from 'vitest';
import { base64url, decodeAnswer, DnsFormatError, encodeQuery } from '../../src/net/dns-message';

/** An answer built by hand, byte by byte, as RFC 1035 lays it out. */
function answer(rcode: number, ips: string[]): Uint8Array {
  const q = encodeQuery('192-168-1-5.abcdef12.odoo-iot.com');
  const head = [0, 0, 0x81, 0x80 | rcode, 0, 1, 0, ips.length, 0, 0, 0, 0];
  const body = Array.from(q.subarray(12));
  const rrs = ips.flatMap((ip) => [0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, ...ip.split('.').map(Number)]);
  return Uint8Array.from([...head, ...body, ...rrs]);
}

describe('DNS wire format', () => {
  it('encodes an A query', () => {
    const q = encodeQuery('a.bc');
    expect(Array.from(q)).toEqual([0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 97, 2, 98, 99, 0, 0, 1, 0, 1]);
    expect(base64url(q)).not.toMatch(/[+/=]/);
  });
  it('decodes answers and NXDOMAIN', () => {
    expect(decodeAnswer(answer(0, ['192.168.1.5']))).toEqual({ rcode: 0, a: ['192.168.1.5'] });
    expect(decodeAnswer(answer(3, []))).toEqual({ rcode: 3, a: [] });
  });
  it('refuses truncated or looping messages', () => {
    const full = answer(0, ['10.0.0.1']);
    for (let n = 0; n < full.length; n++) {
      try {
        decodeAnswer(full.subarray(0, n));
      } catch (e) {
        expect(e).toBeInstanceOf(DnsFormatError);
      }
    }
  });
});

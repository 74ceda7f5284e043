/**
 * Minimal DNS wire format (RFC 1035) for DNS-over-HTTPS (RFC 8484): build an A query,
 * read the answer's rcode and A records. Defensive: a malformed answer throws DnsFormatError.
 */
export class DnsFormatError extends Error {}

export function encodeQuery(name: string, id = 0): Uint8Array {
  const labels = name.replace(/\.$/, '').split('.');
  const out: number[] = [id >> 8, id & 0xff, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0];
  for (const label of labels) {
    const bytes = new TextEncoder().encode(label);
    if (bytes.length === 0 || bytes.length > 63) throw new DnsFormatError(`bad label in ${name}`);
    out.push(bytes.length, ...bytes);
  }
  out.push(0, 0, 1, 0, 1); // root, QTYPE A, QCLASS IN
  return Uint8Array.from(out);
}

export interface DnsAnswer {
  rcode: number; // 0 NOERROR, 3 NXDOMAIN
  a: string[];
}

function skipName(buf: Uint8Array, at: number): number {
  let i = at;
  for (let hops = 0; hops < 128; hops++) {
    const len = buf[i];
    if (len === undefined) throw new DnsFormatError('name runs past the end');
    if (len === 0) return i + 1;
    if ((len & 0xc0) === 0xc0) return i + 2; // compression pointer ends the name here
    i += len + 1;
  }
  throw new DnsFormatError('name too long');
}

export function decodeAnswer(buf: Uint8Array): DnsAnswer {
  if (buf.length < 12) throw new DnsFormatError('answer shorter than a header');
  const u16 = (i: number): number => {
    if (i + 1 >= buf.length) throw new DnsFormatError('truncated');
    return (buf[i]! << 8) | buf[i + 1]!;
  };
  const rcode = buf[3]! & 0x0f;
  const qd = u16(4);
  const an = u16(6);
  let i = 12;
  for (let q = 0; q < qd; q++) i = skipName(buf, i) + 4;
  const a: string[] = [];
  for (let r = 0; r < an; r++) {
    i = skipName(buf, i);
    const type = u16(i);
    const rdlen = u16(i + 8);
    const start = i + 10;
    if (start + rdlen > buf.length) throw new DnsFormatError('record runs past the end');
    if (type === 1 && rdlen === 4) a.push(Array.from(buf.subarray(start, start + 4)).join('.'));
    i = start + rdlen;
  }
  return { rcode, a };
}

export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

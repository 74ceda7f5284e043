/**
 * A small DNS wire-format (RFC 1035) encoder/decoder: enough for the lab's DoH server
 * (RFC 8484) and for tests that ask it questions. Names are written uncompressed and read
 * with compression pointers; record data (rdata) stays raw bytes except for the helpers below.
 */

export const TYPE = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, OPT: 41, SVCB: 64, HTTPS: 65 } as const;
export const CLASS_IN = 1;
export const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;

export interface Header {
  id: number;
  qr: boolean;
  opcode: number;
  aa: boolean;
  tc: boolean;
  rd: boolean;
  ra: boolean;
  rcode: number;
}

export interface Question {
  name: string;
  type: number;
  class: number;
}

export interface ResourceRecord {
  name: string;
  type: number;
  /** For OPT this is the requester's UDP payload size. */
  class: number;
  ttl: number;
  data: Uint8Array;
}

export interface Message {
  header: Header;
  questions: Question[];
  answers: ResourceRecord[];
  authorities: ResourceRecord[];
  additionals: ResourceRecord[];
}

export class DnsFormatError extends Error {}

/** Lower-case, no trailing dot. */
export const normalizeName = (name: string): string => name.replace(/\.$/, '').toLowerCase();

function encodeName(name: string): Buffer {
  const labels = normalizeName(name).split('.').filter((l) => l.length > 0);
  const parts: Buffer[] = [];
  for (const label of labels) {
    const bytes = Buffer.from(label, 'ascii');
    if (bytes.length > 63) throw new DnsFormatError(`label too long: ${label}`);
    parts.push(Buffer.from([bytes.length]), bytes);
  }
  parts.push(Buffer.from([0]));
  const out = Buffer.concat(parts);
  if (out.length > 255) throw new DnsFormatError('name too long');
  return out;
}

function encodeRecord(r: ResourceRecord): Buffer {
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(r.type, 0);
  fixed.writeUInt16BE(r.class, 2);
  fixed.writeUInt32BE(r.ttl >>> 0, 4);
  fixed.writeUInt16BE(r.data.length, 8);
  return Buffer.concat([encodeName(r.name), fixed, Buffer.from(r.data)]);
}

export function encodeMessage(m: Message): Buffer {
  const h = Buffer.alloc(12);
  const hd = m.header;
  h.writeUInt16BE(hd.id & 0xffff, 0);
  const flags =
    (hd.qr ? 0x8000 : 0) | ((hd.opcode & 0xf) << 11) | (hd.aa ? 0x400 : 0) | (hd.tc ? 0x200 : 0) |
    (hd.rd ? 0x100 : 0) | (hd.ra ? 0x80 : 0) | (hd.rcode & 0xf);
  h.writeUInt16BE(flags, 2);
  h.writeUInt16BE(m.questions.length, 4);
  h.writeUInt16BE(m.answers.length, 6);
  h.writeUInt16BE(m.authorities.length, 8);
  h.writeUInt16BE(m.additionals.length, 10);
  const qs = m.questions.map((q) => {
    const t = Buffer.alloc(4);
    t.writeUInt16BE(q.type, 0);
    t.writeUInt16BE(q.class, 2);
    return Buffer.concat([encodeName(q.name), t]);
  });
  return Buffer.concat([h, ...qs, ...[...m.answers, ...m.authorities, ...m.additionals].map(encodeRecord)]);
}

class Reader {
  constructor(private readonly buf: Uint8Array, public pos = 0) {}
  need(n: number): void {
    if (this.pos + n > this.buf.length) throw new DnsFormatError('message truncated');
  }
  u8(): number {
    this.need(1);
    return this.buf[this.pos++]!;
  }
  u16(): number {
    return (this.u8() << 8) | this.u8();
  }
  u32(): number {
    return ((this.u16() << 16) >>> 0) + this.u16();
  }
  bytes(n: number): Uint8Array {
    this.need(n);
    const out = this.buf.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  name(): string {
    const labels: string[] = [];
    let pos = this.pos;
    let jumped = false;
    for (let hops = 0; hops < 128; hops++) {
      if (pos >= this.buf.length) throw new DnsFormatError('name runs past the end');
      const len = this.buf[pos]!;
      if (len === 0) {
        if (!jumped) this.pos = pos + 1;
        return labels.join('.').toLowerCase();
      }
      if ((len & 0xc0) === 0xc0) {
        if (pos + 1 >= this.buf.length) throw new DnsFormatError('bad pointer');
        const target = ((len & 0x3f) << 8) | this.buf[pos + 1]!;
        if (!jumped) this.pos = pos + 2;
        jumped = true;
        pos = target;
        continue;
      }
      if (len > 63) throw new DnsFormatError('bad label length');
      if (pos + 1 + len > this.buf.length) throw new DnsFormatError('label runs past the end');
      labels.push(Buffer.from(this.buf.slice(pos + 1, pos + 1 + len)).toString('latin1'));
      pos += 1 + len;
    }
    throw new DnsFormatError('compression loop');
  }
}

function readRecord(r: Reader): ResourceRecord {
  const name = r.name();
  const type = r.u16();
  const klass = r.u16();
  const ttl = r.u32();
  const len = r.u16();
  return { name, type, class: klass, ttl, data: r.bytes(len) };
}

export function decodeMessage(buf: Uint8Array): Message {
  const r = new Reader(buf);
  const id = r.u16();
  const flags = r.u16();
  const counts = [r.u16(), r.u16(), r.u16(), r.u16()] as const;
  const header: Header = {
    id,
    qr: (flags & 0x8000) !== 0,
    opcode: (flags >> 11) & 0xf,
    aa: (flags & 0x400) !== 0,
    tc: (flags & 0x200) !== 0,
    rd: (flags & 0x100) !== 0,
    ra: (flags & 0x80) !== 0,
    rcode: flags & 0xf,
  };
  const questions: Question[] = [];
  for (let i = 0; i < counts[0]; i++) questions.push({ name: r.name(), type: r.u16(), class: r.u16() });
  const section = (n: number): ResourceRecord[] => Array.from({ length: n }, () => readRecord(r));
  return { header, questions, answers: section(counts[1]), authorities: section(counts[2]), additionals: section(counts[3]) };
}

export function aRecord(name: string, ip: string, ttl: number): ResourceRecord {
  const octets = ip.split('.').map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) throw new DnsFormatError(`not an IPv4: ${ip}`);
  return { name, type: TYPE.A, class: CLASS_IN, ttl, data: Uint8Array.from(octets) };
}

export function soaRecord(zone: string, ttl: number, minimum: number): ResourceRecord {
  const times = Buffer.alloc(20);
  [1, 3600, 600, 86400, minimum].forEach((v, i) => times.writeUInt32BE(v, i * 4));
  const data = Buffer.concat([encodeName(`ns.${zone}`), encodeName(`hostmaster.${zone}`), times]);
  return { name: zone, type: TYPE.SOA, class: CLASS_IN, ttl, data };
}

/** An EDNS(0) OPT pseudo-record advertising `udpSize`. */
export const optRecord = (udpSize = 1232): ResourceRecord => ({ name: '', type: TYPE.OPT, class: udpSize, ttl: 0, data: new Uint8Array() });

export const ipOfA = (r: ResourceRecord): string => Array.from(r.data).join('.');

/** A standard recursive query, as a browser's DoH client sends it (id 0 per RFC 8484). */
export function buildQuery(name: string, type: number = TYPE.A, id = 0): Buffer {
  return encodeMessage({
    header: { id, qr: false, opcode: 0, aa: false, tc: false, rd: true, ra: false, rcode: 0 },
    questions: [{ name, type, class: CLASS_IN }],
    answers: [],
    authorities: [],
    additionals: [],
  });
}

export const base64url = (b: Uint8Array): string => Buffer.from(b).toString('base64url');
export const fromBase64url = (s: string): Buffer => {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new DnsFormatError('dns parameter is not base64url');
  return Buffer.from(s, 'base64url');
};

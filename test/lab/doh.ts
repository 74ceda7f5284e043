/**
 * RFC 8484 DNS-over-HTTPS server on 127.0.0.53 (HTTP/2 and HTTP/1.1), with two views:
 * `/dns-query` is the shop ROUTER (drops the rebinding-blocked names) and
 * `/public/dns-query` is a PUBLIC resolver (answers them). Unknown names: NXDOMAIN in both.
 */
import http2, { type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import {
  CLASS_IN,
  DnsFormatError,
  type Message,
  RCODE,
  TYPE,
  aRecord,
  decodeMessage,
  encodeMessage,
  fromBase64url,
  optRecord,
  soaRecord,
} from './dns-wire';
import { DOH_IP, NEGATIVE_TTL, TTL, publicAnswer, routerAnswer } from './names';
import { type DeviceContext, listen, readBody } from './net';

export const DOH_PATHS = { router: '/dns-query', public: '/public/dns-query', clockAhead: '/clock-ahead/dns-query' } as const;
/** The public view as a till whose clock is 400 days behind sees it: every Date header 400 days ahead. */
export const CLOCK_AHEAD_DAYS = 400;

type View = (name: string) => string | null;

/** The zone whose SOA goes with a negative answer: the name's last two labels. */
const zoneOf = (name: string): string => name.split('.').slice(-2).join('.');

/** The answer to one DNS query message, or null when the query is not even a DNS header. */
export function resolveQuery(query: Uint8Array, view: View): Buffer | null {
  let q: Message;
  try {
    q = decodeMessage(query);
  } catch (e) {
    if (e instanceof DnsFormatError && query.length >= 2) {
      const id = (query[0]! << 8) | query[1]!;
      return encodeMessage({ header: { id, qr: true, opcode: 0, aa: false, tc: false, rd: false, ra: true, rcode: RCODE.FORMERR }, questions: [], answers: [], authorities: [], additionals: [] });
    }
    return null;
  }
  const edns = q.additionals.some((r) => r.type === TYPE.OPT);
  const reply: Message = {
    header: { id: q.header.id, qr: true, opcode: q.header.opcode, aa: false, tc: false, rd: q.header.rd, ra: true, rcode: RCODE.NOERROR },
    questions: q.questions,
    answers: [],
    authorities: [],
    additionals: edns ? [optRecord()] : [],
  };
  const question = q.questions[0];
  if (q.header.qr || q.header.opcode !== 0 || q.questions.length !== 1 || !question) {
    reply.header.rcode = q.header.opcode !== 0 ? RCODE.NOTIMP : RCODE.FORMERR;
    return encodeMessage(reply);
  }
  if (question.class !== CLASS_IN) {
    reply.header.rcode = RCODE.REFUSED;
    return encodeMessage(reply);
  }
  const ip = view(question.name);
  if (ip === null) {
    reply.header.rcode = RCODE.NXDOMAIN;
    reply.authorities.push(soaRecord(zoneOf(question.name), NEGATIVE_TTL, NEGATIVE_TTL));
  } else if (question.type === TYPE.A) {
    reply.answers.push(aRecord(question.name, ip, TTL));
  } else {
    // The name exists but has no record of that type (AAAA, HTTPS...): NOERROR, no answer.
    reply.authorities.push(soaRecord(zoneOf(question.name), NEGATIVE_TTL, NEGATIVE_TTL));
  }
  return encodeMessage(reply);
}

function handler(): (req: Http2ServerRequest, res: Http2ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'https://doh');
    const view: View | undefined = url.pathname === DOH_PATHS.router ? routerAnswer : url.pathname === DOH_PATHS.public || url.pathname === DOH_PATHS.clockAhead ? publicAnswer : undefined;
    const dateHeader = url.pathname === DOH_PATHS.clockAhead ? { date: new Date(Date.now() + CLOCK_AHEAD_DAYS * 86_400_000).toUTCString() } : {};
    const fail = (status: number, text: string): void => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(`${text}\n`);
    };
    if (!view) {
      req.resume();
      return fail(404, 'not found');
    }
    const respond = (query: Buffer): void => {
      const out = resolveQuery(query, view);
      if (!out) return fail(400, 'not a DNS message');
      const answered = decodeMessage(out);
      const ttl = Math.min(...[...answered.answers, ...answered.authorities].map((r) => r.ttl), TTL);
      res.writeHead(200, {
        'content-type': 'application/dns-message',
        'cache-control': `max-age=${ttl}`,
        'content-length': String(out.length),
        'access-control-allow-origin': '*', // as public DoH services send
        ...dateHeader,
      });
      res.end(out);
    };
    if (req.method === 'GET' || req.method === 'HEAD') {
      req.resume();
      const dns = url.searchParams.get('dns');
      if (!dns) return fail(400, 'missing dns parameter');
      try {
        return respond(fromBase64url(dns));
      } catch {
        return fail(400, 'bad dns parameter');
      }
    }
    if (req.method === 'POST') {
      if (!String(req.headers['content-type'] ?? '').startsWith('application/dns-message')) {
        req.resume();
        return fail(415, 'content-type must be application/dns-message');
      }
      readBody(req, 65535).then(respond, () => res.destroy());
      return;
    }
    req.resume();
    res.setHeader('allow', 'GET, POST');
    return fail(405, 'method not allowed');
  };
}

export async function startDoh(ctx: DeviceContext): Promise<void> {
  const leaf = ctx.certs.leaves['doh'];
  if (!leaf) throw new Error('no certificate for the DoH server');
  const server = ctx.servers.add(
    http2.createSecureServer({ key: leaf.key, cert: leaf.cert, allowHTTP1: true }, ctx.recorder.wrap(DOH_IP, ctx.ports.https, handler())),
  );
  await listen(server, ctx.ports.https, DOH_IP);
}

import type { Http } from '../net/http';
import { base64url, decodeAnswer, encodeQuery } from '../net/dns-message';

export type DohResult =
  | { state: 'answer'; ips: string[] }
  | { state: 'nxdomain' }
  | { state: 'failed'; raw: string }
  | { state: 'skipped' };

/** Asks a public DNS-over-HTTPS resolver (RFC 8484, GET) what a name resolves to. */
export async function dohLookup(http: Http, dohUrl: string, name: string, timeoutMs = 5000): Promise<DohResult> {
  if (!dohUrl) return { state: 'skipped' };
  let url: URL;
  try {
    url = new URL(dohUrl);
  } catch {
    return { state: 'failed', raw: 'invalid DNS-over-HTTPS address' };
  }
  url.searchParams.set('dns', base64url(encodeQuery(name)));
  const res = await http.request({ url: url.toString(), headers: { accept: 'application/dns-message' }, timeoutMs, binary: true, maxBytes: 4096 });
  if (!res.ok) return { state: 'failed', raw: res.raw };
  if (res.status !== 200 || !res.bytes) return { state: 'failed', raw: `HTTP ${res.status}` };
  try {
    const answer = decodeAnswer(res.bytes);
    if (answer.rcode === 3) return { state: 'nxdomain' };
    if (answer.rcode !== 0) return { state: 'failed', raw: `DNS rcode ${answer.rcode}` };
    return answer.a.length ? { state: 'answer', ips: answer.a } : { state: 'nxdomain' };
  } catch (e) {
    return { state: 'failed', raw: `unreadable DNS answer: ${(e as Error).message}` };
  }
}

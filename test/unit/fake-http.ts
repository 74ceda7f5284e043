import type { Http, HttpOutcome, HttpRequest } from '../../src/net/http';
import { classifyBrowserError } from '../../src/net/browser-errors';

type Answer = { status?: number; text?: string; bytes?: Uint8Array; date?: string } | { error: string };

/** A network made of a table: URL (without query) -> answer or browser error string. */
export function fakeHttp(table: Record<string, Answer>, log: HttpRequest[] = []): Http {
  return {
    async request(req) {
      log.push(req);
      const key = req.url.split('?')[0]!;
      const a = table[key] ?? { error: 'net::ERR_CONNECTION_REFUSED' };
      if ('error' in a) return { ok: false, url: req.url, failure: a.error === 'timeout' ? 'timeout' : classifyBrowserError(a.error), raw: a.error, ms: 1 } satisfies HttpOutcome;
      return { ok: true, url: req.url, status: a.status ?? 200, text: a.text ?? '', ...(a.bytes ? { bytes: a.bytes } : {}), tooLarge: false, ...(a.date ? { date: a.date } : {}), ms: 1 };
    },
  };
}

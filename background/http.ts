import type { Http, HttpOutcome, HttpRequest } from '../src/net/http';
import type { CertInfo } from '../src/model';
import { classifyBrowserError, NO_EVENT_MARK } from '../src/net/browser-errors';

/** The part of the extension API this module uses, so tests can pass a fake. */
export interface WebRequestApi {
  webRequest: {
    onErrorOccurred: {
      addListener(cb: (d: { url: string; error: string; tabId: number }) => void, filter: { urls: string[] }): void;
    };
  };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
}

interface Waiter {
  since: number;
  resolve: (error: string) => void;
}

/**
 * fetch() only says "Failed to fetch"; the reason is in webRequest.onErrorOccurred for the
 * extension's own requests (tabId -1). Requests to one URL never overlap (one request at a
 * time per device), so an error event is matched to the oldest waiting request for its URL,
 * within a grace period: the event comes ~0-2 ms after the rejection in Chromium and
 * -2..+24 ms around it in Firefox. No marker is added to device URLs: printers see exactly
 * what the POS sends.
 */
export function createWorkerHttp(api: WebRequestApi, opts: { graceMs?: number; fetchImpl?: typeof fetch; certs?: { take(url: string): CertInfo | undefined } } = {}): Http {
  const graceMs = opts.graceMs ?? 1000;
  const doFetch = opts.fetchImpl ?? fetch.bind(globalThis);
  const waiting = new Map<string, Waiter[]>();
  const early: { url: string; error: string; at: number }[] = [];

  api.webRequest.onErrorOccurred.addListener(
    (d) => {
      if (d.tabId !== -1) return;
      const queue = waiting.get(d.url);
      const w = queue?.shift();
      if (w) w.resolve(d.error);
      else {
        early.push({ url: d.url, error: d.error, at: Date.now() });
        while (early.length > 50 || (early[0] && Date.now() - early[0].at > 5000)) early.shift();
      }
    },
    { urls: ['<all_urls>'] },
  );

  const reasonFor = (url: string, since: number): Promise<string | undefined> => {
    const i = early.findIndex((e) => e.url === url && e.at >= since);
    if (i >= 0) return Promise.resolve(early.splice(i, 1)[0]!.error);
    return new Promise((resolve) => {
      const w: Waiter = { since, resolve: (e) => { clearTimeout(timer); resolve(e); } };
      const timer = setTimeout(() => {
        const q = waiting.get(url);
        if (q) q.splice(q.indexOf(w), 1);
        resolve(undefined);
      }, graceMs);
      const q = waiting.get(url) ?? [];
      q.push(w);
      waiting.set(url, q);
    });
  };

  async function request(req: HttpRequest): Promise<HttpOutcome> {
    const url = new URL(req.url).href;
    const started = Date.now();
    const t0 = performance.now();
    const ms = (): number => Math.round(performance.now() - t0);
    const ctrl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort();
    }, req.timeoutMs);
    try {
      const res = await doFetch(url, {
        method: req.method ?? 'GET',
        headers: req.headers,
        body: req.body,
        signal: ctrl.signal,
        cache: 'no-store',
        credentials: 'omit',
        redirect: 'manual',
      });
      const { bytes, tooLarge } = await readLimited(res, req.maxBytes ?? 256 * 1024);
      const date = res.headers.get('date') ?? undefined;
      const text = req.binary ? '' : new TextDecoder().decode(bytes);
      const cert = opts.certs?.take(url);
      return { ok: true, url, status: res.type === 'opaqueredirect' ? 0 : res.status, text, ...(req.binary ? { bytes } : {}), tooLarge, ...(date ? { date } : {}), ...(cert ? { cert } : {}), ms: ms() };
    } catch (e) {
      if (timedOut) {
        void reasonFor(url, started); // swallow the browser's "aborted" event
        return { ok: false, url, failure: 'timeout', raw: `no answer within ${Math.round(req.timeoutMs / 1000)} s`, ms: ms() };
      }
      const reason = await reasonFor(url, started);
      if (reason) return { ok: false, url, failure: classifyBrowserError(reason), raw: reason, ms: ms() };
      const origin = new URL(url).origin;
      const allowed = await api.permissions.contains({ origins: [`${origin}/*`] }).catch(() => true);
      if (!allowed) return { ok: false, url, failure: 'no-permission', raw: `no permission for ${origin}`, ms: ms() };
      return { ok: false, url, failure: classifyBrowserError(NO_EVENT_MARK), raw: `${(e as Error).message} (${NO_EVENT_MARK})`, ms: ms() };
    } finally {
      clearTimeout(timer);
    }
  }
  return { request };
}

/** Reads at most `max` bytes, then stops reading: a device can send anything, of any size. */
async function readLimited(res: Response, max: number): Promise<{ bytes: Uint8Array; tooLarge: boolean }> {
  if (!res.body) return { bytes: new Uint8Array(), tooLarge: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let tooLarge = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      tooLarge = true;
      chunks.push(value.subarray(0, value.length - (size - max)));
      await reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(Math.min(size, max));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes, tooLarge };
}

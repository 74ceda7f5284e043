/**
 * Chromium only. A document-context fetch honours the user's "Proceed anyway" decisions while
 * the service worker's fetch does not: probing both ways tells "trusted" from "accepted only
 * until the browser forgets it". This page only fetches what the worker asks and answers.
 */
import { api } from '../src/platform/api';
import type { OffscreenFetch, OffscreenAnswer } from '../src/messages';

api.runtime.onMessage.addListener((msg: unknown, _sender, reply: (a: OffscreenAnswer) => void) => {
  const m = msg as OffscreenFetch;
  if (m?.target !== 'offscreen' || m.type !== 'fetch') return false;
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), m.req.timeoutMs);
  fetch(m.req.url, { method: m.req.method ?? 'GET', headers: m.req.headers, body: m.req.body, signal: ctrl.signal, cache: 'no-store', credentials: 'omit' })
    .then(async (res) => reply({ ok: true, status: res.status, text: (await res.text()).slice(0, m.req.maxBytes ?? 65536) }))
    .catch((e: Error) => reply({ ok: false, raw: ctrl.signal.aborted ? 'timeout' : e.message }))
    .finally(() => clearTimeout(timer));
  return true;
});

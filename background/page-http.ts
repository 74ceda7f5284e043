import type { Http } from '../src/net/http';
import type { OffscreenAnswer, OffscreenFetch } from '../src/messages';

const URL_ = 'offscreen/index.html';
/** Marks what the page path saw: a page gets no reason from the browser, only success or not. */
export const PAGE_PATH = 'offscreen page:';

/**
 * Chromium's offscreen document as a second network path (see offscreen/main.ts). Returns
 * undefined where the browser has no offscreen API (Firefox applies certificate exceptions to
 * background requests itself, so it needs no second path).
 */
export function createPageHttp(): Http | undefined {
  const c = (globalThis as { chrome?: typeof chrome }).chrome;
  if (!c?.offscreen?.createDocument) return undefined;
  let creating: Promise<void> | undefined;
  const ensure = async (): Promise<void> => {
    const has = await c.offscreen.hasDocument?.();
    if (has) return;
    creating ??= c.offscreen
      .createDocument({ url: URL_, reasons: [c.offscreen.Reason.DOM_PARSER], justification: 'Check printers from a document, which honours the certificate exceptions the user accepted.' })
      .catch((e: Error) => {
        if (!/single offscreen/i.test(e.message)) throw e;
      })
      .finally(() => (creating = undefined));
    await creating;
  };
  return {
    async request(req) {
      const t0 = performance.now();
      const ms = (): number => Math.round(performance.now() - t0);
      await ensure();
      const msg: OffscreenFetch = { target: 'offscreen', type: 'fetch', req };
      const a = (await c.runtime.sendMessage(msg)) as OffscreenAnswer | undefined;
      if (!a) return { ok: false, url: req.url, failure: 'unknown', raw: 'offscreen page did not answer', ms: ms() };
      if (a.ok) return { ok: true, url: req.url, status: a.status, text: a.text, tooLarge: false, ms: ms() };
      return { ok: false, url: req.url, failure: a.raw === 'timeout' ? 'timeout' : 'unknown', raw: `${PAGE_PATH} ${a.raw}`, ms: ms() };
    },
  };
}

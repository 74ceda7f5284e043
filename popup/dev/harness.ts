/**
 * Runs the BUILT popup in Chromium without a worker: a static server on 127.0.0.1 and a fake
 * `chrome` answering getState/checkNow with a sample state. Used by the popup's browser test
 * (popup/popup.browser.test.ts) and the screenshot script (popup/dev/shoot.ts).
 * Nothing leaves 127.0.0.1: every other request is aborted.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, CHROMIUM, launchQuietChromium, loadMessages, ROOT, serveDir, type Messages } from '../../test/dev/pages';

export { axeViolations, CHROMIUM, loadMessages, ROOT };
import type { PopupState } from '../../src/messages';


export interface StubOptions {
  /** checkNow: answer this result after `checkMs`, never answer (null), or fail with this message. */
  checkResult?: PopupState['last'] | null;
  checkError?: string;
  checkMs?: number;
  /** getState fails, as when the worker is not there. */
  noWorker?: boolean;
}

/**
 * Plain JS source run before the page's scripts. Calls are logged in `window.__log`;
 * `window.__emit(msg)` delivers a broadcast as the worker's runtime.sendMessage would.
 */
export function stubScript(state: PopupState, messages: Messages, opts: StubOptions = {}): string {
  const arg = JSON.stringify({ state, messages, opts });
  return `(() => {
  const { state, messages, opts } = ${arg};
  const listeners = [];
  const log = (window.__log = []);
  window.__emit = (m) => listeners.forEach((l) => l(m, { id: 'stub' }, () => {}));
  const getMessage = (key, subs) => {
    const m = messages[key];
    if (!m) return '';
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs.map(String) : [String(subs)];
    return m.message
      .replace(/\\$([A-Za-z0-9_]+)\\$/g, (_, n) => (m.placeholders && m.placeholders[n.toLowerCase()] ? m.placeholders[n.toLowerCase()].content : ''))
      .replace(/\\$(\\d)/g, (_, n) => list[Number(n) - 1] ?? '')
      .replace(/\\$\\$/g, '$');
  };
  const fake = {
    runtime: {
      id: 'stub',
      getManifest: () => ({ version: '0.1.0' }),
      openOptionsPage: async () => { log.push('openOptionsPage'); },
      onMessage: {
        addListener: (l) => listeners.push(l),
        removeListener: (l) => { const i = listeners.indexOf(l); if (i >= 0) listeners.splice(i, 1); },
      },
      sendMessage: async (msg) => {
        log.push(msg.type);
        if (msg.type === 'getState') {
          if (opts.noWorker) throw new Error('Could not establish connection. Receiving end does not exist.');
          return { ok: true, value: state };
        }
        if (msg.type === 'checkNow') {
          if (opts.checkError) return { ok: false, error: opts.checkError };
          const result = opts.checkResult === undefined ? state.last : opts.checkResult;
          if (result === null) return new Promise(() => {});
          return new Promise((r) => setTimeout(() => r({ ok: true, value: result }), opts.checkMs ?? 200));
        }
        return { ok: false, error: 'no handler for ' + msg.type };
      },
    },
    i18n: { getMessage, getUILanguage: () => 'en' },
    tabs: { create: async (p) => { log.push('tab:' + p.url); return {}; } },
  };
  Object.defineProperty(window, 'chrome', { value: fake, configurable: true, writable: true });
})();`;
}

export interface Harness {
  base: string;
  browser: Browser;
  /** A fresh context (light or dark, popup-sized unless told) with only 127.0.0.1 reachable. */
  context(opts?: { colorScheme?: 'light' | 'dark'; width?: number; height?: number }): Promise<BrowserContext>;
  /** Opens popup/index.html on the given sample state; the page clock stands `minutesAfter` the check. */
  open(context: BrowserContext, state: PopupState, opts?: StubOptions & { minutesAfter?: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(dist: string): Promise<Harness> {
  if (!existsSync(join(dist, 'popup/index.html'))) throw new Error(`no built popup in ${dist}`);
  const server = await serveDir(dist);
  const { base } = server;
  const browser = await launchQuietChromium();
  const messages = loadMessages();
  return {
    base,
    browser,
    async context({ colorScheme = 'light', width = 400, height = 600 } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion: 'reduce' });
      await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
      return context;
    },
    async open(context, state, opts = {}) {
      const page = await context.newPage();
      await page.addInitScript({ content: stubScript(state, messages, opts) });
      const at = Date.parse(state.last?.finishedAt ?? '2026-11-26T10:28:21Z');
      await page.clock.setFixedTime(new Date(at + (opts.minutesAfter ?? 3) * 60_000));
      await page.goto(`${base}/popup/index.html`);
      await page.waitForSelector('.popup');
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}


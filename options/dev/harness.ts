/**
 * Runs the BUILT options page in Chromium without the extension: a static server on 127.0.0.1
 * and a fake `chrome` whose runtime.sendMessage is answered in Node by the real worker-side
 * code (validation, import, discovery; the Odoo tab is the lab's fake Odoo on 127.0.0.60) and
 * whose permissions API is a set the test can inspect. An administrator's policy (what managed
 * storage would answer) goes through the worker's own policy store (background/policy.ts).
 * Used by test/unit/options-page.test.ts, test/unit/options-managed.test.ts and
 * options/dev/shoot.ts. Nothing leaves 127.0.0.0/8: every other request is aborted.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, CHROMIUM, launchQuietChromium, loadMessages, ROOT, serveDir, type Messages } from '../../test/dev/pages';

export { axeViolations, CHROMIUM, loadMessages, ROOT };
import type { Config } from '../../src/model';
import { DEFAULT_SETTINGS } from '../../src/model';
import { validateConfig } from '../../src/config/validate';
import { createConfigService } from '../../src/config/service';
import { createDiscovery } from '../../src/discovery/worker';
import { policyErrors } from '../../src/policy/merge';
import type { Store } from '../../src/store/db';
import { withPolicy } from '../../background/policy';
import { startFakeOdoo, type FakeOdoo, type OdooVersion } from '../../test/lab/odoo';


export interface PageOptions {
  config?: Config;
  /** Origins already granted (host access held). */
  granted?: string[];
  /** The user answers "no" to every permission prompt. */
  deny?: boolean;
  /** Serve an Odoo tab from the lab's fake Odoo of this version (or none). */
  odoo?: OdooVersion | 'logged-out' | null;
  /** What `storage.managed.get()` answers: the administrator's policy (managed_schema.json). */
  policy?: Record<string, unknown>;
}

export interface OptionsPage {
  page: Page;
  /** What the worker stores now (the user's part, without the policy's). */
  config(): Config;
  /** Changes the policy, as the browser does when the administrator edits it (the page is not told). */
  setPolicy(policy: Record<string, unknown> | undefined): void;
  /** Permission calls: `request:<json>`, `remove:<json>`. */
  permissionLog(): Promise<string[]>;
  granted(): Promise<string[]>;
  close(): Promise<void>;
}

function stubScript(messages: Messages, granted: string[], deny: boolean): string {
  const arg = JSON.stringify({ messages, granted, deny });
  return `(() => {
  const { messages, granted, deny } = ${arg};
  const held = new Set(granted);
  const perms = new Set();
  const log = (window.__permLog = []);
  window.__granted = () => [...held, ...[...perms].map((p) => 'perm:' + p)];
  const added = [], removed = [];
  const getMessage = (key, subs) => {
    const m = messages[key];
    if (!m) return '';
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs.map(String) : [String(subs)];
    return m.message.replace(/\\$(\\d)/g, (_, n) => list[Number(n) - 1] ?? '').replace(/\\$\\$/g, '$');
  };
  const fake = {
    runtime: {
      id: 'stub',
      getURL: (p) => new URL(String(p), location.origin + '/').href,
      getManifest: () => ({ version: '0.1.0' }),
      onMessage: { addListener() {}, removeListener() {} },
      sendMessage: (msg) => window.__worker(msg),
    },
    i18n: { getMessage, getUILanguage: () => 'en' },
    permissions: {
      contains: async (p) => (p.origins || []).every((o) => held.has(o)) && (p.permissions || []).every((x) => perms.has(x)),
      request: async (p) => {
        log.push('request:' + JSON.stringify(p));
        if (deny) return false;
        (p.origins || []).forEach((o) => held.add(o));
        (p.permissions || []).forEach((x) => perms.add(x));
        added.forEach((l) => l(p));
        return true;
      },
      remove: async (p) => {
        log.push('remove:' + JSON.stringify(p));
        (p.origins || []).forEach((o) => held.delete(o));
        (p.permissions || []).forEach((x) => perms.delete(x));
        removed.forEach((l) => l(p));
        return true;
      },
      onAdded: { addListener: (l) => added.push(l), removeListener() {} },
      onRemoved: { addListener: (l) => removed.push(l), removeListener() {} },
    },
  };
  Object.defineProperty(window, 'chrome', { value: fake, configurable: true, writable: true });
})();`;
}

export interface Harness {
  base: string;
  browser: Browser;
  context(opts?: { colorScheme?: 'light' | 'dark'; width?: number; height?: number }): Promise<BrowserContext>;
  open(context: BrowserContext, opts?: PageOptions): Promise<OptionsPage>;
  close(): Promise<void>;
}

export const emptyConfig = (): Config => ({ boxes: [], printers: [], settings: { ...DEFAULT_SETTINGS } });

export async function startHarness(dist: string): Promise<Harness> {
  if (!existsSync(join(dist, 'options/index.html'))) throw new Error(`no built options page in ${dist}`);
  const server = await serveDir(dist);
  const { base } = server;
  const browser = await launchQuietChromium();
  const messages = loadMessages();
  const odoos: FakeOdoo[] = [];

  return {
    base,
    browser,
    async context({ colorScheme = 'light', width = 900, height = 1000 } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion: 'reduce', acceptDownloads: true });
      await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
      return context;
    },
    async open(context, opts = {}) {
      let config: Config = structuredClone(opts.config ?? emptyConfig());
      let policy: Record<string, unknown> | undefined = opts.policy;
      let page: Page | undefined;
      const local = { getConfig: async () => config, setConfig: async (c: Config) => void (config = structuredClone(c)) } as unknown as Store;
      // The worker's store under a policy: merged reads, saves keep the user's part, a lock refuses additions.
      const held = async (): Promise<string[]> => (page ? page.evaluate(() => (window as unknown as { __granted(): string[] }).__granted()) : []);
      const permissionsApi = { contains: async ({ origins = [] }: { origins?: string[] }) => ((h) => origins.every((o) => h.includes(o)))(await held()) };
      const store = withPolicy(local, async () => policy ?? {}, { permissions: permissionsApi } as never);
      const service = createConfigService({ getConfig: () => store.getConfig(), setConfig: (c) => store.setConfig(c), onConfigChanged: () => undefined });
      let odoo: FakeOdoo | undefined;
      let cookie = '';
      if (opts.odoo) {
        odoo = await startFakeOdoo({ ip: '127.0.0.60', port: 0, ...(opts.odoo === 'logged-out' ? { loggedIn: false } : { version: opts.odoo }) });
        odoos.push(odoo);
        const page = await fetch(odoo.url, { redirect: 'manual' });
        cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      }
      const tabFetch: typeof fetch = (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
      const discovery = createDiscovery({
        queryTabs: async () => [{ id: 7, url: 'https://www.example.org/news', title: 'News' }, ...(odoo ? [{ id: 9, url: odoo.url, title: 'Odoo - Point of Sale' }] : [])],
        getTab: async (id) => (id === 9 && odoo ? { id, url: odoo.url } : undefined),
        runInTab: async (_id, func, args) => JSON.parse(JSON.stringify(await func(...(JSON.parse(JSON.stringify(args)) as typeof args), tabFetch))),
        getConfig: () => store.getConfig(),
      });
      // The worker's handlers, as background/handlers.ts wires them.
      const handlers: Record<string, (m: Record<string, unknown>) => Promise<unknown>> = {
        getConfig: () => store.getConfig(),
        saveConfig: async (m) => {
          const current = await store.getConfig();
          const { config: next, errors } = validateConfig(m.config, current.settings);
          errors.push(...policyErrors(next, current));
          if (errors.length) return { ok: false, errors: errors.map((e) => `${e.field}: ${e.error}`) };
          await store.setConfig(next);
          return { ok: true, config: await store.getConfig() };
        },
        checkConfig: (m) => service.check(m.config as Config),
        importDevices: (m) => service.importDevices(m.json as string),
        findOdooTabs: () => discovery.findTabs(),
        discoverFromTab: (m) => discovery.read(m.tabId as number),
      };
      page = await context.newPage();
      await page.exposeFunction('__worker', async (msg: { type: string }) => {
        const h = handlers[msg.type];
        if (!h) return { ok: false, error: `no handler for ${msg.type}` };
        try {
          return { ok: true, value: JSON.parse(JSON.stringify(await h(msg as Record<string, unknown>))) };
        } catch (e) {
          return { ok: false, error: (e as Error).message };
        }
      });
      await page.addInitScript({ content: stubScript(messages, opts.granted ?? [], opts.deny ?? false) });
      await page.goto(`${base}/options/index.html`);
      await page.waitForSelector('.page main .card, .page main .msg');
      return {
        page,
        config: () => config,
        setPolicy: (p) => void (policy = p),
        permissionLog: () => page.evaluate(() => (window as unknown as { __permLog: string[] }).__permLog),
        granted: () => page.evaluate(() => (window as unknown as { __granted(): string[] }).__granted()),
        close: async () => {
          await page!.close();
          await odoo?.stop();
        },
      };
    },
    async close() {
      await browser.close();
      await Promise.all(odoos.map((o) => o.stop().catch(() => undefined)));
      await server.close();
    },
  };
}

/** Builds the extension for Chromium into `outDir` (the real build, without touching dist/; the stub brings the texts). */
export async function buildInto(outDir: string): Promise<void> {
  const { build } = await import('vite');
  const target = process.env.TARGET;
  process.env.TARGET = 'chrome';
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  } finally {
    if (target === undefined) delete process.env.TARGET;
    else process.env.TARGET = target;
  }
}


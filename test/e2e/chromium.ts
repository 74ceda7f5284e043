import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExtensionPage, ExtensionSession, LaunchOptions } from './driver';

export const CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet headless Chromium that talks to nothing but the lab. */
const QUIET = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider',
  '--metrics-recording-only',
];

function wrap(page: Page): ExtensionPage {
  return {
    page,
    screenshot: async (file) => {
      await page.screenshot({ path: file, fullPage: true });
    },
    click: (selector) => page.click(selector),
    text: (selector) => page.innerText(selector),
    evaluate: <T>(fn: string) => page.evaluate(fn) as Promise<T>,
    waitFor: async (selector, timeoutMs = 10_000) => {
      await page.waitForSelector(selector, { timeout: timeoutMs });
    },
    close: () => page.close(),
  } as ExtensionPage;
}

/** Debian's Chromium with the built extension loaded, a throwaway profile and HOME (NSS DB). */
export async function launchChromium(opts: LaunchOptions): Promise<ExtensionSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-system-deps.sh (apt-get install chromium)`);
  const home = mkdtempSync(join(tmpdir(), 'iot-doctor-chromium-home-'));
  const profile = opts.profileDir ?? join(home, 'profile');
  if (opts.caCertPath) {
    const nss = join(home, '.pki', 'nssdb');
    mkdirSync(nss, { recursive: true });
    execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
    execFileSync('certutil', ['-A', '-d', `sql:${nss}`, '-t', 'C,,', '-n', 'iot-doctor-lab-ca', '-i', opts.caCertPath]);
  }
  const ctx: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // the new headless mode comes from --headless=new, which runs extensions
    ignoreDefaultArgs: ['--disable-extensions', '--headless'],
    args: [...(opts.headless === false ? [] : ['--headless=new']), ...QUIET, `--disable-extensions-except=${opts.extensionDir}`, `--load-extension=${opts.extensionDir}`, ...(opts.chromiumArgs ?? [])],
    env: { ...process.env, HOME: home },
    viewport: { width: 420, height: 600 },
    timeout: 60_000,
  });
  const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 30_000 }));
  const id = new URL(worker.url()).host;
  const base = `chrome-extension://${id}/`;
  let bridge: Page | undefined;
  const bridgePage = async (): Promise<Page> => {
    if (bridge && !bridge.isClosed()) return bridge;
    bridge = await ctx.newPage();
    await bridge.goto(`${base}options/index.html`);
    return bridge;
  };
  return {
    browser: 'chromium',
    extensionId: id,
    context: ctx,
    async message<T>(msg: { type: string; [k: string]: unknown }): Promise<T> {
      const p = await bridgePage();
      return p.evaluate((m) => chrome.runtime.sendMessage(m), msg) as Promise<T>;
    },
    async openPage(path, size) {
      const page = await ctx.newPage();
      if (size) await page.setViewportSize(size);
      await page.goto(base + path);
      return wrap(page);
    },
    async openUrl(url) {
      const page = await ctx.newPage();
      await page.goto(url).catch(() => undefined); // certificate warning pages "fail" navigation
      return wrap(page);
    },
    async close() {
      await ctx.close();
    },
  } as ExtensionSession;
}

import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExtensionPage, ExtensionSession, LaunchOptions } from './driver';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Chromium on Linux reads policies from /etc/chromium/policies only: no switch or environment
 * variable moves it, its command-line and "local test" policy providers are off on Linux or
 * cannot hold extension (3rdparty) policy, and CDP has no way in. So `policies` runs Chromium in
 * a private mount namespace (unshare) where a throwaway copy of /etc/chromium, holding
 * policies/managed/iot-doctor.json, stands in for the real one: nothing is written to /etc and
 * no other process sees it. The file stays writable, and Chromium reloads it when it changes.
 */
export interface ChromiumLaunchOptions extends LaunchOptions {
  /** Optional. A policy file as /etc/chromium/policies/managed/ holds it, e.g. `{ "3rdparty": { "extensions": { [id]: {...} } } }`. */
  policies?: Record<string, unknown>;
}
export type ChromiumSession = ExtensionSession & { /** With `policies`: the file Chromium reads them from. */ policyFile?: string };

const POLICY_ETC = '/etc/chromium';
const unshareFlags = (): string[] => ['--mount', ...(process.getuid?.() === 0 ? [] : ['--map-root-user'])];

/** Why `policies` cannot work on this machine, or undefined when it can. */
export function chromiumPolicyUnsupported(): string | undefined {
  if (!existsSync(POLICY_ETC)) return `${POLICY_ETC} does not exist, so there is nothing to stand in for`;
  const r = spawnSync('unshare', [...unshareFlags(), '--', 'sh', '-c', `mount --bind "$(mktemp -d)" ${POLICY_ETC}`], { encoding: 'utf8' });
  return r.status === 0 ? undefined : `no private mount namespace here (unshare ${unshareFlags().join(' ')}: ${(r.stderr || r.error?.message || `exit ${r.status}`).trim()})`;
}

/** The id Chromium gives an unpacked extension without a "key": the SHA-256 of its real path, in letters a-p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

const shQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** A launcher that starts `bin` with a throwaway /etc/chromium holding `policies`. */
function withPolicies(home: string, bin: string, policies: Record<string, unknown>): { launcher: string; policyFile: string } {
  const why = chromiumPolicyUnsupported();
  if (why) throw new Error(`Chromium cannot be given policies: ${why}`);
  const etc = join(home, 'etc-chromium');
  cpSync(POLICY_ETC, etc, { recursive: true });
  mkdirSync(join(etc, 'policies', 'managed'), { recursive: true });
  const policyFile = join(etc, 'policies', 'managed', 'iot-doctor.json');
  writeFileSync(policyFile, JSON.stringify(policies, null, 2));
  const launcher = join(home, 'chromium-with-policies.sh');
  const inner = `mount --bind ${shQuote(etc)} ${POLICY_ETC} && exec ${shQuote(bin)} "$@"`;
  writeFileSync(launcher, `#!/bin/sh\nexec unshare ${unshareFlags().join(' ')} -- sh -c ${shQuote(inner)} chromium "$@"\n`);
  chmodSync(launcher, 0o755);
  return { launcher, policyFile };
}

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
export async function launchChromium(opts: ChromiumLaunchOptions): Promise<ChromiumSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-system-deps.sh (apt-get install chromium)`);
  const home = mkdtempSync(join(tmpdir(), 'iot-doctor-chromium-home-'));
  const profile = opts.profileDir ?? join(home, 'profile');
  if (opts.caCertPath) {
    const nss = join(home, '.pki', 'nssdb');
    mkdirSync(nss, { recursive: true });
    execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
    execFileSync('certutil', ['-A', '-d', `sql:${nss}`, '-t', 'C,,', '-n', 'iot-doctor-lab-ca', '-i', opts.caCertPath]);
  }
  const policy = opts.policies ? withPolicies(home, opts.executablePath ?? CHROMIUM, opts.policies) : undefined;
  const ctx: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: policy?.launcher ?? opts.executablePath ?? CHROMIUM,
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
    ...(policy ? { policyFile: policy.policyFile } : {}),
  } as ChromiumSession;
}

/**
 * The built extension in headless Firefox ESR, driven over WebDriver BiDi by puppeteer-core.
 *
 * How (measured with Firefox ESR 153, puppeteer-core 24):
 * - `puppeteer.launch({ browser: 'firefox' })` starts Firefox with a throwaway profile;
 *   `browser.installExtension(dir)` installs the unpacked build as a temporary add-on
 *   (BiDi `webExtension.install`). Its `host_permissions` are granted at install, its
 *   `optional_host_permissions` are not.
 * - The profile pref `extensions.webextensions.uuids` pins the add-on's moz-extension UUID,
 *   so its pages live at a known `moz-extension://<uuid>/`.
 * - With `MOZ_REMOTE_ALLOW_SYSTEM_ACCESS=1`, BiDi `browsingContext.navigate` may open
 *   moz-extension:// pages (without it: "unsupported operation ... not allowed in this
 *   context"). Puppeteer's own `page.goto()` never sees that navigation finish (its frame
 *   tracking misses the switch to the extension process), so this driver sends the raw BiDi
 *   command with `wait: 'none'` and polls the document itself. A page cannot do it either:
 *   `location.href = 'moz-extension://...'` from about:blank is blocked.
 * - Messages go through a "bridge" tab showing the add-on's own manifest.json: an extension
 *   document (it has `browser.runtime`) that runs none of the extension's code.
 * - Optional host permissions: `extensions.webextOptionalPermissionPrompts=false` makes
 *   `permissions.request()` grant without a prompt; it still needs a user gesture, which a
 *   BiDi mouse click on a button in the bridge tab provides.
 * - The background (an event page) is reachable from an extension page through
 *   `runtime.getBackgroundPage()`; that also wakes it when it was suspended.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import type { ExtensionPage, ExtensionSession, LaunchOptions } from './driver';
import { sleep } from './util';

/** The moz-extension UUID this driver gives the add-on: its pages are at moz-extension://<this>/. */
export const FIREFOX_EXTENSION_UUID = '10700c70-d0c7-4e57-8b1e-f12ef0c5e2e0';

/** Where Firefox is looked for, first hit wins. */
export const FIREFOX_CANDIDATES = ['/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox-esr', '/usr/lib/firefox/firefox', '/usr/bin/firefox'];

/**
 * A profile that talks to nothing but loopback on its own: no updates, telemetry, studies,
 * remote settings, safe browsing, captive portal / connectivity checks, push, first-run pages,
 * speculative connections. DNS: TRR-only towards a closed loopback port (every name fails with
 * NS_ERROR_UNKNOWN_HOST, nothing reaches the system resolver); the lab's prefs replace this.
 * Puppeteer adds its own automation prefs (pointing a few services at dummy.test) underneath.
 */
const DEAD = 'http://127.0.0.1:9/'; // port 9 is on Firefox's banned list: never even connected
export const QUIET_PREFS: Record<string, string | number | boolean> = {
  // add-on under test
  'extensions.webextOptionalPermissionPrompts': false,
  'extensions.update.enabled': false,
  'extensions.update.autoUpdateDefault': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.getAddons.showPane': false,
  'extensions.htmlaboutaddons.recommendations.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.installDistroAddons': false,
  'extensions.webservice.discoverURL': DEAD,
  'extensions.getAddons.discovery.api_url': DEAD,
  'extensions.getAddons.get.url': DEAD,
  'extensions.getAddons.search.browseURL': DEAD,
  'devtools.jsonview.enabled': false, // the bridge tab shows manifest.json as plain text
  // updates
  'app.update.auto': false,
  'app.update.disabledForTesting': true,
  'app.update.staging.enabled': false,
  'app.update.url': DEAD,
  'app.update.url.override': DEAD,
  'app.normandy.enabled': false,
  'app.normandy.api_url': '',
  'app.shield.optoutstudies.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'services.settings.server': DEAD,
  'browser.search.update': false,
  'media.gmp-manager.updateEnabled': false,
  'media.gmp-manager.url': DEAD,
  'media.gmp-gmpopenh264.enabled': false,
  'media.gmp-widevinecdm.enabled': false,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'security.OCSP.enabled': 0,
  'security.dialog_enable_delay': 0, // the certificate warning's "Proceed" button works at once
  'security.certerrors.mitm.priming.enabled': false,
  'security.certerrors.mitm.auto_enable_enterprise_roots': false,
  'security.enterprise_roots.enabled': false,
  // telemetry and reporting
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.usage.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': DEAD,
  'toolkit.telemetry.newProfilePing.enabled': false,
  'toolkit.telemetry.shutdownPingSender.enabled': false,
  'toolkit.telemetry.firstShutdownPing.enabled': false,
  'toolkit.telemetry.updatePing.enabled': false,
  'toolkit.telemetry.bhrPing.enabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'browser.ping-centre.telemetry': false,
  'browser.crashReports.unsubmittedCheck.enabled': false,
  'browser.tabs.crashReporting.sendReport': false,
  'breakpad.reportURL': '',
  // safe browsing
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.passwords.enabled': false,
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  // network checks and background connections
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'captivedetect.canonicalURL': '',
  'network.trr.wait-for-portal': false,
  'network.proxy.type': 0, // ignore the environment's proxy settings
  'network.dns.disablePrefetch': true,
  'network.dns.disablePrefetchFromHTTPS': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  'browser.urlbar.speculativeConnect.enabled': false,
  'browser.places.speculativeConnect.enabled': false,
  'network.trr.mode': 3,
  'network.trr.uri': 'https://127.0.0.1:9/dns-query',
  'network.trr.custom_uri': 'https://127.0.0.1:9/dns-query',
  'network.trr.confirmationNS': 'skip',
  'network.dns.native-is-localhost': true,
  'dom.push.connection.enabled': false,
  'dom.push.serverURL': 'wss://127.0.0.1:9/',
  'identity.fxaccounts.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'geo.provider.network.url': '',
  'browser.translations.enable': false,
  'browser.ml.enable': false,
  'browser.discovery.enabled': false,
  'browser.contentblocking.report.lockwise.enabled': false,
  'browser.topsites.contile.enabled': false,
  'browser.shopping.experience2023.enabled': false,
  // first run, new tab, start page
  'browser.startup.page': 0,
  'browser.startup.homepage': 'about:blank',
  'browser.startup.homepage_override.mstone': 'ignore',
  'startup.homepage_welcome_url': 'about:blank',
  'startup.homepage_welcome_url.additional': '',
  'browser.aboutwelcome.enabled': false,
  'trailhead.firstrun.didSeeAboutWelcome': true,
  'browser.newtabpage.enabled': false,
  'browser.newtab.preload': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.newtabpage.activity-stream.showSponsored': false,
  'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
  'browser.newtabpage.activity-stream.default.sites': '',
  'browser.shell.checkDefaultBrowser': false,
  'browser.uitour.enabled': false,
  'browser.tabs.warnOnClose': false,
  'browser.warnOnQuit': false,
  'browser.sessionstore.resume_from_crash': false,
  'toolkit.startup.max_resumed_crashes': -1,
  'browser.rights.3.shown': true,
};

/** Same default size as chromium.ts gives its pages. */
const DEFAULT_VIEWPORT = { width: 420, height: 600 };

const SYSTEM_DEPS_HINT = 'run scripts/ensure-system-deps.sh (apt-get install firefox-esr libnss3-tools)';


async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  p.catch(() => undefined); // a late rejection after the timeout (e.g. "Target closed") is no crash
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** The Firefox binary: opts, then $FIREFOX_BIN, then the usual Debian places; a clear error if none. */
export function findFirefox(explicit?: string): string {
  const chosen = explicit || process.env.FIREFOX_BIN;
  if (chosen) {
    try {
      accessSync(chosen, constants.X_OK);
      return chosen;
    } catch {
      throw new Error(`Firefox was asked for at ${chosen} (${explicit ? 'executablePath' : 'FIREFOX_BIN'}), but no executable is there`);
    }
  }
  const tried = FIREFOX_CANDIDATES;
  for (const p of tried) {
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // next
    }
  }
  throw new Error(`Firefox ESR is not installed: none of ${tried.join(', ')} exists. To fix: ${SYSTEM_DEPS_HINT}, or set FIREFOX_BIN.`);
}

function firefoxVersion(bin: string): string {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 20_000 }).trim();
  } catch (e) {
    return `unknown (${(e as Error).message.split('\n')[0]})`;
  }
}

interface GeckoManifest {
  manifest_version?: number;
  background?: { scripts?: string[]; service_worker?: string };
  browser_specific_settings?: { gecko?: { id?: string } };
}

function readExtension(dir: string): { id: string } {
  if (!isAbsolute(dir)) throw new Error(`extensionDir must be absolute, got ${dir}`);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: build the Firefox extension first (TARGET=firefox npx vite build)`);
  const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as GeckoManifest;
  if (!m.background?.scripts?.length) {
    throw new Error(`${manifestPath} has no background.scripts: this is not the Firefox build (TARGET=firefox npx vite build writes dist/firefox)`);
  }
  const id = m.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id: the driver needs a fixed add-on id`);
  return { id };
}

/** Trust a PEM CA in this profile's NSS database only. */
function trustCa(profile: string, caCertPath: string): void {
  if (!existsSync(caCertPath)) throw new Error(`caCertPath ${caCertPath} does not exist`);
  const run = (args: string[]) => execFileSync('certutil', args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  try {
    if (!existsSync(join(profile, 'cert9.db'))) run(['-N', '-d', `sql:${profile}`, '--empty-password']);
    try {
      run(['-D', '-d', `sql:${profile}`, '-n', 'lab-ca']); // a reused profile: replace the old one
    } catch {
      // none yet
    }
    run(['-A', '-d', `sql:${profile}`, '-t', 'C,,', '-n', 'lab-ca', '-i', caCertPath]);
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    if (err.code === 'ENOENT') throw new Error(`certutil is not installed, so the test CA cannot be trusted: ${SYSTEM_DEPS_HINT}`);
    throw new Error(`certutil failed to add ${caCertPath} to ${profile}: ${err.stderr?.toString().trim() || err.message}`);
  }
}

/**
 * Running processes (zombies waiting for init do not count) of a Firefox: the members of its
 * process group `pgid`, and of the group of any process started on `profileDir` (found by
 * its command line, for when puppeteer failed before telling the pid). Linux only.
 */
function firefoxProcesses(pgid: number | undefined, profileDir: string): { pids: number[]; groups: number[] } {
  if (process.platform !== 'linux') return { pids: [], groups: [] };
  const procs: { pid: number; pgrp: number; cmd: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // state ppid pgrp ...
      if (state === 'Z' || state === 'X') continue;
      procs.push({ pid: Number(name), pgrp: Number(pgrp), cmd: readFileSync(`/proc/${name}/cmdline`, 'utf8') });
    } catch {
      // gone meanwhile
    }
  }
  const own = procs.find((p) => p.pid === process.pid)?.pgrp; // never our own group
  const direct = procs.filter((p) => p.cmd.split('\0').includes(profileDir));
  const groups = new Set<number>([...(pgid ? [pgid] : []), ...direct.map((p) => p.pgrp)].filter((g) => g > 1 && g !== own));
  const pids = new Set([...direct.map((p) => p.pid), ...procs.filter((p) => groups.has(p.pgrp)).map((p) => p.pid)]);
  pids.delete(process.pid);
  return { pids: [...pids], groups: [...groups] };
}

function killAll(pgid: number | undefined, profileDir: string): void {
  const { pids, groups } = firefoxProcesses(pgid, profileDir);
  for (const target of [...groups.map((g) => -g), ...pids]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Stop the browser and everything it started; true when nothing of it is left running. */
async function stopBrowser(browser: Browser | undefined, pid: number | undefined, profileDir: string): Promise<boolean> {
  if (browser) await withTimeout(browser.close(), 20_000, 'closing Firefox').catch(() => undefined);
  const left = () => firefoxProcesses(pid, profileDir).pids.length;
  for (let i = 0; i < 50 && left(); i++) await sleep(100);
  if (left()) {
    killAll(pid, profileDir);
    for (let i = 0; i < 50 && left(); i++) await sleep(100);
  }
  return left() === 0;
}

/** Sessions still open: if this Node process ends without closing them, leave nothing behind. */
const openSessions = new Map<string, { pid: number | undefined; owns: boolean }>();
let exitHookInstalled = false;
function track(profileDir: string, pid: number | undefined, owns: boolean): void {
  openSessions.set(profileDir, { pid, owns });
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const [dir, s] of openSessions) {
      killAll(s.pid, dir);
      if (s.owns) rmSync(dir, { recursive: true, force: true });
    }
  });
}

type BidiSend = (method: string, params: object) => Promise<{ result?: unknown }>;

/** The raw BiDi `send` of puppeteer's connection (not public API: checked at launch). */
function bidiSend(browser: Browser): BidiSend | undefined {
  const conn = (browser as unknown as { connection?: { send?: BidiSend } }).connection;
  return typeof conn?.send === 'function' ? conn.send.bind(conn) : undefined;
}

function contextId(page: Page): string | undefined {
  const id = (page.mainFrame() as unknown as { _id?: unknown })._id;
  return typeof id === 'string' ? id : undefined;
}

/** Source that evaluates `expression`, awaits it and returns its JSON text (undefined stays undefined). */
const asJson = (expression: string) => `(async () => { const __v = await (\n${expression}\n); return __v === undefined ? undefined : JSON.stringify(__v); })()`;

async function evalJson<T>(page: Page, expression: string): Promise<T> {
  const s = (await page.evaluate(asJson(expression))) as string | undefined;
  return (s === undefined ? undefined : JSON.parse(s)) as T;
}

export interface FirefoxSession extends ExtensionSession {
  browser: 'firefox';
  baseUrl: string;
  extensionId: string;
  /** The puppeteer Browser, for anything the interface lacks. */
  puppeteer: Browser;
  /** Firefox's process id (leader of its process group). */
  pid: number | undefined;
  profileDir: string;
  /** How long launching took, in ms: Firefox up, add-on installed, background answered. */
  launchMs: number;
  /** The same, per phase (ms from the start of launchFirefox), and how many tries it took. */
  launchPhases: Record<string, number>;
  evaluateInBackground<T = unknown>(expression: string): Promise<T>;
  grantHostPermissions(origins: string[]): Promise<void>;
}

/**
 * Firefox reads enterprise policies (policies.json) from /etc/firefox/policies/ (Linux builds
 * with system policies, Debian's firefox-esr included) or from <install dir>/distribution/, both
 * out of a test's reach. It reads the file named by `browser.policies.alternatePath` instead
 * only in Nightly or in automation (`Cu.isInAutomation`: the pref
 * security.turn_off_all_security_so_that_viruses_can_take_over_this_computer together with
 * MOZ_DISABLE_NONLOCAL_CONNECTIONS=1, which also holds Firefox to loopback), and only when
 * neither real file exists. Measured with Firefox ESR 153: `policies` sets exactly that, with
 * the file in the throwaway profile. Firefox reads policies once, at start.
 */
export interface FirefoxLaunchOptions extends LaunchOptions {
  /** Optional. The content of a policies.json (`{ "policies": { ... } }`), given to this Firefox only. */
  policies?: Record<string, unknown>;
}

/** Why `policies` cannot work with this Firefox, or undefined when it can: a real policies.json would win. */
export function firefoxPolicyUnsupported(executablePath?: string): string | undefined {
  const bin = findFirefox(executablePath);
  const real = ['/etc/firefox/policies/policies.json', join(dirname(realpathSync(bin)), 'distribution', 'policies.json')].find((f) => existsSync(f));
  return real ? `${real} exists: Firefox reads it instead of a test's policies` : undefined;
}

/** The prefs that make Firefox read `policies` from a file of the profile. */
function enterprisePolicies(bin: string, profileDir: string, policies: Record<string, unknown>): Record<string, string | boolean> {
  const why = firefoxPolicyUnsupported(bin);
  if (why) throw new Error(`Firefox cannot be given policies: ${why}`);
  const file = join(profileDir, 'test-policies.json');
  writeFileSync(file, JSON.stringify(policies, null, 2));
  return { 'browser.policies.alternatePath': file, 'security.turn_off_all_security_so_that_viruses_can_take_over_this_computer': true };
}

/** Firefox ESR with the built extension installed as a temporary add-on, in a throwaway profile. */
export async function launchFirefox(opts: FirefoxLaunchOptions): Promise<FirefoxSession> {
  const started = Date.now();
  const bin = findFirefox(opts.executablePath);
  const { id } = readExtension(opts.extensionDir);
  const launchTimeout = opts.launchTimeoutMs ?? 90_000;
  const ownsProfile = !opts.profileDir;
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'iot-doctor-firefox-'));
  mkdirSync(profileDir, { recursive: true });
  if (opts.caCertPath) trustCa(profileDir, opts.caCertPath);
  const policyPrefs = opts.policies ? enterprisePolicies(bin, profileDir, opts.policies) : {};
  const prefs = { ...QUIET_PREFS, 'extensions.webextensions.uuids': JSON.stringify({ [id]: FIREFOX_EXTENSION_UUID }), ...opts.firefoxPrefs, ...policyPrefs };
  const uuid = (JSON.parse(String(prefs['extensions.webextensions.uuids'])) as Record<string, string>)[id] ?? FIREFOX_EXTENSION_UUID;
  const baseUrl = `moz-extension://${uuid}/`;

  let browser: Browser | undefined;
  let pid: number | undefined;
  let bridge: Page | undefined;
  let lastError: unknown;
  const phases: Record<string, number> = {};
  const mark = (name: string) => (phases[name] = Date.now() - started);
  // A slow or overloaded machine can miss a deadline once: one more try with a fresh process.
  for (let attempt = 1; attempt <= 2; attempt++) {
    const deadline = Date.now() + launchTimeout;
    const left = (what: string) => {
      const ms = deadline - Date.now();
      if (ms <= 0) throw new Error(`${what}: launch deadline of ${launchTimeout} ms passed`);
      return ms;
    };
    phases.tries = attempt;
    try {
      for (const lock of ['lock', '.parentlock']) rmSync(join(profileDir, lock), { force: true });
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: bin,
        headless: opts.headless !== false,
        userDataDir: profileDir,
        extraPrefsFirefox: prefs,
        args: ['--no-remote'],
        // MOZ_REMOTE_SETTINGS_DEVTOOLS: a release build honours services.settings.server only with it.
        env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1', MOZ_REMOTE_SETTINGS_DEVTOOLS: '1', MOZ_CRASHREPORTER_DISABLE: '1', MOZ_DISABLE_AUTO_SAFE_MODE: '1', ...(opts.policies ? { MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' } : {}) },
        timeout: left('starting Firefox'),
        protocolTimeout: Math.max(180_000, launchTimeout),
        dumpio: process.env.E2E_DUMPIO === '1',
      });
      pid = browser.process()?.pid;
      track(profileDir, pid, ownsProfile);
      mark('firefoxUp');
      if (!bidiSend(browser)) throw new Error('puppeteer-core no longer exposes its BiDi connection (browser.connection.send): update test/e2e/firefox.ts');
      const installMs = left('installing the add-on');
      const installed = await withTimeout(browser.installExtension(opts.extensionDir), installMs, 'installing the add-on');
      if (installed !== id) throw new Error(`installed add-on id ${installed}, expected ${id}`);
      mark('installed');
      bridge = await browser.newPage();
      await navigate(browser, bridge, `${baseUrl}manifest.json`, Math.min(left('opening the bridge tab'), 60_000));
      const rid = await evalJson<string | null>(bridge, `typeof browser === 'undefined' ? null : browser.runtime.id`);
      if (rid !== id) throw new Error(`${baseUrl}manifest.json is not an extension page of ${id} (runtime.id ${rid}): is the uuid pref ignored?`);
      mark('bridgeOpen');
      // The background module has run once the event page's document finished loading.
      for (;;) {
        left('waiting for the background');
        const ready = await withTimeout(
          evalJson<boolean>(bridge, `browser.runtime.getBackgroundPage().then((w) => !!w && w.document.readyState === 'complete', () => false)`),
          10_000,
          'asking for the background page',
        ).catch(() => false);
        if (ready) break;
        await sleep(100);
      }
      mark('backgroundReady');
      break;
    } catch (e) {
      lastError = e;
      await stopBrowser(browser, pid, profileDir);
      browser = undefined;
      bridge = undefined;
      if (attempt === 2 || /not installed|is missing|must be absolute|no background|gecko\.id|expected|no longer exposes/.test(String(e))) break;
    }
  }
  if (!browser || !bridge) {
    openSessions.delete(profileDir);
    if (ownsProfile) rmSync(profileDir, { recursive: true, force: true, maxRetries: 5 });
    const msg = lastError instanceof Error ? lastError.message : String(lastError);
    throw new Error(`Could not start Firefox with the extension (${bin}, ${firefoxVersion(bin)}): ${msg}`);
  }

  const b: Browser = browser;
  let bridgePage: Page = bridge;
  const bridgeReady = async (): Promise<Page> => {
    if (!bridgePage.isClosed()) return bridgePage;
    bridgePage = await b.newPage();
    await navigate(b, bridgePage, `${baseUrl}manifest.json`, 30_000);
    return bridgePage;
  };
  let closed = false;

  const session: FirefoxSession = {
    browser: 'firefox',
    baseUrl,
    extensionId: id,
    puppeteer: b,
    pid,
    profileDir,
    launchMs: Date.now() - started,
    launchPhases: phases,

    async message<T>(msg: { type: string; [k: string]: unknown }): Promise<T> {
      const page = await bridgeReady();
      return evalJson<T>(page, `browser.runtime.sendMessage(${JSON.stringify(msg)})`);
    },

    async evaluateInBackground<T>(expression: string): Promise<T> {
      const page = await bridgeReady();
      // Sloppy-mode `with`: free names resolve on the background's window first.
      const src = `(async () => {
        const __bg = await browser.runtime.getBackgroundPage();
        if (!__bg) throw new Error('the extension has no background page');
        with (__bg) { const __v = await (\n${expression}\n); return __v === undefined ? undefined : JSON.stringify(__v); }
      })()`;
      const s = (await page.evaluate(src)) as string | undefined;
      return (s === undefined ? undefined : JSON.parse(s)) as T;
    },

    async grantHostPermissions(origins: string[]): Promise<void> {
      const page = await bridgeReady();
      // permissions.request() needs a user gesture: a real (BiDi) click on a button it handles.
      await page.evaluate(`(() => {
        document.getElementById('__e2e_grant')?.remove();
        const b = document.createElement('button');
        b.id = '__e2e_grant';
        b.textContent = 'grant';
        b.style.cssText = 'position:fixed;left:0;top:0;width:120px;height:40px;z-index:2147483647';
        b.onclick = () => { window.__e2eGrant = browser.permissions.request({ origins: ${JSON.stringify(origins)} }).then((ok) => ok ? 'granted' : 'refused', (e) => 'error: ' + e.message); };
        document.body.prepend(b);
      })()`);
      await wrapPage(page).click('#__e2e_grant');
      const outcome = await withTimeout(
        evalJson<string>(page, `(async () => { for (let i = 0; i < 200 && !window.__e2eGrant; i++) await new Promise((r) => setTimeout(r, 50)); const r = await window.__e2eGrant; document.getElementById('__e2e_grant')?.remove(); delete window.__e2eGrant; return r ?? 'the click did not reach the button'; })()`),
        20_000,
        'permissions.request (a prompt is waiting: is extensions.webextOptionalPermissionPrompts true?)',
      );
      if (outcome !== 'granted') throw new Error(`granting ${origins.join(', ')}: ${outcome}`);
    },

    async openPage(path: string, size?: { width: number; height: number }): Promise<ExtensionPage> {
      const url = baseUrl + path.replace(/^\//, '');
      // Firefox shows an empty page (and fetch() answers 200, empty) for a file the add-on lacks.
      if (!existsSync(join(opts.extensionDir, decodeURIComponent(new URL(url).pathname)))) throw new Error(`${path} is not a file of the extension (${opts.extensionDir})`);
      const page = await b.newPage();
      await page.setViewport(size ?? DEFAULT_VIEWPORT);
      try {
        await navigate(b, page, url, 60_000);
      } catch (e) {
        await page.close().catch(() => undefined);
        throw e;
      }
      return wrapPage(page);
    },

    async openUrl(url: string): Promise<ExtensionPage> {
      const page = await b.newPage();
      await page.setViewport(DEFAULT_VIEWPORT);
      // Error pages (about:certerror, about:neterror) are a result too; a server that never
      // answers leaves the tab loading: return it all the same after 30 s.
      await navigate(b, page, url, 30_000).catch(() => undefined);
      return wrapPage(page);
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      const clean = await stopBrowser(b, pid, profileDir);
      openSessions.delete(profileDir);
      if (ownsProfile) rmSync(profileDir, { recursive: true, force: true, maxRetries: 5 });
      if (!clean) throw new Error(`Firefox (process group ${pid}) was still running after close and SIGKILL`);
    },
  };

  if (opts.grantHostPermissions?.length) {
    try {
      await session.grantHostPermissions(opts.grantHostPermissions);
    } catch (e) {
      await session.close().catch(() => undefined);
      throw e;
    }
  }
  if (opts.grantHostPermissions?.length) mark('hostPermissionsGranted');
  session.launchMs = Date.now() - started;
  return session;
}

/**
 * Navigate a tab and wait until the new document has loaded. Uses BiDi `browsingContext.navigate`
 * with wait 'none' (puppeteer's goto() never resolves for moz-extension:// pages), then polls.
 */
async function navigate(browser: Browser, page: Page, url: string, timeoutMs: number): Promise<void> {
  const send = bidiSend(browser);
  const context = contextId(page);
  if (send && context) {
    // Rejects for some error pages (e.g. MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT) even with wait 'none'.
    await send('browsingContext.navigate', { context, url, wait: 'none' }).catch(() => undefined);
  } else {
    void page.goto(url, { timeout: timeoutMs }).catch(() => undefined);
  }
  const deadline = Date.now() + timeoutMs;
  let last = 'nothing yet';
  while (Date.now() < deadline) {
    try {
      const state = await withTimeout(page.evaluate(`[location.href, document.readyState, document.documentURI]`) as Promise<[string, string, string]>, 5_000, 'reading the tab state');
      last = state.join(' ');
      if (state[0] !== 'about:blank' && state[1] === 'complete') return;
      // Error pages (about:certerror, about:neterror) stay 'interactive' for good.
      if (state[0] !== 'about:blank' && state[2].startsWith('about:') && state[1] === 'interactive') {
        await sleep(300);
        return;
      }
    } catch (e) {
      last = (e as Error).message; // the old document went away mid-call: ask again
    }
    await sleep(100);
  }
  throw new Error(`opening ${url} did not finish within ${timeoutMs} ms (last seen: ${last})`);
}

/**
 * Page-side source of `__q(selector)`: the first match in the document or, like Playwright's
 * CSS engine, inside any open shadow root (Firefox's own error pages are web components).
 */
const DEEP_QUERY = `const __q = (sel) => {
  const walk = (root) => {
    const hit = root.querySelector(sel);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const h = walk(el.shadowRoot); if (h) return h; }
    return null;
  };
  return walk(document);
};`;

const inPage = (body: string) => `(() => { ${DEEP_QUERY}\n${body} })()`;

function wrapPage(page: Page): ExtensionPage {
  /** Polls in the page (puppeteer's waitForSelector trips over moz-extension navigations). */
  const waitFor = async (selector: string, timeoutMs = 10_000, visible = true): Promise<void> => {
    const sel = JSON.stringify(selector);
    const check = inPage(
      visible
        ? `const e = __q(${sel}); return !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';`
        : `return __q(${sel}) !== null;`,
    );
    const deadline = Date.now() + timeoutMs;
    let error = '';
    for (;;) {
      try {
        if (await withTimeout(page.evaluate(check) as Promise<boolean>, 5_000, 'checking the page')) return;
        error = '';
      } catch (e) {
        error = ` (${(e as Error).message})`;
      }
      if (Date.now() >= deadline) throw new Error(`no ${visible ? 'visible ' : ''}element matches ${selector} after ${timeoutMs} ms${error}`);
      await sleep(100);
    }
  };
  return {
    async screenshot(file: string): Promise<void> {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, await page.screenshot({ type: 'png', fullPage: true }));
    },
    /** A real mouse click (BiDi input actions, so it counts as a user gesture) at the element's centre. */
    async click(selector: string): Promise<void> {
      await waitFor(selector);
      const box = await evalJson<{ x: number; y: number } | null>(
        page,
        inPage(`const e = __q(${JSON.stringify(selector)}); if (!e) return null; e.scrollIntoView({ block: 'center', inline: 'center' }); const r = e.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 };`),
      );
      if (!box) throw new Error(`no element matches ${selector}`);
      await page.mouse.click(box.x, box.y);
    },
    async text(selector: string): Promise<string> {
      await waitFor(selector, 10_000, false);
      return evalJson<string>(page, inPage(`return __q(${JSON.stringify(selector)}).innerText;`));
    },
    evaluate: <T>(fn: string) => evalJson<T>(page, fn),
    waitFor: (selector: string, timeoutMs?: number) => waitFor(selector, timeoutMs),
    async close(): Promise<void> {
      if (!page.isClosed()) await page.close();
    },
  };
}

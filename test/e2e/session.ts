import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync } from 'node:fs';
import type { ExtensionSession } from './driver';
import type { Lab, Scenario } from '../lab/index';
import type { Config } from '../../src/model';
import { extensionCopy } from './extension-copy';
import { validateConfig } from '../../src/config/validate';
import { DEFAULT_SETTINGS } from '../../src/model';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS = join(ROOT, 'test-results');
export type BrowserName = 'chromium' | 'firefox';
/** The browsers the end-to-end tests run in (E2E_BROWSERS=chromium to run one). */
export const BROWSERS = (process.env.E2E_BROWSERS ?? 'chromium,firefox').split(',').map((b) => b.trim()).filter((b): b is BrowserName => b === 'chromium' || b === 'firefox');

/** Every address the lab's devices use, so the test copy of the extension holds host access to them. */
export function labHosts(lab: Lab): string[] {
  const hosts = new Set<string>([lab.dohIp, lab.dohHost]);
  for (const s of lab.scenarios) {
    if (s.box?.ip) hosts.add(s.box.ip);
    if (s.printer?.ip) hosts.add(s.printer.ip);
  }
  return [...hosts];
}

/** The built extension, loaded in a real browser pointed at the lab (DNS, trusted test CA). */
export async function openSession(browser: BrowserName, lab: Lab, opts: { headless?: boolean; withoutHosts?: string[] } = {}): Promise<ExtensionSession> {
  mkdirSync(RESULTS, { recursive: true });
  const dist = join(ROOT, 'dist', browser === 'chromium' ? 'chrome' : 'firefox');
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is not built: run npm run build`);
  const extensionDir = extensionCopy(dist, labHosts(lab).filter((h) => !opts.withoutHosts?.includes(h)));
  if (browser === 'chromium') {
    return launchChromium({ extensionDir, caCertPath: lab.caCertPath, headless: opts.headless ?? true, chromiumArgs: [`--host-resolver-rules=${lab.chromiumHostRules}`] });
  }
  return launchFirefox({ extensionDir, caCertPath: lab.caCertPath, firefoxPrefs: lab.firefoxPrefs });
}

/** A configuration holding the given scenarios' devices, each device id = its scenario id. */
export function configFor(lab: Lab, scenarios: Scenario[], settings: Partial<Config['settings']> = {}): Config {
  return {
    boxes: scenarios.filter((s) => s.box).map((s) => ({ ...s.box!, id: s.id })),
    printers: scenarios.filter((s) => s.printer).map((s) => ({ ...s.printer!, id: s.id })),
    settings: { dohUrl: lab.dohPublicUrl, intervalMinutes: 0, notifications: false, ...settings, ...Object.assign({}, ...scenarios.map((s) => s.settings ?? {})) },
  };
}

type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

/** Sends one message of the typed contract and unwraps the worker's envelope. */
export async function call<T>(session: ExtensionSession, msg: { type: string; [k: string]: unknown }): Promise<T> {
  const res = await session.message<Envelope<T>>(msg);
  if (!res || !res.ok) throw new Error(`${msg.type} failed: ${res ? res.error : 'no answer'}`);
  return res.value;
}

export const expected = (s: Scenario, browser: BrowserName): string => (browser === 'firefox' && s.expectFirefox) || s.expect;

/**
 * Splits scenarios into one set that can share a configuration (no two devices on the same
 * address: the options refuse that) and the rest, which run on their own.
 */
export function combinable(lab: Lab, scenarios: Scenario[]): { together: Scenario[]; alone: Scenario[] } {
  const together: Scenario[] = [];
  const alone: Scenario[] = [];
  for (const s of scenarios) {
    if (s.needs || s.settings) {
      alone.push(s);
      continue;
    }
    const { errors } = validateConfig(configFor(lab, [...together, s]), DEFAULT_SETTINGS);
    (errors.length ? alone : together).push(s);
  }
  return { together, alone };
}

/**
 * The built extension in a real browser pointed at the lab, with host access to every lab
 * scenario device AND every fleet printer (test/e2e/session.ts's openSession grants the
 * scenarios only). Used by the benchmarks and by the padlock audit's E2E test.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Lab } from '../lab/index';
import type { Fleet } from '../lab/fleet';
import type { ExtensionSession } from '../e2e/driver';
import { extensionCopy } from '../e2e/extension-copy';
import { labHosts, RESULTS, ROOT, type BrowserName } from '../e2e/session';
import { launchChromium } from '../e2e/chromium';
import { launchFirefox } from '../e2e/firefox';

export async function openFleetSession(browser: BrowserName, lab: Lab & { fleet?: Fleet }): Promise<ExtensionSession> {
  mkdirSync(RESULTS, { recursive: true });
  const dist = join(ROOT, 'dist', browser === 'chromium' ? 'chrome' : 'firefox');
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is not built: run npm run build`);
  const extensionDir = extensionCopy(dist, [...labHosts(lab), ...(lab.fleet?.hosts ?? [])]);
  if (browser === 'chromium') {
    return launchChromium({ extensionDir, caCertPath: lab.caCertPath, headless: true, chromiumArgs: [`--host-resolver-rules=${[lab.chromiumHostRules, lab.fleet?.chromiumHostRules].filter(Boolean).join(', ')}`] });
  }
  return launchFirefox({ extensionDir, caCertPath: lab.caCertPath, firefoxPrefs: lab.firefoxPrefs });
}

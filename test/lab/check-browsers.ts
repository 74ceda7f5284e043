/**
 * Manual check of the lab with real browsers: opens each scenario's main URL in headless
 * Chromium (--host-resolver-rules) and Firefox ESR (TRR through the lab's router DoH), with
 * the lab CA trusted in throwaway profiles, and prints what each browser reports.
 *   node --import tsx test/lab/check-browsers.ts
 * Not a test (it needs /usr/bin/chromium, /usr/bin/firefox-esr and certutil).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { startLab } from './index';
import type { Scenario } from './types';

const lab = await startLab();
const tmp = mkdtempSync(join(tmpdir(), 'lab-browsers-'));
const trust = (nssdb: string): void => {
  execFileSync('certutil', ['-N', '-d', `sql:${nssdb}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-d', `sql:${nssdb}`, '-t', 'C,,', '-n', 'iot-doctor-lab-ca', '-i', lab.caCertPath]);
};

function urlOf(s: Scenario): string | undefined {
  if (s.box) return s.box.hostname ? `https://${s.box.hostname}:${s.box.httpsPort ?? 443}/hw_proxy/hello` : `http://${s.box.ip}:${s.box.httpPort ?? 8069}/hw_proxy/hello`;
  if (s.printer) return `https://${s.printer.ip}:${s.printer.httpsPort ?? 443}/`;
  return undefined;
}
const targets = lab.scenarios.flatMap((s) => {
  const url = urlOf(s);
  return url ? [{ id: s.id, url }] : [];
});
const results = new Map<string, { chromium?: string; firefox?: string }>();
const note = (id: string, browser: 'chromium' | 'firefox', text: string): void => {
  results.set(id, { ...results.get(id), [browser]: text });
};
const short = (e: unknown): string => {
  const m = String((e as Error).message);
  return (
    /net::\w+/.exec(m)?.[0] ??
    /NS_ERROR_MODULE_SECURITY, (\w+)\)/.exec(m)?.[1] ??
    /NS_\w+/.exec(m)?.[0] ??
    (/Timeout|timed? ?out/i.test(m) ? 'timeout' : m.split('\n')[0]!.slice(0, 60))
  );
};

try {
  mkdirp(join(tmp, 'home/.pki/nssdb'));
  trust(join(tmp, 'home/.pki/nssdb'));
  const ctx = await chromium.launchPersistentContext(join(tmp, 'chromium'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    env: { ...process.env, HOME: join(tmp, 'home') },
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', `--host-resolver-rules=${lab.chromiumHostRules}`],
  });
  for (const t of targets) {
    const page = await ctx.newPage();
    try {
      note(t.id, 'chromium', `HTTP ${(await page.goto(t.url, { timeout: 4000 }))?.status()}`);
    } catch (e) {
      note(t.id, 'chromium', short(e));
    }
    await page.close();
  }
  await ctx.close();

  const profile = join(tmp, 'firefox');
  mkdirp(profile);
  trust(profile);
  const ff = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, userDataDir: profile, extraPrefsFirefox: lab.firefoxPrefs });
  for (const t of targets) {
    const page = await ff.newPage();
    try {
      note(t.id, 'firefox', `HTTP ${(await page.goto(t.url, { timeout: 4000 }))?.status()}`);
    } catch (e) {
      note(t.id, 'firefox', short(e));
    }
    await page.close();
  }
  await ff.close();
} finally {
  await lab.stop();
  rmSync(tmp, { recursive: true, force: true });
}

const w = Math.max(...targets.map((t) => t.id.length));
for (const t of targets) {
  const r = results.get(t.id) ?? {};
  console.log(`${t.id.padEnd(w)}  ${(r.chromium ?? '').padEnd(34)}  ${r.firefox ?? ''}`);
}

function mkdirp(dir: string): void {
  execFileSync('mkdir', ['-p', dir]);
}

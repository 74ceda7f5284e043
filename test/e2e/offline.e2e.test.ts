import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExtensionSession } from './driver';
import type { CheckResult, Config } from '../../src/model';
import { launchChromium } from './chromium';
import { extensionCopy } from './extension-copy';
import { BROWSERS, call, ROOT } from './session';

/**
 * A computer with no network at all: Chromium, started in a network namespace of our own that
 * has nothing but loopback, reports net::ERR_INTERNET_DISCONNECTED for every failed connection,
 * and the extension says so instead of blaming the box or the printer.
 * (Firefox is driven over a loopback socket that a separate namespace would cut; its
 * NS_ERROR_OFFLINE is covered by the unit tests of the error table.)
 */
const canNetns = ((): boolean => {
  try {
    execFileSync('ip', ['netns', 'list'], { stdio: 'ignore' });
    return process.getuid?.() === 0;
  } catch {
    return false;
  }
})();

const LAB_CASE = 'computer-offline';

describe.runIf(BROWSERS.includes('chromium') && canNetns)(`${LAB_CASE}: a computer with no network (chromium)`, () => {
  const ns = `iotd-offline-${process.pid}`;
  let session: ExtensionSession;

  beforeAll(async () => {
    execFileSync('ip', ['netns', 'add', ns]);
    execFileSync('ip', ['netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up']);
    const wrapper = join(mkdtempSync(join(tmpdir(), 'iotd-offline-')), 'chromium');
    writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${ns} /usr/bin/chromium "$@"\n`);
    chmodSync(wrapper, 0o755);
    const extensionDir = extensionCopy(join(ROOT, 'dist', 'chrome'), ['127.0.0.9', '127.0.0.27']);
    session = await launchChromium({ extensionDir, executablePath: wrapper });
  });
  afterAll(async () => {
    await session?.close();
    execFileSync('ip', ['netns', 'del', ns]);
  });

  it('says this computer is offline, for the box and the printer alike', async () => {
    const config: Config = {
      boxes: [{ id: 'box', ip: '127.0.0.9', hostname: '127-0-0-9.c0ffee42.odoo-iot.com' }],
      printers: [{ id: 'printer', ip: '127.0.0.27' }],
      settings: { dohUrl: '', intervalMinutes: 0, notifications: false },
    };
    await call(session, { type: 'saveConfig', config });
    const r = await call<CheckResult>(session, { type: 'checkNow' });
    expect(r.devices.map((d) => [d.deviceId, d.code])).toEqual([
      ['box', 'PC_OFFLINE'],
      ['printer', 'PC_OFFLINE'],
    ]);
    // What the browser itself said (measured: it calls some of these connections "refused").
    expect(r.devices.flatMap((d) => d.attempts.map((a) => (a.ok ? '' : a.raw)))).toContain('net::ERR_INTERNET_DISCONNECTED');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { startLab, type Lab } from '../lab/index';
import { startFakeOdoo, type FakeOdoo } from '../lab/odoo';
import { POS_HOST, POS_IPS, posCertificate, posShape } from '../lab/odoo-pos';
import type { CheckResult, Config } from '../../src/model';
import { launchChromium, type ChromiumSession } from './chromium';
import { extensionCopy } from './extension-copy';
import { BROWSERS, call, configFor, labHosts, RESULTS, ROOT } from './session';

/**
 * The POS checks in real Chromium 156, from the open POS tab of the lab's fake Odoo 19 served over
 * https under a name. `--ip-address-space-overrides` makes that page public and the lab devices
 * private, as a shop's Odoo Online POS and its LAN printers are. The page's Local Network Access
 * states are set as automation can (measured): Playwright's grantPermissions(['local-network-access'])
 * grants all three names, CDP Browser.setPermission sets each name on its own; a fresh profile
 * reads `prompt`. Each verdict is checked against what the POS page itself meets: the same call
 * Odoo makes in its LNA mode, fetched from the POS tab.
 *
 * The POS: receipt printer = the lab's self-signed printer in Odoo's LNA mode, kitchen printer =
 * the lab's trusted printer over https, IoT box = the box whose odoo-iot name the router drops,
 * in LNA mode. An http variant of the POS (Odoo 17, with configuration mistakes) is public too.
 */
const LAB = {
  noAccess: 'pos-no-access',
  prompt: 'pos-lna-prompt',
  ok: 'pos-ok',
  boxHttp: 'pos-box-ok-http',
  blocked: 'lna-blocked',
  tabClosed: 'pos-tab-closed',
  http: 'pos-http-blocked',
} as const;
const HTTP_HOST = `http-${POS_HOST}`;

describe.runIf(BROWSERS.includes('chromium'))('POS tab checks in chromium', () => {
  let lab: Lab;
  let https: FakeOdoo;
  let http: FakeOdoo;
  let session: ChromiumSession;
  let context: BrowserContext;
  let pos: Page;
  const dir = join(RESULTS, 'chromium');
  const ids = { receipt: 'printer-self-signed', kitchen: 'printer-ok', box: 'box-dns-blocked' };

  const check = () => call<CheckResult>(session, { type: 'checkNow' });
  const codes = (r: CheckResult) => Object.fromEntries(r.devices.map((d) => [d.deviceId, d.code]));
  let devtools: CDPSession;
  /** Measured: an override set by Browser.setPermission lasts as long as the DevTools session that set it. */
  const cdp = (name: string, setting: 'granted' | 'denied' | 'prompt') => devtools.send('Browser.setPermission', { permission: { name }, setting, origin: https.origin } as never);
  /** What the POS page meets: Odoo's LNA-mode call to the receipt printer, from the POS tab itself. */
  const posCall = () =>
    pos.evaluate(async (url) => {
      const body = '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><epos-print xmlns="http://www.epson-pos.com/schemas/2011/03/epos-print"/></s:Body></s:Envelope>';
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '""' }, body, targetAddressSpace: 'local' } as RequestInit);
        return `HTTP ${res.status}`;
      } catch (e) {
        return String(e);
      }
    }, `http://127.0.0.21:${lab.ports.printerHttp}/cgi-bin/epos/service.cgi?devid=local_printer&timeout=3000`);

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    lab = await startLab();
    const { https: httpsIp, http: httpIp } = POS_IPS;
    https = await startFakeOdoo({
      ip: httpsIp,
      port: 0,
      version: 19,
      host: POS_HOST,
      tls: await posCertificate(lab.dir, httpsIp),
      shape: posShape({ receipt: { address: '127.0.0.21', useLna: true }, printers: [{ name: 'Kitchen', address: '127.0.0.20' }], box: { ip: '127.0.0.14', useLna: true } }),
    });
    http = await startFakeOdoo({ ip: httpIp, port: 0, version: 17, host: HTTP_HOST });
    const port = (o: FakeOdoo) => new URL(o.origin).port;
    const { printerHttp, https: tls, boxHttp } = lab.ports;
    const overrides = [`${httpsIp}:${port(https)}=public`, `${httpIp}:${port(http)}=public`, `127.0.0.21:${printerHttp}=private`, `127.0.0.20:${tls}=private`, `127.0.0.14:${boxHttp}=private`];
    // Host access as if granted, plus "tabs" for discovery (headless Chromium cannot answer a permission prompt).
    const ext = extensionCopy(join(ROOT, 'dist', 'chrome'), [...labHosts(lab), POS_HOST, HTTP_HOST]);
    const manifest = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8')) as { permissions: string[] };
    manifest.permissions.push('tabs');
    writeFileSync(join(ext, 'manifest.json'), JSON.stringify(manifest, null, 2));
    session = (await launchChromium({
      extensionDir: ext,
      caCertPath: lab.caCertPath,
      chromiumArgs: [`--host-resolver-rules=MAP ${POS_HOST} ${httpsIp}, MAP ${HTTP_HOST} ${httpIp}, ${lab.chromiumHostRules}`, `--ip-address-space-overrides=${overrides.join(',')}`],
    })) as ChromiumSession;
    context = (session as unknown as { context: BrowserContext }).context;
    const config: Config = configFor(lab, [ids.box, ids.receipt, ids.kitchen].map((id) => lab.scenarios.find((s) => s.id === id)!));
    await call(session, { type: 'saveConfig', config });
    pos = await context.newPage();
    await pos.goto(`${https.origin}/pos/ui?config_id=1`);
    devtools = await context.newCDPSession(pos);
  });
  afterAll(async () => {
    await session?.close();
    await https?.stop();
    await http?.stop();
    await lab?.stop();
  });

  it(`${LAB.noAccess} -> ${LAB.prompt}: discovery suggests the site, Allow in the popup reads its POS tab`, async () => {
    const tabs = await call<Array<{ tabId: number; origin: string }>>(session, { type: 'findOdooTabs' });
    const tab = tabs.find((t) => t.origin === https.origin)!;
    expect((await call<{ ok: boolean }>(session, { type: 'discoverFromTab', tabId: tab.tabId })).ok).toBe(true);
    expect(codes(await check()).pos).toBe('POS_NO_ACCESS');
    const popup = await session.openPage('popup/index.html', { width: 420, height: 600 });
    await popup.click('[data-testid="device-pos"] .device-head');
    await popup.click('[data-testid="device-pos"] [data-action="pos-allow"]');
    await popup.waitFor(`[data-testid="device-pos"][data-code="POS_LNA_PROMPT"]`, 60_000);
    await popup.screenshot(join(dir, 'pos-lna-prompt.png'));
    await popup.close();
    const r = await check();
    expect(r.pos).toMatchObject({ origin: https.origin, access: true, live: true, scheme: 'https', secure: true, pageSpace: 'public', odooVersion: '19.0' });
    expect(r.pos!.lna).toEqual({ 'local-network-access': 'prompt', 'local-network': 'prompt', 'loopback-network': 'prompt' });
    expect(r.worst).toBe('warn');
  });

  it(`${LAB.ok} and ${LAB.boxHttp}: granted, each device judged on the path the POS uses`, async () => {
    await context.grantPermissions(['local-network-access'], { origin: https.origin });
    const r = await check();
    // LNA mode: http://IP, so the receipt printer's self-signed certificate does not matter; the
    // kitchen printer is reached over https and trusted; the box by IP although its name is blocked.
    expect(codes(r)).toMatchObject({ pos: 'POS_OK', [ids.receipt]: 'PRINTER_OK', [ids.kitchen]: 'PRINTER_OK', [ids.box]: 'BOX_OK_HTTP' });
    expect(r.pos!.lna).toEqual({ 'local-network-access': 'granted', 'local-network': 'granted', 'loopback-network': 'granted' });
    const path = (id: string) => r.pos!.paths.find((p) => p.deviceId === id)!;
    expect(path(ids.receipt)).toMatchObject({ path: 'lna-http', useLna: true });
    expect(path(ids.receipt).url).toMatch(/^http:\/\/127\.0\.0\.21(:\d+)?\/cgi-bin\/epos\/service\.cgi/);
    expect(path(ids.kitchen)).toMatchObject({ path: 'https-ip', useLna: false });
    expect(path(ids.box)).toMatchObject({ path: 'lna-http' });
    expect(await posCall()).toBe('HTTP 200');
  });

  it(`${LAB.blocked}: denied, the working printer is out of the POS's reach`, async () => {
    // Playwright's grant is an override of its own (Browser.grantPermissions): reset it first, or CDP's settings do not show.
    await context.clearPermissions();
    for (const name of ['local-network-access', 'local-network', 'loopback-network']) await cdp(name, 'denied');
    const r = await check();
    expect(codes(r)).toMatchObject({ pos: 'LNA_BLOCKED', [ids.receipt]: 'LNA_BLOCKED', [ids.kitchen]: 'LNA_BLOCKED', [ids.box]: 'LNA_BLOCKED' });
    expect(await posCall()).toMatch(/TypeError/);
    const popup = await session.openPage('popup/index.html', { width: 420, height: 600 });
    await popup.click('[data-testid="device-pos"] .device-head');
    await popup.waitFor('[data-testid="device-pos"] [data-testid="guide-pos-lna"]');
    await popup.screenshot(join(dir, 'pos-lna-blocked.png'));
    // The exact place to allow it: the Odoo site's own settings page.
    const opened = context.waitForEvent('page');
    await popup.click('[data-testid="device-pos"] [data-action="open-site-settings"]');
    expect((await opened).url()).toBe(`chrome://settings/content/siteDetails?site=${encodeURIComponent(https.origin)}`);
    await popup.close();
  });

  it("Odoo's own check disagrees: only the name Odoo reads is granted, and nothing goes through", async () => {
    await cdp('local-network-access', 'granted');
    const r = await check();
    expect(r.pos!.lna).toEqual({ 'local-network-access': 'granted', 'local-network': 'denied', 'loopback-network': 'denied' });
    expect(codes(r).pos).toBe('LNA_BLOCKED');
    expect(await posCall()).toMatch(/TypeError/);
    const report = await call<{ text: string; json: string }>(session, { type: 'getReport' });
    writeFileSync(join(dir, 'pos-report.txt'), report.text);
    expect(report.text).toContain(`Site:       ${https.origin}`);
    expect(report.text).toContain('Scheme:     https, secure context, page counts as public');
    expect(report.text).toContain('LNA:        local-network-access=granted, local-network=denied, loopback-network=denied (Odoo checks local-network-access only)');
    expect(report.text).toMatch(new RegExp(`${ids.receipt}: lna-http http://127\\.0\\.0\\.21\\S* \\(Odoo LNA mode\\) \\[loopback-network=denied\\]`));
    expect(JSON.parse(report.json).result.pos.paths).toHaveLength(3);
    const popup = await session.openPage('popup/index.html', { width: 420, height: 600 });
    await popup.click('[data-testid="support-toggle"]');
    await popup.waitFor('[data-testid="support-pos"]');
    expect(await popup.text('[data-testid="support-pos"]')).toContain('local-network-access=granted local-network=denied loopback-network=denied');
    await popup.screenshot(join(dir, 'pos-support.png'));
    await popup.close();
  });

  it(`${LAB.tabClosed} -> ${LAB.http}: an http POS on a public address, blocked whatever its devices do`, async () => {
    await context.clearPermissions();
    expect((await call<{ ok: boolean }>(session, { type: 'posWatch', origin: http.origin })).ok).toBe(true);
    expect(codes(await check()).pos).toBe('POS_TAB_CLOSED');
    const tab = await context.newPage();
    await tab.goto(`${http.origin}/pos/ui?config_id=1`);
    const r = await check();
    expect(r.pos).toMatchObject({ origin: http.origin, scheme: 'http', secure: false, pageSpace: 'public' });
    // A non-secure page can hold no LNA permission: Chromium reads every name as denied.
    expect(r.pos!.lna).toEqual({ 'local-network-access': 'denied', 'local-network': 'denied', 'loopback-network': 'denied' });
    expect(codes(r)).toMatchObject({ pos: 'POS_HTTP_BLOCKED', [ids.receipt]: 'POS_HTTP_BLOCKED', [ids.kitchen]: 'POS_HTTP_BLOCKED', [ids.box]: 'POS_HTTP_BLOCKED' });
    expect(r.pos!.paths.every((p) => p.path === 'http-ip')).toBe(true);
    const blocked = await tab.evaluate((url) => fetch(url, { method: 'POST', body: '<epos-print/>' }).then((res) => `HTTP ${res.status}`, (e) => String(e)), `http://127.0.0.21:${lab.ports.printerHttp}/cgi-bin/epos/service.cgi?devid=local_printer`);
    expect(blocked).toMatch(/TypeError/);
    await tab.close();
  });
});

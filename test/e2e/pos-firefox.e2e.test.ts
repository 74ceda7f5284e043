import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startLab, type Lab } from '../lab/index';
import { FAKE_ODOO, startFakeOdoo, type FakeOdoo } from '../lab/odoo';
import { POS_HOST, POS_IPS, posCertificate, posShape } from '../lab/odoo-pos';
import type { CheckResult, Config } from '../../src/model';
import type { ExtensionPage } from './driver';
import { launchFirefox, type FirefoxSession } from './firefox';
import { extensionCopy } from './extension-copy';
import { BROWSERS, call, configFor, labHosts, RESULTS, ROOT } from './session';
import { sleep } from './util';

/**
 * The POS checks in real Firefox ESR 153, which has no `local-network-access` (the name Odoo
 * checks: the query throws) and reads `prompt` for the two newer names. Access to the Odoo site
 * is granted at runtime by the popup's Allow click (prompts off: the grant proves the request
 * runs inside the click). An https POS (Odoo 19 in LNA mode): Odoo cannot use its LNA mode here,
 * so the printer's certificate is what the POS meets. An http POS on a name (Odoo 17, with the
 * usual configuration mistakes): insecure, but not blocked in this browser.
 */
const LAB = {
  noAccess: 'pos-no-access',
  unsupported: 'pos-lna-unsupported',
  insecure: 'pos-http-insecure',
  epson: 'pos-epson-address',
  noIp: 'pos-printer-no-ip',
  isBox: 'pos-printer-is-box',
  boxIp: 'pos-box-ip-mismatch',
  missing: 'pos-devices-missing',
} as const;
/** The POS's receipt printer in the http variant: no device listens there, and the extension has no access to it yet. */
const RECEIPT = '127.0.0.46';

describe.runIf(BROWSERS.includes('firefox'))('POS tab checks in firefox', () => {
  let lab: Lab;
  let https: FakeOdoo;
  let http: FakeOdoo;
  let session: FirefoxSession;
  const dir = join(RESULTS, 'firefox');
  const receipt = 'printer-self-signed';

  const check = () => call<CheckResult>(session, { type: 'checkNow' });
  const codes = (r: CheckResult) => Object.fromEntries(r.devices.map((d) => [d.deviceId, d.code]));
  const granted = async () => (await session.evaluateInBackground<{ origins: string[] }>('browser.permissions.getAll()')).origins;
  const popup = async (): Promise<ExtensionPage> => {
    const p = await session.openPage('popup/index.html', { width: 420, height: 600 });
    await p.waitFor('[data-testid="check-again"]');
    return p;
  };

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    lab = await startLab();
    https = await startFakeOdoo({
      ip: POS_IPS.https,
      port: 0,
      version: 19,
      tls: await posCertificate(lab.dir, POS_IPS.https),
      shape: posShape({ receipt: { address: '127.0.0.21', useLna: true }, printers: [{ name: 'Kitchen', address: '127.0.0.20', useLna: false }] }),
    });
    // Firefox resolves through the lab's DoH only; network.dns.localDomains maps this one name to 127.0.0.1.
    http = await startFakeOdoo({
      ip: '127.0.0.1',
      port: 0,
      version: 17,
      host: POS_HOST,
      shape: posShape({
        receipt: { address: RECEIPT },
        printers: [
          { name: 'Bar', address: FAKE_ODOO.badEpsonAddress },
          { name: 'Terrace', address: false },
          { name: 'Counter', address: '127.0.0.16' },
          { name: 'Self-signed', address: '127.0.0.21' },
        ],
        box: { ip: '127.0.0.16', nameIp: '127.0.0.17' },
      }),
    });
    session = await launchFirefox({
      extensionDir: extensionCopy(join(ROOT, 'dist', 'firefox'), labHosts(lab)),
      caCertPath: lab.caCertPath,
      firefoxPrefs: { ...lab.firefoxPrefs, 'network.dns.localDomains': POS_HOST },
    });
    const config: Config = configFor(lab, [lab.scenarios.find((s) => s.id === receipt)!]);
    await call(session, { type: 'saveConfig', config });
  });
  afterAll(async () => {
    await session?.close();
    await https?.stop();
    await http?.stop();
    await lab?.stop();
  });

  it(`${LAB.noAccess} -> ${LAB.unsupported}: Allow grants the site in the click; Odoo's LNA mode cannot apply here`, async () => {
    await session.openUrl(`${https.origin}/pos/ui?config_id=1`);
    expect((await call<{ ok: boolean }>(session, { type: 'posWatch', origin: https.origin })).ok).toBe(true);
    expect(codes(await check()).pos).toBe('POS_NO_ACCESS');
    expect(await granted()).not.toContain(`https://${POS_IPS.https}/*`);
    const page = await popup();
    await page.click('[data-testid="device-pos"] .device-head');
    await page.click('[data-testid="device-pos"] [data-action="pos-allow"]');
    await page.waitFor('[data-testid="device-pos"][data-code="POS_LNA_UNSUPPORTED"]', 60_000);
    await page.click('[data-testid="device-pos"] .device-head');
    await page.screenshot(join(dir, 'pos-lna-unsupported.png'));
    await page.close();
    expect(await granted()).toContain(`https://${POS_IPS.https}/*`);
    const r = await check();
    expect(r.pos).toMatchObject({ origin: https.origin, access: true, live: true, scheme: 'https', secure: true, odooVersion: '19.0' });
    expect(r.pos!.lna).toEqual({ 'local-network-access': 'unsupported', 'local-network': 'prompt', 'loopback-network': 'prompt' });
    // Odoo is in LNA mode for this printer, but not in this browser: the POS calls https, so its certificate matters.
    expect(r.pos!.paths).toEqual([expect.objectContaining({ deviceId: receipt, path: 'https-ip', useLna: true })]);
    expect(codes(r)[receipt]).toBe('PRINTER_CERT_UNTRUSTED');
  });

  it(`${LAB.insecure}, ${LAB.epson}, ${LAB.noIp}, ${LAB.isBox}, ${LAB.boxIp}: an http POS on a name, and every mistake of its configuration`, async () => {
    await session.grantHostPermissions([`http://${POS_HOST}/*`]);
    await session.openUrl(`${http.origin}/pos/ui?config_id=1`);
    await call(session, { type: 'posWatch', origin: http.origin });
    const r = await check();
    expect(r.pos).toMatchObject({ origin: http.origin, scheme: 'http', secure: false, pageSpace: 'public', odooVersion: '17.0' });
    const rows = r.devices.filter((d) => d.kind === 'pos').map((d) => [d.code, d.label, d.facts]);
    expect(rows).toEqual([
      ['POS_HTTP_INSECURE', `${POS_HOST}:${new URL(http.origin).port}`, { origin: http.origin }],
      ['POS_EPSON_ADDRESS', 'Bar', { name: 'Bar', address: FAKE_ODOO.badEpsonAddress }],
      ['POS_PRINTER_NO_IP', 'Terrace', { name: 'Terrace' }],
      ['POS_PRINTER_IS_BOX', 'Counter', { name: 'Counter', address: '127.0.0.16' }],
      ['POS_BOX_IP_MISMATCH', 'IoT Box Shop', { name: 'IoT Box Shop', ip: '127.0.0.16', nameIp: '127.0.0.17' }],
      ['POS_DEVICES_MISSING', `${POS_HOST}:${new URL(http.origin).port}`, { count: '1', addresses: RECEIPT }],
    ]);
    // From an http page the POS calls http://IP: the self-signed certificate is not in the way in this browser.
    expect(codes(r)[receipt]).toBe('PRINTER_OK');
    expect(r.pos!.paths).toEqual([expect.objectContaining({ deviceId: receipt, path: 'http-ip' })]);
    expect(r.worst).toBe('error');
    const page = await popup();
    await page.screenshot(join(dir, 'pos-config-rows.png'));
    await page.close();
  });

  it(`${LAB.missing}: "Add them" adds the POS's devices and asks for their access in the click`, async () => {
    expect(await granted()).not.toContain(`http://${RECEIPT}/*`);
    const page = await popup();
    const row = '[data-testid^="device-pos-"][data-code="POS_DEVICES_MISSING"]';
    await page.click(`${row} .device-head`);
    await page.click(`${row} [data-action="pos-add-missing"]`);
    for (let i = 0; i < 100 && !(await call<Config>(session, { type: 'getConfig' })).printers.some((p) => p.ip === RECEIPT); i++) await sleep(100);
    expect((await call<Config>(session, { type: 'getConfig' })).printers.map((p) => p.ip)).toEqual(['127.0.0.21', RECEIPT]);
    expect(await granted()).toEqual(expect.arrayContaining([`http://${RECEIPT}/*`, `https://${RECEIPT}/*`]));
    await page.close();
    const r = await check();
    expect(r.devices.map((d) => d.code)).not.toContain('POS_DEVICES_MISSING');
  });
});

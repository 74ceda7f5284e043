import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import { startLab, type Lab } from '../lab/index';
import type { ExtensionSession } from './driver';
import type { CheckResult } from '../../src/model';
import { BROWSERS, call, configFor, openSession, RESULTS } from './session';
import { sleep } from './util';

/** The certificate a lab printer really serves, read with node's TLS (not through the browser). */
function servedCert(ip: string, port: number): Promise<X509Certificate> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: ip, port, rejectUnauthorized: false }, () => {
      const raw = socket.getPeerCertificate(true).raw;
      socket.end();
      resolve(new X509Certificate(raw));
    });
    socket.on('error', reject);
  });
}

/**
 * Firefox shows an extension the certificate of a connection the user accepted: the popup
 * shows who it names, until when, its fingerprint, and saves it as a .crt whose fingerprint is
 * the printer's own.
 */
describe.runIf(BROWSERS.includes('firefox'))('certificate toolkit in firefox', () => {
  let lab: Lab;
  let session: ExtensionSession;

  beforeAll(async () => {
    lab = await startLab();
    session = await openSession('firefox', lab);
  });
  afterAll(async () => {
    await session?.close();
    await lab?.stop();
  });

  it('reads, shows and saves the certificate of a printer the user accepted', async () => {
    const s = lab.scenarios.find((x) => x.id === 'printer-self-signed')!;
    const ip = s.printer!.ip;
    // The user opens the printer, "Advanced..." then "Accept the Risk and Continue".
    const warning = await session.openUrl(`https://${ip}/`);
    await warning.waitFor('#advanced-button');
    await warning.click('#advanced-button');
    await warning.waitFor('#exception-button');
    // Firefox enables "Proceed to <IP> (Risky)" a moment after it appears.
    const disabled = `(() => { const find = (root) => root.querySelector('#exception-button') || [...root.querySelectorAll('*')].map((e) => e.shadowRoot && find(e.shadowRoot)).find(Boolean); return find(document).disabled; })()`;
    for (let i = 0; i < 100 && (await warning.evaluate<boolean>(disabled)); i++) await sleep(100);
    await warning.click('#exception-button');
    // The printer's own page loads once the exception is stored.
    for (let i = 0; i < 50 && !(await warning.evaluate<string>('location.href')).startsWith(`https://${ip}`); i++) await sleep(100);
    await sleep(500);
    await warning.close();

    await call(session, { type: 'saveConfig', config: configFor(lab, [s]) });
    const result = await call<CheckResult>(session, { type: 'checkNow' });
    const d = result.devices[0]!;
    expect(d.code).toBe('PRINTER_OK');
    const served = await servedCert(ip, lab.ports.https);
    expect(d.cert).toMatchObject({ source: 'browser', exception: true, sha256: served.fingerprint256 });
    expect(d.cert?.notAfter?.slice(0, 10)).toBe(new Date(served.validTo).toISOString().slice(0, 10));

    const page = await session.openPage('popup/index.html', { width: 420, height: 600 });
    await page.waitFor(`[data-testid="device-${s.id}"]`);
    await page.click(`[data-testid="device-${s.id}"] button.device-head`);
    await page.waitFor('[data-testid="cert-details"]');
    expect(await page.text('[data-testid="cert-sha256"]')).toBe(served.fingerprint256);
    await page.screenshot(join(RESULTS, 'firefox', 'popup-cert-details.png'));
    // Catch what the download button saves, as the browser would write it to disk.
    await page.evaluate(`(() => { window.__saved = []; const create = URL.createObjectURL; URL.createObjectURL = (b) => { window.__saved.push(b); return create(b); }; return true; })()`);
    await page.click('[data-testid="download-cert"]');
    const pem = await page.evaluate<string>(`window.__saved[0].text()`);
    expect(new X509Certificate(pem).fingerprint256).toBe(served.fingerprint256);
    await page.close();
  });
});

/**
 * Smoke test of the Firefox driver (test/e2e/firefox.ts) against the BUILT extension in
 * dist/firefox (build it first: TARGET=firefox npx vite build). Builds nothing itself.
 *
 * Two loopback HTTPS servers: one with a certificate from a test CA that only this Firefox
 * profile trusts, one self-signed. The background must reach the first and fail on the
 * second, with webRequest.onErrorOccurred giving Firefox's (English, not NS_*) reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import forge from 'node-forge';
import { launchFirefox, type FirefoxSession } from './firefox';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'dist', 'firefox');
const RESULTS = join(ROOT, 'test-results');
const TRUSTED_IP = '127.0.0.201';
const UNTRUSTED_IP = '127.0.0.202';

interface KeyCert {
  key: string;
  cert: string;
}

/** An RSA certificate (keys from node:crypto, fast), signed by `issuer` or by itself. */
function makeCert(cn: string, ips: string[], issuer?: KeyCert & { subject: forge.pki.CertificateField[] }, isCa = false): KeyCert & { subject: forge.pki.CertificateField[] } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(12))}`;
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 30 * 86_400_000);
  const subject = [{ name: 'commonName', value: cn }];
  cert.setSubject(subject);
  cert.setIssuer(issuer?.subject ?? subject);
  cert.setExtensions(
    isCa
      ? [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }, { name: 'subjectKeyIdentifier' }]
      : [{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, keyEncipherment: true }, { name: 'extKeyUsage', serverAuth: true }, { name: 'subjectAltName', altNames: ips.map((ip) => ({ type: 7, ip })) }],
  );
  cert.sign(forge.pki.privateKeyFromPem(issuer?.key ?? privateKey), forge.md.sha256.create());
  return { key: privateKey, cert: forge.pki.certificateToPem(cert), subject };
}

function listen(kc: KeyCert, host: string): Promise<Server> {
  const server = createServer({ key: kc.key, cert: kc.cert }, (req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
    res.end(`hello from ${host}`);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve(server));
  });
}

/** Processes still running (not zombies) that belong to `pgid` or mention `text` in their command line. */
function leftovers(pgid: number | undefined, text: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z' || state === 'X') continue;
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (Number(pgrp) === pgid || cmd.includes(text)) found.push(`${name} ${cmd.slice(0, 120)}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describe('Firefox ESR driver smoke test', () => {
  let tmp: string;
  let trusted: Server;
  let untrusted: Server;
  let trustedUrl: string;
  let untrustedUrl: string;
  let session: FirefoxSession | undefined;
  let launchMs = 0;
  let pid: number | undefined;
  let profileDir = '';
  const version = (JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { version: string }).version;

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'manifest.json'))) throw new Error(`${DIST} is not built: run TARGET=firefox npx vite build`);
    mkdirSync(RESULTS, { recursive: true });
    tmp = mkdtempSync(join(tmpdir(), 'iot-doctor-ff-smoke-'));
    const ca = makeCert('IoT Doctor smoke-test CA', [], undefined, true);
    writeFileSync(join(tmp, 'ca.crt'), ca.cert);
    trusted = await listen(makeCert(TRUSTED_IP, [TRUSTED_IP], ca), TRUSTED_IP);
    untrusted = await listen(makeCert(UNTRUSTED_IP, [UNTRUSTED_IP]), UNTRUSTED_IP);
    trustedUrl = `https://${TRUSTED_IP}:${(trusted.address() as AddressInfo).port}/`;
    untrustedUrl = `https://${UNTRUSTED_IP}:${(untrusted.address() as AddressInfo).port}/`;

    const t0 = Date.now();
    session = await launchFirefox({
      extensionDir: DIST,
      caCertPath: join(tmp, 'ca.crt'),
      // Runtime grant of optional host permissions, as the user does per device.
      grantHostPermissions: [`https://${TRUSTED_IP}/*`, `https://${UNTRUSTED_IP}/*`],
    });
    launchMs = Date.now() - t0;
    pid = session.pid;
    profileDir = session.profileDir;
    console.log(`Firefox launched with the extension in ${launchMs} ms: ${JSON.stringify(session.launchPhases)}`);
  }, 300_000);

  afterAll(async () => {
    await session?.close().catch(() => undefined);
    trusted?.close();
    untrusted?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('launches within a minute', () => {
    expect(session?.baseUrl).toMatch(/^moz-extension:\/\/[0-9a-f-]{36}\/$/);
    expect(launchMs).toBeLessThan(60_000);
  });

  it('answers ping with the version', async () => {
    const t0 = Date.now();
    expect(await session!.message({ type: 'ping' })).toEqual({ ok: true, value: { version } });
    console.log(`ping round trip ${Date.now() - t0} ms`);
  });

  it('opens the popup and screenshots it', async () => {
    const file = join(RESULTS, 'firefox-smoke-popup.png');
    rmSync(file, { force: true });
    const page = await session!.openPage('popup/index.html', { width: 420, height: 600 });
    await page.waitFor('#app > *', 20_000);
    expect(await page.evaluate<string>('location.href')).toBe(`${session!.baseUrl}popup/index.html`);
    expect(await page.evaluate<string>('typeof browser.runtime.sendMessage')).toBe('function');
    expect((await page.text('#app')).length).toBeGreaterThan(0);
    await page.screenshot(file);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(420); // IHDR width
    expect(statSync(file).size).toBeGreaterThan(1000);
    await page.close();
  });

  it('holds the granted optional host permissions', async () => {
    const page = await session!.openPage('popup/index.html');
    const perms = await page.evaluate<{ origins: string[] }>('browser.permissions.getAll()');
    expect(perms.origins).toEqual(expect.arrayContaining([`https://${TRUSTED_IP}/*`, `https://${UNTRUSTED_IP}/*`]));
    await page.close();
  });

  it('trusts the test CA in this profile: the background fetches the CA-signed server', async () => {
    const text = await session!.evaluateInBackground<string>(`fetch(${JSON.stringify(trustedUrl)}).then((r) => r.text())`);
    expect(text).toBe(`hello from ${TRUSTED_IP}`);
  });

  it('a background fetch to a self-signed server fails and webRequest.onErrorOccurred tells why', async () => {
    const probe = `${untrustedUrl}?probe=${Date.now()}`;
    const r = await session!.evaluateInBackground<{ fetch: string; events: { url: string; error: string; tabId: number }[] }>(`(async () => {
      const events = [];
      const listener = (d) => events.push({ url: d.url, error: d.error, tabId: d.tabId });
      browser.webRequest.onErrorOccurred.addListener(listener, { urls: [${JSON.stringify(`https://${UNTRUSTED_IP}/*`)}] });
      let outcome;
      try { outcome = 'answered ' + (await fetch(${JSON.stringify(probe)})).status; } catch (e) { outcome = 'rejected: ' + e.message; }
      for (let i = 0; i < 20 && !events.some((e) => e.url === ${JSON.stringify(probe)}); i++) await new Promise((r) => setTimeout(r, 50));
      browser.webRequest.onErrorOccurred.removeListener(listener);
      return { fetch: outcome, events };
    })()`);
    expect(r.fetch).toMatch(/^rejected: NetworkError/);
    const event = r.events.find((e) => e.url === probe);
    expect(event, JSON.stringify(r.events)).toBeDefined();
    expect(event!.tabId).toBe(-1); // the background's own request
    // Firefox gives TLS failures as English sentences, network failures as NS_ERROR_* codes.
    expect(event!.error).toBe('The certificate is not trusted because it is self-signed.');
  });

  it('opens the certificate warning page for an ordinary URL', async () => {
    const page = await session!.openUrl(untrustedUrl);
    expect(await page.evaluate<string>('document.documentURI')).toMatch(/^about:certerror\?e=nssBadCert/);
    await page.screenshot(join(RESULTS, 'firefox-smoke-certerror.png'));
    await page.close();
  });

  it('closes cleanly: no Firefox process left, throwaway profile removed', async () => {
    const t0 = Date.now();
    await session!.close();
    console.log(`Firefox closed in ${Date.now() - t0} ms`);
    session = undefined;
    expect(pid).toBeTypeOf('number');
    expect(leftovers(pid, profileDir)).toEqual([]);
    expect(existsSync(profileDir)).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { startLab, type Lab } from '../lab/index';
import type { ExtensionSession } from './driver';
import type { CheckResult } from '../../src/model';
import { launchChromium } from './chromium';
import { extensionCopy } from './extension-copy';
import { call, configFor, labHosts, RESULTS, ROOT } from './session';
import { sleep } from './util';

/**
 * PRIVACY.md promises that the extension talks to the user's own devices and, for the
 * DNS-over-HTTPS lookup, to the configured resolver only. A full run on the lab (every plain
 * scenario, so the name lookup AND the trusted-clock lookup both happen; then the popup,
 * options, audit and privacy pages) is watched three ways:
 * - Chromium's net log (--log-net-log): every URL request with who asked for it (the
 *   extension's origin for the worker, pages and offscreen document), and every socket of
 *   the whole browser;
 * - Playwright's request events (the worker and the pages), which name who asked;
 * - the lab's own request logs, which show the lookups reached the configured resolver.
 * The DoH setting names the resolver by a host name (the lab's DoH server), so "the DoH host"
 * is a real name here, resolved like any other by --host-resolver-rules, whose catch-all
 * (MAP * ~NOTFOUND) keeps any other name from ever resolving.
 *
 * The session is openSession's (test/e2e/session.ts) plus the net log flag, which
 * openSession has no way to pass.
 */

type NetEvent = { type: number; source: { id: number; type: number }; phase: number; params?: Record<string, unknown> };

/** Reads a net log, also one Chromium did not get to close (its last event cut off). */
function readNetLog(file: string): { events: NetEvent[]; type: (name: string) => number | undefined } {
  let text = readFileSync(file, 'utf8').trimEnd();
  if (!text.endsWith('}')) {
    text = text.replace(/,?\s*$/, '');
    const lastClose = text.lastIndexOf('}');
    text = `${text.slice(0, lastClose + 1)}]}`;
  } else if (!/\]\s*(,\s*"polledData"[\s\S]*)?\}$/.test(text)) {
    text = `${text}]}`;
  }
  const log = JSON.parse(text) as { constants: { logEventTypes: Record<string, number> }; events: NetEvent[] };
  return { events: log.events ?? [], type: (name) => log.constants.logEventTypes[name] };
}

const isLoopback = (host: string): boolean => /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '[::1]' || host === 'localhost';

describe('egress: a full run in Chromium on the lab talks only to the lab and the configured DoH resolver', () => {
  let lab: Lab;
  let session: ExtensionSession | undefined;
  let netLog: string;
  let dohUrl: URL;
  let labNames: Set<string>;
  const seen: Array<{ url: string; by: string }> = [];
  let result: CheckResult;
  let privacyText = '';
  let privacySetting = '';

  beforeAll(async () => {
    lab = await startLab({ waitMs: 120_000 });
    dohUrl = new URL(lab.dohPublicUrl);
    dohUrl.hostname = lab.dohHost; // https://doh.lab.iot-doctor.test/public/dns-query
    // Every name the lab's resolver rules answer (or refuse on purpose, as a blocking router does).
    labNames = new Set([...lab.chromiumHostRules.matchAll(/MAP (\S+) /g)].map((m) => m[1]!.toLowerCase()).filter((n) => n !== '*'));
    netLog = join(mkdtempSync(join(tmpdir(), 'iot-doctor-netlog-')), 'netlog.json');

    const dist = join(ROOT, 'dist', 'chrome');
    if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is not built: run npm run build`);
    session = await launchChromium({
      extensionDir: extensionCopy(dist, labHosts(lab)),
      caCertPath: lab.caCertPath,
      chromiumArgs: [`--host-resolver-rules=${lab.chromiumHostRules}`, `--log-net-log=${netLog}`, '--net-log-capture-mode=Default'],
    });
    const context = (session as unknown as { context?: BrowserContext }).context;
    context?.on('request', (r) => seen.push({ url: r.url(), by: r.serviceWorker() ? 'service worker' : (r.frame()?.url() ?? 'page') }));

    // Every plain scenario whose box is not already configured under the same IP or name (the
    // options refuse duplicates), so both DoH lookups happen: box-dns-blocked and the expired certificates.
    const ips = new Set<string>();
    const plain = lab.scenarios.filter((s) => {
      if (s.needs || s.settings) return false;
      const keys = [s.box?.ip, s.box?.hostname, s.printer?.ip].filter((k): k is string => !!k);
      if (keys.some((k) => ips.has(k))) return false;
      keys.forEach((k) => ips.add(k));
      return true;
    });
    expect(plain.map((s) => s.id)).toEqual(expect.arrayContaining(['box-dns-blocked', 'box-cert-expired', 'printer-expired']));
    const saved = await call<{ ok: boolean; errors?: string[] }>(session, { type: 'saveConfig', config: configFor(lab, plain, { dohUrl: dohUrl.href }) });
    expect(saved.errors ?? []).toEqual([]);
    result = await call<CheckResult>(session, { type: 'checkNow' });

    for (const path of ['popup/index.html', 'options/index.html', 'audit/index.html', 'privacy/index.html']) {
      const page = await session.openPage(path, { width: 1000, height: 800 });
      await sleep(1500); // let each page ask the worker and render
      if (path.startsWith('privacy/')) {
        await page.waitFor('[data-testid="doh-setting"] span');
        privacyText = await page.text('body');
        privacySetting = await page.text('[data-testid="doh-setting"]');
      }
      await page.close();
    }
  });

  afterAll(async () => {
    await session?.close(); // also writes the end of the net log
    await lab?.stop();
  });

  it('ran the whole lab, including both DoH lookups (the box name, and odoo-iot.com for the clock)', () => {
    expect(result.devices.length).toBeGreaterThan(20);
    const doh = lab.requests(lab.dohIp).filter((r) => r.path.startsWith(dohUrl.pathname));
    expect(doh.length, 'DoH questions that reached the configured resolver').toBeGreaterThanOrEqual(2);
  });

  it('the privacy page renders every text and shows the configured resolver', () => {
    expect(privacyText).not.toMatch(/\bprivacy_[a-z_]+\b/);
    expect(privacyText).toContain('dns.google/dns-query'); // the default, named in the text
    expect(privacySetting).toContain(dohUrl.href);
  });

  it("every request the extension makes, and every connection of the browser, stays on the lab", async () => {
    await session?.close(); // the net log is complete once Chromium has exited
    session = undefined;
    const { events, type } = readNetLog(netLog);
    const urlStart = type('URL_REQUEST_START_JOB');
    expect(urlStart, 'net log event types').toBeDefined();
    const requests = events.filter((e) => e.type === urlStart && typeof e.params?.url === 'string').map((e) => ({ url: e.params!.url as string, initiator: String(e.params!.initiator ?? '') }));
    const network = requests.filter((r) => /^(https?|wss?|ftp):/i.test(r.url));
    // The net log names who asked: the extension's own origin, or "not an origin" for
    // Chromium's background services (component updater, time, accounts), which are not ours.
    const ours = network.filter((r) => r.initiator.startsWith('chrome-extension://'));
    const browserOwn = network.filter((r) => !r.initiator.startsWith('chrome-extension://'));

    const tcp = new Set([type('TCP_CONNECT_ATTEMPT'), type('TCP_CONNECT'), type('TCP_CONNECT_JOB_CONNECTOR_CONNECT_START')]);
    const udp = new Set([type('UDP_CONNECT')]);
    const addressesOf = (set: Set<number | undefined>): string[] => [
      ...new Set(
        events
          .filter((e) => set.has(e.type) && e.params)
          .flatMap((e) => [e.params!.address, e.params!.remote_address, ...((e.params!.address_list as string[] | undefined) ?? [])])
          .filter((a): a is string => typeof a === 'string'),
      ),
    ];
    const tcpAddresses = addressesOf(tcp);
    const udpAddresses = addressesOf(udp);
    writeFileSync(join(RESULTS, 'egress.json'), JSON.stringify({ ours: [...new Set(ours.map((r) => r.url))], browserOwn, tcpAddresses, udpAddresses, playwright: seen }, null, 2));
    console.log(
      `egress: ${ours.length} requests by the extension, ${tcpAddresses.length} TCP endpoints, all on the lab; Chromium's own background requests, which the resolver catch-all kept from connecting:\n  ${[...new Set(browserOwn.map((r) => new URL(r.url).origin))].join('\n  ') || '(none)'}`,
    );

    const allowedHost = (host: string): boolean => isLoopback(host) || host === dohUrl.hostname || labNames.has(host);
    expect(ours.length).toBeGreaterThan(20);
    expect(ours.filter((r) => !allowedHost(new URL(r.url).hostname.toLowerCase())).map((r) => r.url), 'extension requests outside the lab (see test-results/egress.json)').toEqual([]);
    // The DoH host only ever for the configured resolver URL, and that URL was used.
    const toDoh = ours.filter((r) => new URL(r.url).hostname === dohUrl.hostname).map((r) => new URL(r.url));
    expect(toDoh.filter((u) => `${u.origin}${u.pathname}` !== `${dohUrl.origin}${dohUrl.pathname}`).map(String)).toEqual([]);
    expect(toDoh.length, 'requests to the configured DoH URL').toBeGreaterThanOrEqual(2);
    // Nothing but the extension and Chromium itself asked for anything (no web page was open).
    expect(browserOwn.filter((r) => r.initiator && r.initiator !== 'not an origin')).toEqual([]);
    // The catch-all: no TCP connection of the whole browser left 127.0.0.0/8 ...
    expect(tcpAddresses.filter((a) => !/^127\.\d+\.\d+\.\d+:\d+$/.test(a)), 'TCP connections outside 127.0.0.0/8').toEqual([]);
    // ... and no UDP socket either, but for Chromium's IPv6 reachability probe: a connect() to
    // Google's public DNS address that only picks a route and sends no packet.
    const PROBE = new Set(['[2001:4860:4860::8888]:443', '8.8.8.8:443']);
    expect(udpAddresses.filter((a) => !/^127\.\d+\.\d+\.\d+:\d+$/.test(a) && !PROBE.has(a)), 'UDP sockets outside 127.0.0.0/8').toEqual([]);
  });

  it('what Playwright saw the worker and the pages ask for is on the lab too', () => {
    const outside = seen.filter(({ url }) => /^(https?|wss?):/i.test(url)).filter(({ url }) => {
      const host = new URL(url).hostname.toLowerCase();
      return !(isLoopback(host) || host === dohUrl.hostname || labNames.has(host));
    });
    expect(seen.some(({ by }) => by === 'service worker'), 'the worker requests are observed').toBe(true);
    expect(outside).toEqual([]);
  });
});

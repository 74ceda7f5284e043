import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startLab, type Lab } from '../lab/index';
import { fleetExpect, type Fleet, type FleetPrinter } from '../lab/fleet';
import { openFleetSession } from '../bench/browser';
import type { ExtensionPage, ExtensionSession } from './driver';
import { BROWSERS, call, configFor, RESULTS } from './session';
import { BOM, parseCsv } from '../../src/report/csv';
import { loadMessages } from '../dev/pages';
import { sleep } from './util';

/**
 * The padlock audit of the real extension over a lab fleet of 50 printers and two boxes, in
 * real Chromium and Firefox: "Re-check all" clicked in the page (twice: certificates are
 * regenerated between the two checks), every row's padlock, the CSV the page saves, the fix
 * guide dialog, sorting and filtering, axe, one request at a time per printer, and screenshots
 * in light and dark (test-results/<browser>/audit-*.png).
 */
const FLEET = 50;
const BOXES = { 'box-19-ok': { code: 'BOX_OK', padlock: 'trusted' }, 'box-cert-expired': { code: 'BOX_CERT_EXPIRED', padlock: 'expired' } } as const;
const SIZE = { width: 1440, height: 900 };
const en = loadMessages('en');
const msg = (key: string): string => en[key]!.message;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface RowSeen {
  id: string;
  padlock: string;
  code: string;
  state: string;
  text: string;
}

const readRows = (page: ExtensionPage) =>
  page.evaluate<RowSeen[]>(
    `[...document.querySelectorAll('tr[data-testid^="audit-row-"]')].map((tr) => ({ id: tr.dataset.testid.slice(10), padlock: tr.dataset.padlock, code: tr.dataset.code, state: tr.dataset.state, text: tr.innerText }))`,
  );

async function until(page: ExtensionPage, expression: string, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await page.evaluate<boolean>(expression).catch(() => false)) return;
    await sleep(150);
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

/** Clicks "Re-check all" and waits for the end, noting the progress values the bar showed. */
async function recheckAll(page: ExtensionPage): Promise<number[]> {
  await page.click('[data-testid="recheck"]');
  const seen: number[] = [];
  const end = Date.now() + 120_000;
  for (;;) {
    const s = await page.evaluate<{ running: boolean; value: number | null; checking: number }>(
      `(() => { const p = document.querySelector('[data-testid="progress"]'); return { running: document.querySelector('[data-testid="recheck"]').getAttribute('aria-disabled') === 'true', value: p && p.hasAttribute('value') ? p.value : null, checking: document.querySelectorAll('tr[data-state="checking"]').length }; })()`,
    );
    if (s.value !== null && !seen.includes(s.value)) seen.push(s.value);
    if (!s.running && s.checking === 0) return seen;
    if (Date.now() > end) throw new Error('the audit check did not end within 120 s');
    await sleep(100);
  }
}

async function axeViolations(page: ExtensionPage): Promise<string[]> {
  // Evaluated by the driver, not as a page script: the extension's CSP rightly forbids inline scripts.
  await page.evaluate(`(() => { ${axeSource}\n; return !!window.axe; })()`);
  return page.evaluate<string[]>(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.impact + ' ' + v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')))`);
}

/** Dark mode: Playwright's real emulation in Chromium; in Firefox the page's dark rules are switched on. */
async function setScheme(page: ExtensionPage, scheme: 'light' | 'dark'): Promise<void> {
  const pw = (page as unknown as { page?: { emulateMedia(o: { colorScheme: 'light' | 'dark' }): Promise<void> } }).page;
  if (pw) return pw.emulateMedia({ colorScheme: scheme });
  await page.evaluate(`(() => {
    window.__dark ??= [...document.styleSheets].flatMap((s) => [...s.cssRules]).filter((r) => r instanceof CSSMediaRule && r.media.mediaText.includes('prefers-color-scheme: dark'));
    for (const rule of window.__dark) rule.media.mediaText = ${JSON.stringify(scheme === 'dark' ? 'all' : 'not all')};
    document.documentElement.style.colorScheme = ${JSON.stringify(scheme)};
    return window.__dark.length;
  })()`);
}

for (const browser of BROWSERS) {
  describe(`padlock audit in ${browser}`, () => {
    let lab: Lab & { fleet?: Fleet };
    let fleet: Fleet;
    let session: ExtensionSession;
    let page: ExtensionPage;
    let first: RowSeen[] = [];
    let progress: number[] = [];
    const dir = join(RESULTS, browser);

    beforeAll(async () => {
      mkdirSync(dir, { recursive: true });
      lab = await startLab({ fleet: FLEET, waitMs: 60_000 });
      fleet = lab.fleet!;
      session = await openFleetSession(browser, lab);
      const config = configFor(lab, lab.scenarios.filter((s) => s.id in BOXES));
      config.printers = fleet.printers.map((p) => p.config);
      const saved = await call<{ ok: boolean; errors?: string[] }>(session, { type: 'saveConfig', config });
      expect(saved.errors ?? []).toEqual([]);

      page = await session.openPage('audit/index.html', SIZE);
      await page.waitFor('[data-testid="recheck"]');
      await recheckAll(page);
      first = await readRows(page);

      // Between the two checks: certificates regenerated, Chromium's warning clicked through.
      for (const p of fleet.printers.filter((x) => x.needs === 'regenerate')) await lab.regenerateCert(p.ip);
      if (browser === 'chromium') {
        for (const p of fleet.printers.filter((x) => x.needs === 'proceed-anyway')) {
          const warning = await session.openUrl(`https://${p.ip}${lab.ports.https === 443 ? '' : `:${lab.ports.https}`}/`);
          await warning.click('#details-button');
          await warning.click('#proceed-link');
          await sleep(1000);
          await warning.close();
        }
      }
      progress = await recheckAll(page);
    }, 300_000);
    afterAll(async () => {
      await session?.close();
      await lab?.stop();
    });

    const want = (p: FleetPrinter) => fleetExpect(p, browser);

    it('lists every box and printer once', async () => {
      const rows = await readRows(page);
      expect(rows.map((r) => r.id).sort()).toEqual([...Object.keys(BOXES), ...fleet.printers.map((p) => p.id)].sort());
      expect(await page.text('[data-testid="count"]')).toBe(`${FLEET + 2} of ${FLEET + 2} devices shown`);
    });

    it('first check: the printers whose certificate is regenerated later were trusted', () => {
      for (const p of fleet.printers.filter((x) => x.before)) expect(first.find((r) => r.id === p.id), p.id).toMatchObject({ code: p.before!.code, padlock: p.before!.padlock });
    });

    it('shows each device with its padlock state after "Re-check all"', async () => {
      const rows = await readRows(page);
      const got = Object.fromEntries(rows.map((r) => [r.id, { code: r.code, padlock: r.padlock }]));
      const expected = Object.fromEntries([...Object.entries(BOXES), ...fleet.printers.map((p) => [p.id, want(p)] as const)]);
      expect(got).toEqual(expected);
      // Every state of the issue is in the fleet, and each shows its words.
      const states = new Set(rows.map((r) => r.padlock));
      for (const s of ['trusted', 'untrusted', 'expired', 'wrong-name', 'changed', 'unreachable', ...(browser === 'chromium' ? ['temporary'] : [])]) expect(states, s).toContain(s);
      for (const r of rows) expect(r.text, r.id).toContain(msg(`audit_padlock_${r.padlock.replaceAll('-', '_')}`));
      expect(rows.map((r) => r.text).join('\n')).not.toMatch(/\b(audit|dx|ui|kind)_[a-z0-9_]+/i);
    });

    it('showed the progress of the check as devices finished', () => {
      expect(progress.some((v) => v > 0 && v < FLEET + 2), JSON.stringify(progress)).toBe(true);
    });

    it('tells what the browser can say of each certificate', async () => {
      const rows = await readRows(page);
      const ok = rows.find((r) => r.id === fleet.printers.find((p) => p.kind === 'ok')!.id)!;
      const box = rows.find((r) => r.id === 'box-19-ok')!;
      if (browser === 'firefox') {
        const ip = fleet.printers.find((p) => p.id === ok.id)!.ip;
        expect(ok.text).toContain(`CN=${ip}`);
        expect(ok.text).toContain('IoT Doctor Lab CA');
        expect(ok.text).toMatch(/([0-9A-F]{2}:){31}[0-9A-F]{2}/);
        expect(rows.find((r) => r.code === 'PRINTER_CERT_UNTRUSTED')!.text).toContain(msg('audit_cert_na_answer'));
      } else {
        expect(ok.text).toContain(msg('audit_cert_na_browser'));
        expect(box.text).toContain(msg('audit_cert_from_box'));
      }
    });

    it('shows the last change from the stored history', async () => {
      const rows = await readRows(page);
      for (const p of fleet.printers.filter((x) => x.needs === 'regenerate')) expect(rows.find((r) => r.id === p.id)!.text, p.id).toContain('was PRINTER_OK');
      expect(rows.find((r) => r.id === fleet.printers[0]!.id)!.text).toContain(msg('audit_unchanged'));
    });

    it('exports the rows as shown as CSV (UTF-8 BOM, RFC 4180), through the page button', async () => {
      await page.evaluate(`(() => {
        window.__csv = null;
        const make = URL.createObjectURL;
        URL.createObjectURL = (blob) => { window.__csv = blob.arrayBuffer().then((b) => Array.from(new Uint8Array(b))); return make.call(URL, blob); };
        return true;
      })()`);
      await page.click('[data-testid="export"]');
      await until(page, `!!window.__csv`, 5000, 'the CSV blob');
      const bytes = await page.evaluate<number[]>(`window.__csv`);
      expect(bytes.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(bytes));
      expect(text.startsWith(BOM)).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      const [header, ...lines] = parseCsv(text);
      expect(header).toEqual(['Device', 'Kind', 'IP address', 'Hostname', 'Padlock', 'Diagnosis', 'Certificate subject', 'Issuer', 'Valid from', 'Valid until', 'SHA-256 fingerprint', 'ePOS status', 'Last change', 'Previous diagnosis', 'Checked at']);
      expect(lines).toHaveLength(FLEET + 2);
      const shown = (await readRows(page)).map((r) => r.code);
      expect(lines.map((l) => l[5])).toEqual(shown); // same rows, same order as the table
      for (const p of fleet.printers) {
        const line = lines.find((l) => l[2] === p.ip);
        expect(line, p.id).toBeDefined();
        expect(line![0]).toBe(p.config.name);
        expect(line![4]).toBe(msg(`audit_padlock_${want(p).padlock.replaceAll('-', '_')}`));
        expect(line![5]).toBe(want(p).code);
      }
      const box = lines.find((l) => l[5] === 'BOX_OK')!;
      expect(box[3]).toMatch(/\.odoo-iot\.com$/);
      expect(Date.parse(box[9]!)).toBeGreaterThan(Date.now());
      if (browser === 'firefox') expect(lines.find((l) => l[5] === 'PRINTER_OK')![10]).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      expect(await page.text('[role="status"].notice')).toMatch(/^Saved iot-doctor-padlocks-.*\.csv$/);
    });

    it('sorts and filters', async () => {
      await page.click('button[data-sort="ip"]');
      const ips = await page.evaluate<string[]>(`[...document.querySelectorAll('tbody tr td:nth-of-type(1)')].map((td) => td.innerText)`);
      const num = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
      expect(ips).toEqual([...ips].sort((a, b) => num(a) - num(b)));
      expect(await page.evaluate<string>(`document.querySelector('button[data-sort="ip"]').closest('th').getAttribute('aria-sort')`)).toBe('ascending');
      await page.click('[data-testid="summary-expired"]');
      const expired = (await readRows(page)).map((r) => r.padlock);
      expect(expired.length).toBe(1 + fleet.printers.filter((p) => want(p).padlock === 'expired').length);
      expect(new Set(expired)).toEqual(new Set(['expired']));
      await page.click('[data-testid="summary-expired"]');
      expect((await readRows(page)).length).toBe(FLEET + 2);
      await page.click('button[data-sort="padlock"]');
    });

    it('opens the fix guide in a dialog that the keyboard closes', async () => {
      const id = fleet.printers.find((p) => p.kind === 'self-signed')!.id;
      await page.click(`[data-testid="audit-row-${id}"] [data-testid="fix"]`);
      await page.waitFor('[data-testid="guide-dialog"] [data-testid="guide-printer-certificate"]');
      expect(await page.evaluate<boolean>(`document.querySelector('[data-testid="guide-dialog"]').open && document.activeElement.closest('dialog') !== null`)).toBe(true);
      await page.screenshot(join(dir, 'audit-guide.png'));
      await page.click('[data-testid="guide-close"]');
      await until(page, `!document.querySelector('[data-testid="guide-dialog"]')`, 5000, 'the dialog closing');
    });

    it('is axe-clean and screenshotted in light and dark', async () => {
      for (const scheme of ['light', 'dark'] as const) {
        await setScheme(page, scheme);
        await sleep(200);
        await page.screenshot(join(dir, `audit-${scheme}.png`));
        expect(await axeViolations(page), scheme).toEqual([]);
      }
      await setScheme(page, 'light');
      // Paper: Chromium can show the print styles (@media print) directly.
      const pw = (page as unknown as { page?: { emulateMedia(o: { media: 'print' | 'screen' }): Promise<void> } }).page;
      if (pw) {
        await pw.emulateMedia({ media: 'print' });
        await page.screenshot(join(dir, 'audit-print.png'));
        expect(await page.evaluate<number>(`document.querySelector('[data-testid="recheck"]').getClientRects().length`)).toBe(0);
        await pw.emulateMedia({ media: 'screen' });
      }
    });

    it('is one click away from the popup', async () => {
      const popup = await session.openPage('popup/index.html', { width: 420, height: 600 });
      await popup.waitFor('[data-testid="audit-link"]');
      const link = `document.querySelector('[data-testid="audit-link"]')`;
      expect(await popup.evaluate<string>(`new URL(${link}.href).pathname`)).toBe('/audit/index.html');
      expect(await popup.evaluate<string>(`${link}.target`)).toBe('_blank');
      expect(await popup.evaluate<boolean>(`fetch(${link}.href).then((r) => r.ok)`)).toBe(true);
      await popup.close();
    });

    it('sent at most one request at a time to each printer', () => {
      for (const p of fleet.printers) {
        expect(lab.maxConcurrent(p.ip), p.id).toBeLessThanOrEqual(1);
        // The lab counts HTTP requests: a printer whose TLS handshake fails never gets one.
        if (want(p).padlock === 'trusted') expect(lab.requests(p.ip).length, p.id).toBeGreaterThan(0);
      }
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLab, type Lab } from '../lab/index';
import type { ExtensionSession } from './driver';
import { BROWSERS, openSession, RESULTS, ROOT } from './session';
import { sleep } from './util';

/**
 * The guides quote the browser's own certificate warning so users recognise it: check the
 * quotes against what the real browsers show for an untrusted lab printer.
 */
const en = JSON.parse(readFileSync(join(ROOT, '_locales', 'en', 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const guideText = (prefix: string): string =>
  Object.entries(en)
    .filter(([k]) => k.startsWith(prefix))
    .map(([, v]) => v.message)
    .join('\n');

/** Visible texts of a page, shadow roots included (Firefox builds its warning from web components). */
const TEXTS = `(() => {
  const out = [];
  const walk = (root) => { for (const e of root.querySelectorAll('*')) { if (e.shadowRoot) walk(e.shadowRoot); if (e.childElementCount === 0 || e.id) out.push([e.id, (e.innerText || e.textContent || '').trim()]); } };
  walk(document);
  return out.filter(([, t]) => t);
})()`;

for (const browser of BROWSERS) {
  describe(`the certificate warning ${browser} shows`, () => {
    let lab: Lab;
    let session: ExtensionSession;
    beforeAll(async () => {
      mkdirSync(join(RESULTS, browser), { recursive: true });
      lab = await startLab();
      session = await openSession(browser, lab);
    });
    afterAll(async () => {
      await session?.close();
      await lab?.stop();
    });

    it('is quoted by the printer-certificate guide', async () => {
      const ip = lab.scenarios.find((s) => s.id === 'printer-self-signed')!.printer!.ip;
      const page = await session.openUrl(`https://${ip}/`);
      await page.waitFor(browser === 'chromium' ? '#details-button' : '#advanced-button');
      await sleep(500);
      const before = new Map(await page.evaluate<[string, string][]>(TEXTS));
      await page.click(browser === 'chromium' ? '#details-button' : '#advanced-button');
      await sleep(500);
      // What the page shows before and after "Advanced" (the button itself then reads "Hide advanced").
      const texts = new Map([...(await page.evaluate<[string, string][]>(TEXTS)), ...before]);
      const all = [...texts.values()].join('\n');
      writeFileSync(join(RESULTS, browser, 'warning-page-texts.json'), JSON.stringify([...texts], null, 2));
      await page.screenshot(join(RESULTS, browser, 'warning-page.png'));
      const quick = guideText(browser === 'chromium' ? 'g_printer_certificate_quick_chromium' : 'g_printer_certificate_quick_firefox');
      if (browser === 'chromium') {
        expect(all).toContain('Your connection is not private');
        expect(quick).toContain('Your connection is not private');
        expect(texts.get('details-button')).toMatch(/^Advanced/);
        expect(quick).toContain('Advanced');
        expect(texts.get('proceed-link')).toBe(`Proceed to ${ip} (unsafe)`);
        expect(quick).toContain('Proceed to $1 (unsafe)');
        expect(all).toContain('NET::ERR_CERT_AUTHORITY_INVALID');
      } else {
        const heading = texts.get('error-title') ?? '';
        expect(heading, 'Firefox warning heading').toBeTruthy();
        expect(quick).toContain(heading);
        expect(quick).toContain(texts.get('advanced-button')!.replace(/\.\.\.$/, '…'));
        expect(quick).toContain((texts.get('errorCode') ?? '').replace(/^Error Code: /, ''));
        const proceed = all.match(/Accept the Risk and Continue|Proceed to [\d.]+ \(Risky\)/)?.[0];
        expect(proceed, 'Firefox proceed button').toBeTruthy();
        expect(quick).toContain(proceed!.startsWith('Proceed') ? 'Proceed to … (Risky)' : 'Accept the Risk and Continue');
      }
      await page.close();
    });
  });
}

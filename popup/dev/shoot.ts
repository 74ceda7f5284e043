/**
 * Screenshots of the built popup on the sample states (src/view/samples.ts), light and dark,
 * at 400x600, for a human to look at; also runs axe-core on each state.
 *
 *   TARGET=chrome npx vite build && npx tsx popup/dev/shoot.ts
 *
 * Writes test-results/popup-dev/*.png; exits non-zero on an axe violation or a page error.
 * `-full` images show a long guide whole (and in 600 px slices), not what a user sees at once.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SAMPLES } from '../../src/view/samples';
import { axeViolations, ROOT, startHarness } from './harness';

const out = join(ROOT, 'test-results/popup-dev');
mkdirSync(out, { recursive: true });
const h = await startHarness(join(ROOT, 'dist/chrome'));
const problems: string[] = [];

async function axe(page: Page, name: string): Promise<void> {
  for (const v of await axeViolations(page)) problems.push(`${name}: axe ${v}`);
}

async function fullShot(page: Page, name: string): Promise<void> {
  const style = await page.addStyleTag({ content: '.popup { max-height: none !important; }' });
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let i = 0; i * 600 < height; i++) {
    await page.screenshot({ path: join(out, `${name}-${i + 1}.png`), fullPage: true, clip: { x: 0, y: i * 600, width: 400, height: Math.min(600, height - i * 600) } });
  }
  await style.evaluate((el) => (el as Element).remove());
}

for (const scheme of ['light', 'dark'] as const) {
  const context = await h.context({ colorScheme: scheme });
  for (const [sample, state] of Object.entries(SAMPLES)) {
    const page = await h.open(context, state, sample === 'running' ? { checkResult: null } : {});
    page.on('pageerror', (e) => problems.push(`${sample}-${scheme}: ${String(e)}`));
    const name = `${sample}-${scheme}`;
    const shot = (suffix = '') => page.screenshot({ path: join(out, `${name}${suffix}.png`) });
    await shot();
    await axe(page, name);
    if (sample === 'mixed') {
      await page.click('[data-testid=device-prn1] .device-head');
      await shot('-printer-open');
      await fullShot(page, `${name}-printer-open-full`);
      await page.locator('[data-testid=guide-printer-certificate] .disclosure-toggle').first().click();
      await axe(page, `${name}-printer-open`);
      await page.click('[data-testid=device-box1] .device-head');
      await shot('-box-open');
      await fullShot(page, `${name}-box-open-full`);
      await page.click('[data-testid=support-toggle]');
      await shot('-support');
      await axe(page, `${name}-support`);
    }
    if (sample === 'running') {
      await page.evaluate((result) => (window as unknown as { __emit(m: unknown): void }).__emit({ type: 'progress', running: true, result }), state.last);
      await page.waitForSelector('[data-testid=device-box1][data-code]');
      await shot('-progress');
      await axe(page, `${name}-progress`);
    }
    if (sample === 'never' || sample === 'ok') {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await shot('-focus');
    }
    await page.close();
  }
  await context.close();
}

// Opened as a normal tab: same width, centered.
const wide = await h.context({ width: 1000, height: 700 });
await (await h.open(wide, SAMPLES.mixed!)).screenshot({ path: join(out, 'mixed-tab.png') });

await h.close();
console.log(problems.length ? problems.join('\n') : 'no problems');
console.log(`screenshots in ${out}`);
process.exit(problems.length ? 1 : 0);

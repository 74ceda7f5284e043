/**
 * Looks at the built popup without a worker: serves dist/chrome on 127.0.0.1, stubs the
 * extension API with the sample states of src/view/samples.ts, takes light and dark
 * screenshots at 400x600, checks the stable selectors and runs axe-core on each state.
 *
 *   TARGET=chrome npx vite build && npx tsx popup/dev/shoot.ts
 *
 * Screenshots go to test-results/popup-dev/. Exits non-zero on an axe violation or a
 * missing selector. No request leaves 127.0.0.1.
 */
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { SAMPLES } from '../../src/view/samples';
import type { PopupState } from '../../src/messages';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist/chrome');
const out = join(root, 'test-results/popup-dev');
mkdirSync(out, { recursive: true });

const messages: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> = {};
for (const f of readdirSync(join(root, '_locales/en')).filter((f) => f.endsWith('.json'))) Object.assign(messages, JSON.parse(readFileSync(join(root, '_locales/en', f), 'utf8')));

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(dist, path);
  if (!file.startsWith(dist) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const base = `http://127.0.0.1:${port}`;

/** Runs in the page before its scripts: a fake `chrome` answering like the worker would. */
function stub(arg: { state: PopupState; messages: typeof messages; checkNever: boolean }) {
  const listeners: ((m: unknown) => void)[] = [];
  const getMessage = (key: string, subs?: string | string[]) => {
    const m = arg.messages[key];
    if (!m) return '';
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    let text = m.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => m.placeholders?.[name.toLowerCase()]?.content ?? '');
    text = text.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '').replace(/\$\$/g, '$');
    return text;
  };
  const w = window as unknown as Record<string, unknown>;
  w.__log = [] as unknown[];
  w.__emit = (m: unknown) => listeners.forEach((l) => l(m));
  const fake = {
    runtime: {
      id: 'stub',
      getManifest: () => ({ version: '0.1.0' }),
      openOptionsPage: async () => (w.__log as unknown[]).push('openOptionsPage'),
      onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l), removeListener: () => undefined },
      sendMessage: async (msg: { type: string }) => {
        (w.__log as unknown[]).push(msg.type);
        if (msg.type === 'getState') return { ok: true, value: arg.state };
        if (msg.type === 'checkNow') return new Promise((r) => !arg.checkNever && setTimeout(() => r({ ok: true, value: arg.state.last }), 300));
        return { ok: false, error: 'no handler' };
      },
    },
    i18n: { getMessage, getUILanguage: () => 'en' },
    tabs: { create: async (p: { url: string }) => (w.__log as unknown[]).push(`tab:${p.url}`) },
  };
  Object.defineProperty(window, 'chrome', { value: fake, configurable: true, writable: true });
}

// tsx (esbuild keepNames) wraps functions in __name(): give the page one for the stub's sake.
const KEEP_NAMES = 'globalThis.__name = (f) => f;';

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const problems: string[] = [];

async function axe(page: Page, name: string): Promise<void> {
  await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))`)) as string[];
  for (const v of violations) problems.push(`${name}: axe ${v}`);
}

/** The whole scrolled content, for reading a long guide (not what a user sees at once). */
async function fullShot(page: Page, name: string): Promise<void> {
  const style = await page.addStyleTag({ content: '.popup { max-height: none !important; }' });
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
  // The same in 600 px slices, readable at full size.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let i = 0; i * 600 < height; i++) {
    await page.screenshot({ path: join(out, `${name}-${i + 1}.png`), fullPage: true, clip: { x: 0, y: i * 600, width: 400, height: Math.min(600, height - i * 600) } });
  }
  await style.evaluate((el) => (el as Element).remove());
}

async function expectSel(page: Page, name: string, selector: string): Promise<void> {
  if (!(await page.locator(selector).count())) problems.push(`${name}: missing ${selector}`);
}

for (const scheme of ['light', 'dark'] as const) {
  const context = await browser.newContext({ viewport: { width: 400, height: 600 }, colorScheme: scheme, reducedMotion: 'reduce' });
  await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  for (const [sample, state] of Object.entries(SAMPLES)) {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await context.clearCookies();
    await page.addInitScript(KEEP_NAMES);
    await page.addInitScript(stub, { state, messages, checkNever: sample === 'running' });
    // Ages relative to the samples' check time.
    await page.clock.setFixedTime(new Date(Date.parse(state.last?.finishedAt ?? '2026-11-26T10:28:21Z') + 3 * 60_000));
    await page.goto(`${base}/popup/index.html`);
    await page.waitForSelector('.popup');
    const name = `${sample}-${scheme}`;
    const shot = (suffix = '') => page.screenshot({ path: join(out, `${name}${suffix}.png`) });
    await shot();
    await axe(page, name);
    if (sample === 'empty') await expectSel(page, name, '[data-testid=open-options]');
    else {
      for (const id of ['check-again', 'copy-report', 'save-report', 'support', 'age']) await expectSel(page, name, `[data-testid=${id}]`);
      for (const id of [...state.config.boxes, ...state.config.printers].map((d) => d.id)) await expectSel(page, name, `[data-testid=device-${id}]`);
    }
    if (sample === 'mixed') {
      await page.click('[data-testid=device-prn1] .device-head');
      await expectSel(page, name, '[data-testid=guide-printer-certificate]');
      await shot('-printer-open');
      await fullShot(page, `${name}-printer-open-full`);
      await page.locator('[data-testid=guide-printer-certificate] .disclosure-toggle').first().click();
      await axe(page, `${name}-printer-open`);
      await page.click('[data-testid=device-box1] .device-head');
      await shot('-box-open');
      await fullShot(page, `${name}-box-open-full`);
      await page.locator('[data-testid=guide-dns-rebinding] [data-action]').first().click().catch(() => problems.push(`${name}: no action button in dns guide`));
      await page.click('[data-testid=support-toggle]');
      await shot('-support');
      await axe(page, `${name}-support`);
      const support = await page.locator('[data-testid=support]').innerText();
      if (/uuid|enterprise/i.test(support)) problems.push(`${name}: support shows a secret-looking field`);
      await page.click('[data-testid=support-toggle]');
      await page.keyboard.press('Tab');
      await page.click('[data-testid=check-again]');
      await page.waitForSelector('[data-testid=check-again]:not([aria-disabled=true])');
      await shot('-after-check');
    }
    if (sample === 'running') {
      // A progress event: the box is done, the printers are still checking.
      await page.evaluate((result) => (window as unknown as { __emit(m: unknown): void }).__emit({ type: 'progress', running: true, result }), state.last);
      await page.waitForTimeout(50);
      await shot('-progress');
      await axe(page, `${name}-progress`);
    }
    if (sample === 'never' || sample === 'ok') {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await shot('-focus');
    }
    const log = await page.evaluate(() => (window as unknown as { __log: unknown[] }).__log);
    if (errors.length) problems.push(`${name}: page errors ${errors.join(' | ')}`);
    console.log(name, JSON.stringify(log));
    await page.close();
  }
  await context.close();
}

// Opened as a normal tab: same width, centered.
const wide = await browser.newContext({ viewport: { width: 1000, height: 700 } });
await wide.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
const tab = await wide.newPage();
await tab.addInitScript(KEEP_NAMES);
await tab.addInitScript(stub, { state: SAMPLES.mixed!, messages, checkNever: false });
await tab.goto(`${base}/popup/index.html`);
await tab.waitForSelector('.popup');
await tab.screenshot({ path: join(out, 'mixed-tab.png') });

await browser.close();
server.close();
console.log(problems.length ? problems.join('\n') : 'no problems');
console.log(`screenshots in ${out}`);
process.exit(problems.length ? 1 : 0);

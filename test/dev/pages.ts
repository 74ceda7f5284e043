/**
 * What the popup and options dev harnesses (popup/dev, options/dev) share: the built pages
 * served on 127.0.0.1, a quiet headless Chromium, the merged locale texts, and axe-core.
 */
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from '../e2e/chromium';

export { CHROMIUM };
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** Every locale fragment of a language merged, as the build does. */
export function loadMessages(lang = 'en'): Messages {
  const dir = join(ROOT, '_locales', lang);
  const all: Messages = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) Object.assign(all, JSON.parse(readFileSync(join(dir, f), 'utf8')));
  return all;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };

/** A built extension folder served as plain files on 127.0.0.1 (nothing outside the folder). */
export async function serveDir(dist: string): Promise<{ base: string; close(): Promise<void> }> {
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
  return {
    base: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Debian's Chromium, headless and quiet (no background network). */
export function launchQuietChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless=new', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

let axeSource: string | undefined;
/** axe-core's violations on the page as `rule: targets` lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))`);
}

/**
 * `npm run store-assets`: the pictures the stores show, made by Debian's headless Chromium.
 *
 *   store-assets/icons/icon.svg, icon-{16,32,48,128}.png   a receipt printing a heartbeat
 *   store-assets/promo-440x280.png                          the Chrome Web Store small tile
 *   store-assets/screenshots/<n>-<name>.png                 1280x800, REAL lab states
 *
 * Screenshots: the lab (test/lab) runs the faults, the BUILT extension (dist/chrome, built by
 * the npm script first) checks them in Chromium exactly as in the end-to-end tests
 * (openSession, configFor, call from test/e2e/session.ts), the popup or options page is
 * captured, then framed with a headline by an HTML page rendered in a second, bare Chromium.
 * Headlines are English (the store texts themselves are in store-assets/description/<lang>.md).
 *
 *   node --import tsx scripts/store-assets.ts [--only icons|promo|screens]
 *
 * Nothing leaves 127.0.0.0/8: the lab answers every name and the renderer has no network.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startLab, type Lab, type Scenario } from '../test/lab/index';
import { call, configFor, openSession, ROOT } from '../test/e2e/session';
import type { ExtensionSession } from '../test/e2e/driver';
import type { CheckResult, Config } from '../src/model';

const OUT = join(ROOT, 'store-assets');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// ---------------------------------------------------------------------------------------
// The icon: a white receipt on a teal tile, with a red heartbeat printed across it. Each size
// has its own geometry on whole pixels, so 16 px stays sharp instead of a blurred 128.

interface IconGeometry {
  size: number;
  tile: { x: number; r: number };
  paper: { x0: number; x1: number; y0: number; y1: number; teeth: number; tooth: number };
  lines: Array<{ y: number; x1: number; h: number }>;
  beat: { points: Array<[number, number]>; width: number };
  shadow: boolean;
}

const GEOMETRY: IconGeometry[] = [
  {
    size: 16,
    tile: { x: 0, r: 3.5 },
    paper: { x0: 3, x1: 13, y0: 2, y1: 14, teeth: 0, tooth: 0 },
    lines: [],
    beat: { points: [[3, 9], [5, 9], [7, 4], [9, 13], [11, 9], [13, 9]], width: 2 },
    shadow: false,
  },
  {
    size: 32,
    tile: { x: 0, r: 7 },
    paper: { x0: 7, x1: 25, y0: 4, y1: 27, teeth: 4, tooth: 2.5 },
    lines: [{ y: 8, x1: 21, h: 2 }],
    beat: { points: [[7, 18], [11.5, 18], [14, 10.5], [17.5, 24], [20, 18], [25, 18]], width: 2.75 },
    shadow: false,
  },
  {
    size: 48,
    tile: { x: 1, r: 10 },
    paper: { x0: 12, x1: 36, y0: 7, y1: 40, teeth: 6, tooth: 3 },
    lines: [
      { y: 12, x1: 31, h: 2 },
      { y: 16, x1: 27, h: 2 },
    ],
    beat: { points: [[12, 27], [17.5, 27], [21, 17.5], [25.5, 36], [28.5, 27], [36, 27]], width: 3.5 },
    shadow: true,
  },
  {
    // The store icon: 96x96 of art with 16 px transparent padding, as the Chrome Web Store asks.
    size: 128,
    tile: { x: 16, r: 22 },
    paper: { x0: 41, x1: 87, y0: 27, y1: 99, teeth: 8, tooth: 4.5 },
    lines: [
      { y: 36, x1: 79, h: 4 },
      { y: 45, x1: 70, h: 4 },
    ],
    beat: { points: [[41, 70], [52, 70], [58, 52], [66, 88], [72, 70], [87, 70]], width: 6 },
    shadow: true,
  },
];

export function iconSvg(g: IconGeometry): string {
  const { size, tile, paper: p } = g;
  const w = size - 2 * tile.x;
  const toothW = p.teeth ? (p.x1 - p.x0) / p.teeth : 0;
  // Paper outline, clockwise; the bottom edge is torn in teeth when there is room for them.
  let d = `M${p.x0} ${p.y0}H${p.x1}V${p.y1}`;
  for (let i = p.teeth - 1; i >= 0; i--) d += `L${+(p.x0 + (i + 0.5) * toothW).toFixed(2)} ${p.y1 - p.tooth}L${+(p.x0 + i * toothW).toFixed(2)} ${p.y1}`;
  d += p.teeth ? 'Z' : `H${p.x0}Z`;
  const lines = g.lines.map((l) => `<rect x="${p.x0 + (p.x1 - p.x0) * 0.18}" y="${l.y}" width="${l.x1 - p.x0 - (p.x1 - p.x0) * 0.18}" height="${l.h}" rx="${l.h / 2}" fill="#9fb3c1"/>`).join('');
  const beat = g.beat.points.map(([x, y]) => `${x},${y}`).join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
<defs>
<linearGradient id="tile${size}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#17a398"/><stop offset="1" stop-color="#0b6b63"/></linearGradient>
<clipPath id="paper${size}"><path d="${d}"/></clipPath>
${g.shadow ? `<filter id="shadow${size}" x="-20%" y="-20%" width="140%" height="140%"><feDropShadow dx="0" dy="${size / 64}" stdDeviation="${size / 64}" flood-color="#022c29" flood-opacity="0.35"/></filter>` : ''}
</defs>
<rect x="${tile.x}" y="${tile.x}" width="${w}" height="${w}" rx="${tile.r}" fill="url(#tile${size})"/>
<path d="${d}" fill="#ffffff"${g.shadow ? ` filter="url(#shadow${size})"` : ''}/>
${lines}
<polyline points="${beat}" fill="none" stroke="#dc2626" stroke-width="${g.beat.width}" stroke-linejoin="round" stroke-linecap="round" clip-path="url(#paper${size})"/>
</svg>`;
}

// ---------------------------------------------------------------------------------------
// A bare Chromium that renders HTML to PNG and can reach nothing.

async function renderer(): Promise<{ browser: Browser; render(html: string, width: number, height: number, file: string, transparent?: boolean): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: false, // --headless=new below
    ignoreDefaultArgs: ['--headless'],
    args: [...CHROMIUM_ARGS, '--hide-scrollbars', '--host-resolver-rules=MAP * ~NOTFOUND'],
  });
  return {
    browser,
    async render(html, width, height, file, transparent = false) {
      const page: Page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
      await page.route('**/*', (route) => (/^(data|blob|about):/.test(route.request().url()) ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load' });
      // No scrollbar may ever end up in a picture; inline SVGs sit on a text line otherwise.
      await page.addStyleTag({ content: 'html,body{overflow:hidden!important} body>svg{display:block}' });
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: file, omitBackground: transparent, clip: { x: 0, y: 0, width, height } });
      await page.close();
      console.log(`wrote ${file.slice(ROOT.length + 1)} (${width}x${height})`);
    },
  };
}

const dataUrl = (png: Buffer): string => `data:image/png;base64,${png.toString('base64')}`;
const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const FONT = `'Noto Sans', 'DejaVu Sans', system-ui, sans-serif`;

async function makeIcons(r: Awaited<ReturnType<typeof renderer>>): Promise<void> {
  const dir = join(OUT, 'icons');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'icon.svg'), iconSvg(GEOMETRY.at(-1)!) + '\n');
  for (const g of GEOMETRY) {
    const html = `<!doctype html><html><body style="margin:0;background:transparent">${iconSvg(g)}</body></html>`;
    await r.render(html, g.size, g.size, join(dir, `icon-${g.size}.png`), true);
  }
  // A contact sheet to judge the PNGs by eye: actual size on light and dark, then magnified (test-results/, not shipped).
  const pngs = GEOMETRY.map((g) => ({ g, url: dataUrl(readFileSync(join(dir, `icon-${g.size}.png`))) }));
  const cell = (bg: string, body: string): string => `<div style="display:inline-flex;align-items:center;justify-content:center;background:${bg};padding:8px;margin:4px;min-width:24px">${body}</div>`;
  const sheet = [
    pngs.map(({ url }) => cell('#ffffff', `<img src="${url}">`)).join('') + pngs.map(({ url }) => cell('#202124', `<img src="${url}">`)).join(''),
    pngs.filter(({ g }) => g.size <= 48).map(({ g, url }) => cell('#ffffff', `<img src="${url}" style="image-rendering:pixelated;width:${g.size * (g.size === 16 ? 8 : 4)}px">`)).join(''),
  ].map((row) => `<div>${row}</div>`).join('');
  await r.render(`<!doctype html><html><body style="margin:0;background:#e8eaed">${sheet}</body></html>`, 720, 440, join(ROOT, 'test-results', 'icon-sheet.png'));
}

async function makePromo(r: Awaited<ReturnType<typeof renderer>>): Promise<void> {
  const icon = iconSvg({ ...GEOMETRY.at(-1)!, tile: { x: 0, r: 26 }, size: 128 }).replace('width="128" height="128"', 'width="112" height="112"');
  const html = `<!doctype html><html><body style="margin:0">
<div style="width:440px;height:280px;box-sizing:border-box;padding:34px 32px;background:linear-gradient(150deg,#f2fbf9 0%,#dcefeb 100%);color:#0f2a28;font-family:${FONT};display:flex;flex-direction:column;justify-content:space-between">
  <div style="display:flex;align-items:center;gap:18px">
    <div style="width:112px;height:112px;border-radius:26px;overflow:hidden;box-shadow:0 8px 22px rgba(2,44,41,.28);flex:none">${icon}</div>
    <div>
      <div style="font-size:38px;font-weight:700;letter-spacing:-.5px;line-height:1.05;color:#0b6b63">IoT Doctor</div>
      <div style="font-size:15px;color:#36504d;margin-top:6px">for Odoo point of sale</div>
    </div>
  </div>
  <div style="font-size:21px;font-weight:600;line-height:1.25">Why can’t the POS reach its IoT box or printer? Find out, and fix it.</div>
</div></body></html>`;
  await r.render(html, 440, 280, join(OUT, 'promo-440x280.png'));
}

// ---------------------------------------------------------------------------------------
// Screenshots of the real extension on the lab

interface Shot {
  file: string;
  headline: string;
  sub: string;
  /** Lab scenarios to configure, with the names a shop would give them. */
  devices: Array<[scenario: string, name: string]>;
  page: 'popup' | 'options' | 'audit';
  /** Device (scenario id) whose row to open in the popup. */
  open?: string;
}

const SHOTS: Shot[] = [
  {
    file: '1-all-good.png',
    headline: 'Is the point of sale ready? One look.',
    sub: 'The IoT box and every receipt printer, checked from this browser, the way the POS reaches them.',
    devices: [
      ['box-19-ok', 'IoT box'],
      ['printer-ok', 'Front counter printer'],
      ['printer-paper-low', 'Kitchen printer'],
    ],
    page: 'popup',
  },
  {
    file: '2-router-blocks-box.png',
    headline: '“Cannot reach the IoT box”: now you know why.',
    sub: 'Your router hides the box’s odoo-iot.com name. IoT Doctor proves it with a public DNS answer and shows the fix.',
    devices: [
      ['box-dns-blocked', 'IoT box'],
      ['printer-ok', 'Front counter printer'],
    ],
    page: 'popup',
    open: 'box-dns-blocked',
  },
  {
    file: '3-printer-certificate.png',
    headline: 'Printer problems, in plain words.',
    sub: 'Certificate not trusted, out of paper, cover open: each one with the steps that fix it, for your browser and system.',
    devices: [
      ['box-19-ok', 'IoT box'],
      ['printer-self-signed', 'Front counter printer'],
      ['printer-paper-out', 'Kitchen printer'],
    ],
    page: 'popup',
    open: 'printer-self-signed',
  },
  {
    file: '4-options.png',
    headline: 'Add your box and printers in a minute.',
    sub: 'By IP address or odoo-iot.com name. Access is asked for each device, and nothing leaves your network but one optional DNS question.',
    devices: [
      ['box-19-ok', 'IoT box'],
      ['printer-ok', 'Front counter printer'],
      ['printer-paper-low', 'Kitchen printer'],
    ],
    page: 'options',
  },
  {
    file: '5-audit.png',
    headline: 'Every device, one table.',
    sub: 'The audit page lists each device with its state, its certificate and its last change, ready to print or export for support.',
    devices: [
      ['box-19-ok', 'Shop floor box'],
      ['box-cert-expiring', 'Warehouse box'],
      ['printer-ok', 'Front counter'],
      ['printer-paper-low', 'Kitchen'],
      ['printer-self-signed', 'Bar'],
      ['printer-cover-open', 'Terrace'],
      ['printer-paper-out', 'Drive-through'],
      ['printer-refused', 'Back office'],
    ],
    page: 'audit',
  },
];

/** The lab configuration of a shot, devices renamed as a shop would name them. */
function shotConfig(lab: Lab, shot: Shot): Config {
  const scenarios = shot.devices.map(([id]) => {
    const s = lab.scenarios.find((x) => x.id === id);
    if (!s) throw new Error(`lab scenario ${id} is missing`);
    return s;
  });
  const names = new Map(shot.devices);
  // A shop's usual settings (checks every 15 minutes, notifications on); the lab's own DoH server.
  const c = configFor(lab, scenarios as Scenario[], { intervalMinutes: 15, notifications: true });
  return {
    ...c,
    boxes: c.boxes.map((b) => ({ ...b, name: names.get(b.id) ?? b.name })),
    printers: c.printers.map((p) => ({ ...p, name: names.get(p.id) ?? p.name })),
  };
}

/** Viewport each page is captured at; shown 1:1 in the frame, so its text stays sharp. */
const VIEWPORT: Record<Shot['page'], { width: number; height: number }> = {
  popup: { width: 400, height: 600 },
  options: { width: 720, height: 680 },
  audit: { width: 1136, height: 540 },
};

/** Configures the shot's devices, runs a real check, captures the page; answers the height worth showing. */
async function capture(session: ExtensionSession, lab: Lab, shot: Shot, file: string): Promise<number> {
  const saved = await call<{ ok: boolean; errors?: string[] }>(session, { type: 'saveConfig', config: shotConfig(lab, shot) });
  if (!saved.ok) throw new Error(`${shot.file}: saveConfig refused: ${JSON.stringify(saved.errors)}`);
  const result = await call<CheckResult>(session, { type: 'checkNow' });
  console.log(`${shot.file}: ${result.devices.map((d) => `${d.deviceId}=${d.code}`).join(', ')}`);
  const size = VIEWPORT[shot.page];
  const page = await session.openPage(`${shot.page}/index.html`, size);
  await page.waitFor(shot.page === 'popup' ? '[data-testid="check-again"]' : shot.page === 'audit' ? '[data-testid="last-check"]' : '#app *');
  if (shot.open) {
    await page.click(`[data-testid="device-${shot.open}"] .device-head`);
    await page.waitFor(`[data-testid="device-${shot.open}"].open`);
  }
  await new Promise((r) => setTimeout(r, 500)); // first renders ask the worker for the state
  // No focus ring or hover left from the click; fonts loaded.
  await page.evaluate('(document.activeElement && document.activeElement.blur(), document.fonts.ready.then(() => true))');
  await page.screenshot(file);
  const height = shot.page === 'popup' ? await page.evaluate<number>(`Math.ceil(document.querySelector('.popup').getBoundingClientRect().bottom)`) : size.height;
  await page.close();
  return Math.min(height, size.height);
}

const SHADOW = 'border-radius:10px;box-shadow:0 18px 50px rgba(2,44,41,.25),0 0 0 1px rgba(2,44,41,.10);overflow:hidden;background:#fff';
const BACKGROUND = 'background:linear-gradient(160deg,#f2fbf9 0%,#e3f3f0 55%,#d3ebe7 100%)';

/** The 1280x800 picture: brand, headline and subline beside (or above) the real page, 1:1. */
function frame(shot: Shot, png: Buffer, height: number, icon: string): string {
  const { width } = VIEWPORT[shot.page];
  const picture = `<div style="width:${width}px;height:${height}px;${SHADOW};flex:none"><img src="${dataUrl(png)}" style="display:block;width:${width}px"></div>`;
  const brand = `<div style="display:flex;align-items:center;gap:12px">${icon}<span style="font-size:22px;font-weight:700;color:#0b6b63">IoT Doctor</span></div>`;
  const headline = (size: number): string => `<div style="font-size:${size}px;font-weight:700;line-height:1.15;letter-spacing:-.5px">${escapeHtml(shot.headline)}</div>`;
  const sub = (size: number): string => `<div style="font-size:${size}px;line-height:1.45;color:#36504d">${escapeHtml(shot.sub)}</div>`;
  const body =
    shot.page === 'audit'
      ? `<div style="height:100%;box-sizing:border-box;padding:44px 72px 0;display:flex;flex-direction:column;gap:26px">
  <div style="display:flex;align-items:flex-end;gap:48px"><div style="flex:1 1 0;display:flex;flex-direction:column;gap:16px">${brand}${headline(38)}</div><div style="flex:1 1 0">${sub(19)}</div></div>
  ${picture}</div>`
      : `<div style="height:100%;box-sizing:border-box;padding:0 72px;display:flex;align-items:center;gap:${shot.page === 'popup' ? 96 : 64}px">
  <div style="flex:1 1 0;display:flex;flex-direction:column;gap:24px">${brand}${headline(shot.page === 'popup' ? 46 : 40)}${sub(21)}</div>
  ${picture}</div>`;
  return `<!doctype html><html><body style="margin:0"><div style="width:1280px;height:800px;${BACKGROUND};font-family:${FONT};color:#0f2a28;overflow:hidden">${body}</div></body></html>`;
}

async function makeScreens(r: Awaited<ReturnType<typeof renderer>>): Promise<void> {
  const dir = join(OUT, 'screenshots');
  mkdirSync(dir, { recursive: true });
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const icon = iconSvg(GEOMETRY[2]!).replace('width="48" height="48"', 'width="40" height="40"');
  const lab = await startLab({ waitMs: 10 * 60_000 }); // another lab (a test run) may hold the addresses for a while
  let session: ExtensionSession | undefined;
  try {
    session = await openSession('chromium', lab);
    for (const shot of SHOTS) {
      const raw = join(ROOT, 'test-results', `store-raw-${shot.file}`);
      const height = await capture(session, lab, shot, raw);
      await r.render(frame(shot, readFileSync(raw), height, icon), 1280, 800, join(dir, shot.file));
    }
  } finally {
    await session?.close();
    await lab.stop();
  }
}

// ---------------------------------------------------------------------------------------

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const r = await renderer();
try {
  if (!only || only === 'icons') await makeIcons(r);
  if (!only || only === 'promo') await makePromo(r);
  if (!only || only === 'screens') await makeScreens(r);
} finally {
  await r.browser.close();
}

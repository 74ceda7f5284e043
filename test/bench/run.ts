/**
 * `npm run bench`: speed ratios of the built extension in real Chromium against the lab, and
 * the popup's size. Ratios come from one run and are printed, never asserted (machines differ).
 *
 * 1. One box and 10 printers with mixed faults, checked by the extension; the same requests
 *    asked with curl one device at a time. Extension total / slowest single probe (target
 *    <= 1.5), and sequential (the sum of the curl probes; the extension checking one device
 *    per check) against the extension's parallel run.
 * 2. The padlock audit of 50 lab printers with mixed states ("Re-check all" clicked in the
 *    page): total / slowest single probe (target <= 3), and the most requests a printer had
 *    in flight at once (must be 1).
 * 3. The popup's JavaScript, gzipped (dist/chrome; target <= 25 KB).
 *
 * Nothing leaves 127.0.0.0/8: the lab is loopback, Chromium's resolver is pinned to it and curl
 * only gets loopback addresses (test/bench/curl.ts). Needs `npm run build` first.
 */
import { join } from 'node:path';
import type { CheckResult, DeviceDiagnosis } from '../../src/model';
import { startLab } from '../lab/index';
import { call, configFor, ROOT } from '../e2e/session';
import { openFleetSession } from './browser';
import { curlProbe } from './curl';
import { pageSize } from './size';

const FLEET = 50;
const ISSUE4 = ['box-19-ok', 'printer-ok', 'printer-self-signed', 'printer-expired', 'printer-wrong-name', 'printer-paper-out', 'printer-cover-open', 'printer-wrong-devid', 'printer-refused', 'printer-hangs', 'printer-paper-low'];
const RUNS = 3;

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (l: number[]) => [...l].sort((a, b) => a - b)[Math.floor(l.length / 2)]!;
const rows: [string, string, string][] = [];
const row = (what: string, value: string, target = ''): void => void rows.push([what, value, target]);
const verdict = (ok: boolean, target: string): string => `${target}  ${ok ? 'ok' : 'MISSED'}`;

/** Every device's requests again with curl, one device after the other. */
async function curlAll(devices: DeviceDiagnosis[], ca: string) {
  const probes: { id: string; ms: number; requests: number }[] = [];
  for (const d of devices.filter((x) => x.kind !== 'computer')) {
    const p = await curlProbe(d, ca);
    probes.push({ id: d.deviceId, ms: p.ms, requests: p.requests.length });
  }
  const slowest = probes.reduce((a, b) => (b.ms > a.ms ? b : a));
  return { probes, slowest, sequential: probes.reduce((sum, p) => sum + p.ms, 0) };
}

const t0 = Date.now();
const lab = await startLab({ fleet: FLEET, waitMs: 60_000 });
const fleet = lab.fleet!;
const session = await openFleetSession('chromium', lab);
try {
  // 1. Issue 4: one box and ten printers.
  const scenarios = ISSUE4.map((id) => lab.scenarios.find((x) => x.id === id)!);
  await call(session, { type: 'saveConfig', config: configFor(lab, scenarios) });
  await call<CheckResult>(session, { type: 'checkNow' }); // warm-up: worker, offscreen page, TLS caches
  const totals: number[] = [];
  let last: CheckResult | undefined;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    last = await call<CheckResult>(session, { type: 'checkNow' });
    totals.push(performance.now() - start);
  }
  const total = median(totals);
  const c1 = await curlAll(last!.devices, lab.caCertPath);
  // The extension itself, one device per check, one after the other.
  let oneByOne = 0;
  for (const sc of scenarios) {
    await call(session, { type: 'saveConfig', config: configFor(lab, [sc]) });
    const begin = performance.now();
    await call<CheckResult>(session, { type: 'checkNow' });
    oneByOne += performance.now() - begin;
  }
  row('1. one box + 10 printers, mixed faults (Chromium)', '');
  row('   extension total, median of 3', `${s(total)}  (${totals.map(s).join(', ')})`);
  row('   slowest single probe (curl)', `${s(c1.slowest.ms)}  (${c1.slowest.id})`);
  row('   extension total / slowest single probe', (total / c1.slowest.ms).toFixed(2), verdict(total / c1.slowest.ms <= 1.5, '<= 1.5'));
  row('   sequential: sum of single probes (curl)', `${s(c1.sequential)}  (/ extension total: ${(c1.sequential / total).toFixed(2)})`);
  row('   sequential: extension, one device per check', `${s(oneByOne)}  (/ extension total: ${(oneByOne / total).toFixed(2)})`);
  const inFlight1 = Math.max(...scenarios.filter((x) => x.printer).map((x) => lab.maxConcurrent(x.printer!.ip)));
  row('   max in-flight requests per printer (lab)', String(inFlight1), verdict(inFlight1 === 1, '== 1'));

  // 2. Issue 7: the padlock audit of 50 printers, from its page.
  const config = configFor(lab, []);
  config.printers = fleet.printers.map((p) => p.config);
  await call(session, { type: 'saveConfig', config });
  await call<CheckResult>(session, { type: 'checkNow' }); // warm-up
  const page = await session.openPage('audit/index.html', { width: 1440, height: 900 });
  await page.waitFor('[data-testid="recheck"]');
  const start = performance.now();
  await page.click('[data-testid="recheck"]');
  for (;;) {
    const running = await page.evaluate<boolean>(`document.querySelector('[data-testid="recheck"]').getAttribute('aria-disabled') === 'true' || document.querySelectorAll('tr[data-state="checking"]').length > 0`);
    if (!running && performance.now() - start > 200) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const audit = performance.now() - start;
  const result = await call<{ last: CheckResult }>(session, { type: 'getState' });
  const c2 = await curlAll(result.last.devices, lab.caCertPath);
  const maxInFlight = Math.max(...fleet.hosts.map((ip) => lab.maxConcurrent(ip)));
  const inExtension = result.last.devices.map((d) => ({ id: d.deviceId, ms: d.attempts.reduce((sum, a) => sum + a.ms, 0) })).reduce((a, b) => (b.ms > a.ms ? b : a));
  row(`2. padlock audit of ${FLEET} printers, mixed states (Chromium)`, '');
  row('   "Re-check all" to last row done', s(audit));
  row('   slowest single probe (curl)', `${s(c2.slowest.ms)}  (${c2.slowest.id})`);
  row('   audit total / slowest single probe', (audit / c2.slowest.ms).toFixed(2), verdict(audit / c2.slowest.ms <= 3, '<= 3'));
  row('   slowest device inside the extension', `${s(inExtension.ms)}  (${inExtension.id})`);
  row('   sequential: sum of single probes (curl)', s(c2.sequential));
  row('   max in-flight requests per printer (lab)', String(maxInFlight), verdict(maxInFlight === 1, '== 1'));
  await page.close();
} finally {
  await session.close();
  await lab.stop();
}

// 3. Issue 5: the popup's weight.
const popup = pageSize(join(ROOT, 'dist', 'chrome'), 'popup/index.html');
row('3. popup JS gzipped (dist/chrome)', `${(popup.gzip / 1024).toFixed(1)} KB  (${popup.files.length} files, ${(popup.raw / 1024).toFixed(1)} KB raw; CSS ${(popup.css / 1024).toFixed(1)} KB gz)`, verdict(popup.gzip <= 25 * 1024, '<= 25 KB'));

const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
console.log(`\n${'benchmark'.padEnd(w[0]!)}  ${'value'.padEnd(w[1]!)}  target`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w[0]!)}  ${b.padEnd(w[1]!)}  ${c}`.trimEnd());
console.log(`\n(${s(Date.now() - t0)} in all; one run, ratios not asserted)`);

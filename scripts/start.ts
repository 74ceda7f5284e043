/**
 * `npm start`: builds the extension, starts the lab (simulated IoT boxes, Epson printers and
 * a DNS-over-HTTPS server on loopback), and opens Debian's Chromium with the extension loaded
 * and every lab device configured, so each diagnosis can be seen working. Ctrl-C stops all.
 * Without a display (no $DISPLAY / $WAYLAND_DISPLAY) Chromium runs headless and the popup is
 * saved as a screenshot instead.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startLab } from '../test/lab/index';
import { call, combinable, configFor, openSession, RESULTS, ROOT } from '../test/e2e/session';

execFileSync('bash', [join(ROOT, 'scripts/ensure-system-deps.sh')], { stdio: 'inherit' });
execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), 'chrome'], { stdio: 'inherit' });

const headed = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const lab = await startLab();
console.log(`Lab up: ${lab.scenarios.length} scenarios on 127.0.0.x, test CA ${lab.caCertPath}`);
const session = await openSession('chromium', lab, { headless: !headed });
// Every scenario that can share one configuration; the others (own settings, a click on a
// warning page, a certificate regenerated mid-test) are shown by `npm test`.
const { together: demo, alone } = combinable(lab, lab.scenarios);
const saved = await call<{ ok: boolean; errors?: string[] }>(session, { type: 'saveConfig', config: configFor(lab, demo) });
if (!saved.ok) throw new Error(`The lab configuration was refused: ${saved.errors?.join(', ')}`);
console.log(`Configured ${demo.length} lab devices (${alone.map((s) => s.id).join(', ')} run in npm test); checking...`);
await call(session, { type: 'checkNow' });
const popup = await session.openPage('popup/index.html', { width: 420, height: 600 });
if (!headed) {
  const file = join(RESULTS, 'start-popup.png');
  await popup.screenshot(file);
  console.log(`No display: Chromium runs headless. The popup is saved as ${file}`);
}
console.log('IoT Doctor is running on the lab. Press Ctrl-C to stop.');
const stop = async (): Promise<void> => {
  await session.close().catch(() => undefined);
  await lab.stop().catch(() => undefined);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

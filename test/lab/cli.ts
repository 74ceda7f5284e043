/**
 * `npm run lab`: starts the lab, prints its scenarios, writes `.lab/lab.json` for other
 * processes, and stays up until Ctrl-C.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeLab, startLab } from './index';
import type { Scenario } from './types';

const t0 = Date.now();
const lab = await startLab();
const jsonPath = join(lab.dir, 'lab.json');
await writeFile(jsonPath, `${JSON.stringify({ ...describeLab(lab), pid: process.pid, startedAt: new Date().toISOString() }, null, 2)}\n`);

const address = (s: Scenario): string => {
  if (s.box) {
    const b = s.box;
    const http = `${b.ip}:${b.httpPort ?? 8069}`;
    return b.hostname ? `${b.hostname}:${b.httpsPort ?? 443} (box at ${http})` : `${http} (no hostname)`;
  }
  if (s.printer) return `${s.printer.ip}:${s.printer.httpsPort ?? 443}${s.printer.deviceId ? ` devid=${s.printer.deviceId}` : ''}`;
  return '';
};
const table = lab.scenarios.map((s) => ({
  id: s.id,
  expect: s.expectFirefox ? `${s.expect} (Firefox: ${s.expectFirefox})` : s.expect,
  address: address(s),
  notes: [s.needs ?? '', s.settings?.dohUrl ? `dohUrl=${s.settings.dohUrl}` : ''].filter(Boolean).join(' '),
}));
const width = (k: keyof (typeof table)[number]): number => Math.max(k.length, ...table.map((r) => r[k].length));
const cols = ['id', 'expect', 'address', 'notes'] as const;
const line = (r: Record<(typeof cols)[number], string>): string => cols.map((c) => r[c].padEnd(width(c))).join('  ').trimEnd();

console.log(line({ id: 'SCENARIO', expect: 'EXPECT', address: 'ADDRESS', notes: 'NOTES' }));
for (const r of table) console.log(line(r));
console.log(`
Lab up in ${Date.now() - t0} ms (${lab.scenarios.length} scenarios).
  test CA        ${lab.caCertPath}   (trust it in throwaway browser profiles only)
  DoH (router)   ${lab.dohRouterUrl}   (Firefox TRR, bootstrap ${lab.dohIp})
  DoH (public)   ${lab.dohPublicUrl}   (the extension's DoH setting in the lab)
  description    ${jsonPath}
  Chromium       --host-resolver-rules="${lab.chromiumHostRules}"
Ctrl-C to stop.`);

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await lab.stop();
  await rm(jsonPath, { force: true });
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

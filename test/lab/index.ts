/**
 * The lab: real TLS/HTTP servers on loopback (one 127.0.0.x per device, real ports) that
 * reproduce every fault the extension diagnoses. `startLab()` starts them all; see README.md.
 */
import { fileURLToPath } from 'node:url';
import { startBox } from './box';
import { loadOrCreateCerts } from './ca';
import { CERT_SPECS, DEVICES } from './devices';
import { DOH_PATHS, startDoh } from './doh';
import { DOH_HOST, DOH_IP, boxHostname, chromiumHostRules, firefoxPrefs } from './names';
import { type DeviceContext, REAL_PORTS, Recorder, ServerSet, choosePorts } from './net';
import { startPrinter, startSilent } from './printer';
import { buildScenarios } from './scenarios';
import type { Lab, LabDescription } from './types';

export type { Lab, LabDescription, RequestLog, Scenario } from './types';
export { LAB_SECRETS } from './box';
export { boxHostname, publicAnswer, routerAnswer, DB_HEX, DOH_HOST, DOH_IP } from './names';

/** `<repo>/.lab` */
export const DEFAULT_LAB_DIR = fileURLToPath(new URL('../../.lab', import.meta.url));

export async function startLab(opts: { dir?: string } = {}): Promise<Lab> {
  const dir = opts.dir ?? DEFAULT_LAB_DIR;
  const [ports, certs] = await Promise.all([choosePorts(), loadOrCreateCerts(dir, CERT_SPECS)]);
  const ctx: DeviceContext = { recorder: new Recorder(), ports, certs, servers: new ServerSet(), startedAt: Date.now() };
  try {
    await Promise.all([
      startDoh(ctx),
      ...DEVICES.map((d) => (d.kind === 'box' ? startBox(d, ctx) : d.kind === 'printer' ? startPrinter(d, ctx) : startSilent(d, ctx))),
    ]);
  } catch (e) {
    await ctx.servers.closeAll();
    throw e;
  }

  const httpsSuffix = ports.https === REAL_PORTS.https ? '' : `:${ports.https}`;
  const dohRouterUrl = `https://${DOH_HOST}${httpsSuffix}${DOH_PATHS.router}`;
  const scenarios = buildScenarios(ports);
  // Every configured name, plus the right name of every box, so both browsers see the same DNS.
  const names = [
    ...scenarios.flatMap((s) => (s.box?.hostname ? [s.box.hostname] : [])),
    ...DEVICES.flatMap((d) => (d.kind === 'box' ? [boxHostname(d.ip)] : [])),
  ];
  let stopped: Promise<void> | undefined;
  return {
    dir,
    caCertPath: certs.caCertPath,
    caCertPem: certs.caCertPem,
    dohIp: DOH_IP,
    dohHost: DOH_HOST,
    dohRouterUrl,
    dohPublicUrl: `https://${DOH_IP}${httpsSuffix}${DOH_PATHS.public}`,
    chromiumHostRules: chromiumHostRules(names),
    firefoxPrefs: firefoxPrefs(dohRouterUrl),
    ports: { ...ports },
    scenarios,
    requests: (ip) => ctx.recorder.requests(ip),
    maxConcurrent: (ip) => ctx.recorder.maxConcurrent(ip),
    stop: () => (stopped ??= ctx.servers.closeAll()),
  };
}

/** The JSON-safe part of a lab, what `npm run lab` writes to `.lab/lab.json`. */
export function describeLab(lab: Lab): LabDescription {
  const { requests: _r, maxConcurrent: _m, stop: _s, ...description } = lab;
  return description;
}

/**
 * The lab: real TLS/HTTP servers on loopback (one 127.0.0.x per device, real ports) that
 * reproduce every fault the extension diagnoses. `startLab()` starts them all; see README.md.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBox } from './box';
import { loadOrCreateCerts } from './ca';
import { CERT_SPECS, DEVICES } from './devices';
import { DOH_PATHS, startDoh } from './doh';
import { DOH_HOST, DOH_IP, boxHostname, chromiumHostRules, firefoxPrefs } from './names';
import { type DeviceContext, PortInUseError, REAL_PORTS, Recorder, ServerSet, choosePorts } from './net';
import { startPrinter, startSilent } from './printer';
import { buildScenarios } from './scenarios';
import { type Fleet, startFleet } from './fleet';
import type { Lab, LabDescription } from './types';

export type { Lab, LabDescription, RequestLog, Scenario } from './types';
export { LAB_SECRETS } from './box';
export { PortInUseError } from './net';
export { boxHostname, publicAnswer, routerAnswer, DB_HEX, DOH_HOST, DOH_IP } from './names';

/** `<repo>/.lab` */
export const DEFAULT_LAB_DIR = fileURLToPath(new URL('../../.lab', import.meta.url));

/**
 * Starts every device. The addresses are fixed (scenarios and tests name them), so only one
 * lab can run on a machine: when another holds them, wait up to `waitMs` (default 20 s, e.g.
 * a test file finishing in a parallel worker) before failing with PortInUseError.
 */
export async function startLab(opts: { dir?: string; waitMs?: number; fleet?: number } = {}): Promise<Lab & { fleet?: Fleet }> {
  const dir = opts.dir ?? DEFAULT_LAB_DIR;
  const [ports, certs] = await Promise.all([choosePorts(), loadOrCreateCerts(dir, CERT_SPECS)]);
  const deadline = Date.now() + (opts.waitMs ?? 20_000);
  let ctx: DeviceContext;
  let fleet: Fleet | undefined; // opts.fleet extra printers on 127.0.1.x (fleet.ts)
  for (;;) {
    ctx = { recorder: new Recorder(), ports, certs, servers: new ServerSet(), startedAt: Date.now(), tls: new Map() };
    try {
      await startDevices(ctx);
      if (opts.fleet) fleet = await startFleet(opts.fleet, ctx, dir);
      break;
    } catch (e) {
      await ctx.servers.closeAll();
      if (!(e instanceof PortInUseError) || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
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
    ...(fleet ? { fleet } : {}),
    requests: (ip) => ctx.recorder.requests(ip),
    maxConcurrent: (ip) => ctx.recorder.maxConcurrent(ip),
    stop: () => (stopped ??= ctx.servers.closeAll()),
    async regenerateCert(ip) {
      // What Web Config's "Create > Self-Signed, Common Name = the printer's IP" does a second time.
      const server = ctx.tls?.get(ip);
      if (!server) throw new Error(`no printer with HTTPS at ${ip}`);
      const fresh = await loadOrCreateCerts(mkdtempSync(join(tmpdir(), 'lab-regenerated-')), { regenerated: { cn: ip, ips: [ip], from: -1, to: 3650, selfSigned: true } });
      const leaf = fresh.leaves.regenerated!;
      server.setSecureContext({ key: leaf.key, cert: leaf.cert });
      // The printer restarts after "Create": connections the browser kept open are gone.
      (server as unknown as { closeAllConnections(): void }).closeAllConnections();
      return { certPem: leaf.cert };
    },
  };
}

/** Starts every server; settles all before failing, so that none is left listening unseen. */
async function startDevices(ctx: DeviceContext): Promise<void> {
  const results = await Promise.allSettled([
    startDoh(ctx),
    ...DEVICES.map((d) => (d.kind === 'box' ? startBox(d, ctx) : d.kind === 'printer' ? startPrinter(d, ctx) : startSilent(d, ctx))),
  ]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The JSON-safe part of a lab, what `npm run lab` writes to `.lab/lab.json`. */
export function describeLab(lab: Lab): LabDescription {
  const { requests: _r, maxConcurrent: _m, stop: _s, regenerateCert: _g, ...description } = lab;
  return description;
}

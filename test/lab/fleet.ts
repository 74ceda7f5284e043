/**
 * A fleet: N extra Epson printers with mixed padlock states, each on a loopback address of its
 * own (127.0.1.1, 127.0.1.2, ... then 127.0.2.1...), for the padlock audit and its benchmarks.
 * Started by `startLab({ fleet: N })`; served by the lab's own printer code (printer.ts), with
 * certificates made by ca.ts and signed by the lab CA (copied to `<lab dir>/fleet`, so the fleet
 * keeps its own leaf cache next to the lab's).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PrinterConfig } from '../../src/model';
import type { Padlock } from '../../src/diagnoses/padlock';
import { type CertSpec, loadOrCreateCerts } from './ca';
import { BIT, HEALTHY, PAPER_LOW, type EposBehaviour, type PrinterDevice } from './devices';
import { type DeviceContext, type Ports, REAL_PORTS } from './net';
import { startPrinter, startSilent } from './printer';

/** What a fleet printer does wrong (or not). */
export type FleetKind =
  | 'ok'
  | 'paper-low'
  | 'paper-out'
  | 'cover-open'
  | 'offline'
  | 'wrong-devid'
  | 'self-signed'
  | 'expired'
  | 'wrong-name'
  | 'proceed-anyway'
  | 'regenerated'
  | 'refused'
  | 'hangs'
  | 'silent';

/**
 * One cycle of 25: a realistic shop chain (mostly fine, every certificate fault, a few dead or
 * hanging printers). Printer i gets MIX[i % 25], so 50 printers hold each fault twice.
 */
export const MIX: readonly FleetKind[] = [
  'ok', 'self-signed', 'expired', 'ok', 'wrong-name', 'paper-low', 'proceed-anyway', 'regenerated', 'refused', 'ok',
  'cover-open', 'hangs', 'self-signed', 'ok', 'wrong-devid', 'silent', 'ok', 'expired', 'paper-out', 'wrong-name',
  'ok', 'offline', 'regenerated', 'self-signed', 'ok',
];

interface Expectation {
  code: string;
  padlock: Padlock;
}

export interface FleetPrinter {
  id: string;
  ip: string;
  kind: FleetKind;
  /** What the user would configure. */
  config: PrinterConfig;
  /** The verdict after the test did what `needs` says. */
  expect: Expectation;
  /** Only where Firefox legitimately differs. */
  expectFirefox?: Expectation;
  /**
   * `proceed-anyway`: click through Chromium's certificate warning before the check.
   * `regenerate`: check once (trusted), then `lab.regenerateCert(ip)`, then check again.
   */
  needs?: 'proceed-anyway' | 'regenerate';
  /** `regenerate`: the verdict of the first check, before the certificate changed. */
  before?: Expectation;
}

export interface Fleet {
  printers: FleetPrinter[];
  /** Every fleet address, for host access in a test copy of the extension. */
  hosts: string[];
  /**
   * To append to the lab's Chromium `--host-resolver-rules`: its `MAP * ~NOTFOUND` catches IP
   * literals too (measured: net::ERR_NAME_NOT_RESOLVED for 127.0.1.1) and excludes 127.0.0.* only.
   */
  chromiumHostRules: string;
}

/** The i-th fleet address (0-based): 127.0.1.1 ... 127.0.1.254, 127.0.2.1 ... */
export function fleetIp(i: number): string {
  if (i < 0 || i >= 254 * 200) throw new Error(`no fleet address for printer ${i}`);
  return `127.0.${1 + Math.floor(i / 254)}.${(i % 254) + 1}`;
}

const ok = (status = HEALTHY): EposBehaviour => ({ answer: 'status', success: true, code: '', status });
const failed = (code: string, bits: number): EposBehaviour => ({ answer: 'status', success: false, code, status: ((HEALTHY & ~BIT.PRINT_SUCCESS) | BIT.OFF_LINE | bits) >>> 0 });
const X = (code: string, padlock: Padlock): Expectation => ({ code, padlock });

/** Per kind: the printer's ePOS behaviour and certificate ('' = nothing listens), and what the audit must show. */
const KINDS: Record<FleetKind, { epos?: EposBehaviour; cert: 'trusted' | 'self-signed' | 'expired' | 'wrong-name' | 'silent' | ''; devid?: string; expect: Expectation; expectFirefox?: Expectation; needs?: FleetPrinter['needs'] }> = {
  ok: { epos: ok(), cert: 'trusted', expect: X('PRINTER_OK', 'trusted') },
  'paper-low': { epos: ok(PAPER_LOW), cert: 'trusted', expect: X('PRINTER_PAPER_LOW', 'trusted') },
  'paper-out': { epos: failed('EPTR_REC_EMPTY', BIT.RECEIPT_NEAR_END | 0x10000 | BIT.RECEIPT_END), cert: 'trusted', expect: X('PRINTER_PAPER_OUT', 'trusted') },
  'cover-open': { epos: failed('EPTR_COVER_OPEN', BIT.COVER_OPEN), cert: 'trusted', expect: X('PRINTER_COVER_OPEN', 'trusted') },
  offline: { epos: ok((HEALTHY | BIT.OFF_LINE) >>> 0), cert: 'trusted', expect: X('PRINTER_OFFLINE', 'trusted') },
  'wrong-devid': { epos: ok(), cert: 'trusted', devid: 'printer_1', expect: X('PRINTER_WRONG_DEVID', 'trusted') },
  'self-signed': { epos: ok(), cert: 'self-signed', expect: X('PRINTER_CERT_UNTRUSTED', 'untrusted') },
  expired: { epos: ok(), cert: 'expired', expect: X('PRINTER_CERT_EXPIRED', 'expired') },
  'wrong-name': { epos: ok(), cert: 'wrong-name', expect: X('PRINTER_CERT_NAME', 'wrong-name') },
  // Firefox has no "proceed only for now" the extension can tell apart: the test clicks in Chromium only.
  'proceed-anyway': { epos: ok(), cert: 'self-signed', needs: 'proceed-anyway', expect: X('PRINTER_CERT_TEMPORARY', 'temporary'), expectFirefox: X('PRINTER_CERT_UNTRUSTED', 'untrusted') },
  regenerated: { epos: ok(), cert: 'trusted', needs: 'regenerate', expect: X('PRINTER_CERT_CHANGED', 'changed') },
  refused: { cert: '', expect: X('PRINTER_REFUSED', 'unreachable') },
  hangs: { epos: { answer: 'hang' }, cert: 'trusted', expect: X('PRINTER_NOT_RESPONDING', 'unreachable') },
  silent: { cert: 'silent', expect: X('PRINTER_UNREACHABLE', 'unreachable') },
};

export interface FleetPlan {
  fleet: Fleet;
  /** Certificate name -> spec, for ca.ts. */
  specs: Record<string, CertSpec>;
  devices: PrinterDevice[];
  silent: string[];
}

/** Which printer is where, does what, serves which certificate and must be diagnosed as what. */
export function planFleet(n: number, ports: Ports = REAL_PORTS): FleetPlan {
  const specs: Record<string, CertSpec> = { 'fleet-wrong-name': { cn: '127.0.0.99', ips: ['127.0.0.99'], from: -30, to: 365 } };
  const devices: PrinterDevice[] = [];
  const silent: string[] = [];
  const printers: FleetPrinter[] = [];
  const portsOf = ports.https === REAL_PORTS.https && ports.printerHttp === REAL_PORTS.printerHttp ? {} : { httpsPort: ports.https, httpPort: ports.printerHttp };
  for (let i = 0; i < n; i++) {
    const ip = fleetIp(i);
    const kind = MIX[i % MIX.length]!;
    const k = KINDS[kind];
    const id = `fleet-${String(i + 1).padStart(3, '0')}-${kind}`;
    let certName = '';
    if (k.cert === 'trusted') specs[(certName = `fleet-${ip}`)] = { cn: ip, ips: [ip], from: -30, to: 365 };
    if (k.cert === 'self-signed') specs[(certName = `fleet-${ip}-self`)] = { cn: ip, ips: [ip], from: -1, to: 3650, selfSigned: true };
    if (k.cert === 'expired') specs[(certName = `fleet-${ip}-expired`)] = { cn: ip, ips: [ip], from: -400, to: -30 };
    if (k.cert === 'wrong-name') certName = 'fleet-wrong-name';
    if (certName) devices.push({ kind: 'printer', ip, https: certName, devid: k.devid ?? 'local_printer', epos: k.epos ?? ok() });
    if (k.cert === 'silent') silent.push(ip);
    printers.push({
      id,
      ip,
      kind,
      config: { id, name: `Fleet ${String(i + 1).padStart(2, '0')} ${kind}`, ip, ...portsOf },
      expect: k.expect,
      ...(k.expectFirefox ? { expectFirefox: k.expectFirefox } : {}),
      ...(k.needs ? { needs: k.needs } : {}),
      ...(k.needs === 'regenerate' ? { before: X('PRINTER_OK', 'trusted') } : {}),
    });
  }
  const nets = [...new Set(printers.map((p) => p.ip.replace(/\.\d+$/, '.*')))];
  return { fleet: { printers, hosts: printers.map((p) => p.ip), chromiumHostRules: nets.map((n) => `EXCLUDE ${n}`).join(', ') }, specs, devices, silent };
}

/** The expectation for one browser. */
export const fleetExpect = (p: FleetPrinter, browser: 'chromium' | 'firefox'): Expectation => (browser === 'firefox' && p.expectFirefox) || p.expect;

/**
 * Starts the fleet's servers with the lab's context (same recorder, server set and TLS map, so
 * `lab.requests`, `lab.maxConcurrent`, `lab.regenerateCert` and `lab.stop` cover them).
 */
export async function startFleet(n: number, ctx: DeviceContext, labDir: string): Promise<Fleet> {
  const plan = planFleet(n, ctx.ports);
  const dir = join(labDir, 'fleet');
  mkdirSync(dir, { recursive: true });
  // Same CA as the lab (browsers trust that one), own cache of leaves.
  for (const f of ['ca.crt', 'ca.key']) copyFileSync(join(labDir, f), join(dir, f));
  const certs = await loadOrCreateCerts(dir, plan.specs);
  const fleetCtx: DeviceContext = { ...ctx, certs };
  const results = await Promise.allSettled([...plan.devices.map((d) => startPrinter(d, fleetCtx)), ...plan.silent.map((ip) => startSilent({ kind: 'silent', ip }, fleetCtx))]);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
  return plan.fleet;
}

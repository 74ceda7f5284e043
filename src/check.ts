import type { CheckResult, Config, DeviceDiagnosis, Environment, Severity } from './model';
import { RESULT_VERSION } from './model';
import type { Http, HttpOutcome } from './net/http';
import { probeBox, type BoxFindings } from './probes/box';
import { probePrinter, type PrinterFindings } from './probes/printer';
import { HostQueue } from './probes/host-queue';
import { dohLookup } from './probes/doh';
import { decideBox, type Verdict } from './diagnoses/decide-box';
import { decidePrinter } from './diagnoses/decide-printer';
import { diagnosis } from './diagnoses/registry';
import { fingerprintChanged, withCertChange, type KnownCert } from './diagnoses/cert-change';
import { whenOffline } from './diagnoses/offline';
import { withCertImported } from './diagnoses/cert-imported';
import { boxOnPosPath, judgePos, onPosPath } from './pos/judge';
import { probePrinterPlain } from './pos/probe-plain';
import type { PosContext } from './pos/types';

export interface CheckDeps {
  http: Http;
  pageHttp?: Http;
  /** The browser's own resolver, where it can be asked (Firefox). */
  resolve?: (hostname: string) => Promise<string[] | 'nxdomain'>;
  now?: () => Date;
  /** The last finished check, for what changed since (a certificate trusted then, not now). */
  previous?: CheckResult | null;
  /** Certificate fingerprints remembered per device. */
  knownCerts?: Record<string, KnownCert>;
  environment: Omit<Environment, 'clockSkewMs'>;
  /** Called with the partial result each time a device is diagnosed. */
  onProgress?: (partial: CheckResult) => void;
  /** Pause between two requests to the same printer. */
  printerGapMs?: number;
  timeoutMs?: number;
  /** Devices probed at once (default 8): a fleet of 50 printers never opens 50 connections together. */
  maxDevices?: number;
  /** The POS site and what its open tab said (src/pos/): each device is probed on the path the POS uses. */
  pos?: PosContext | null;
  /** When the user said "I imported the certificate", per printer (src/diagnoses/cert-imported.ts). */
  certImports?: Record<string, string>;
}

export const MAX_DEVICES_AT_ONCE = 8;

/**
 * Runs at most `max` tasks at once, the others in the order they came. A finishing task hands
 * its slot straight to the next waiter, so a newcomer can never slip in past the limit.
 */
export function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active < max) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

const RANK: Record<Severity, number> = { ok: 0, warn: 1, error: 2 };
export const worstOf = (list: { severity: Severity }[]): Severity =>
  list.reduce<Severity>((w, d) => (RANK[d.severity] > RANK[w] ? d.severity : w), 'ok');

/** Clock offset (local minus server) from the Date headers of trusted sources, or undefined. */
export function clockSkew(outcomes: HttpOutcome[], localAt: (o: HttpOutcome) => number): number | undefined {
  const skews = outcomes
    .filter((o): o is Extract<HttpOutcome, { ok: true }> => o.ok && !!o.date)
    .map((o) => localAt(o) - Date.parse(o.date!))
    .filter((s) => Number.isFinite(s))
    .sort((a, b) => a - b);
  if (!skews.length) return undefined;
  return skews[Math.floor(skews.length / 2)];
}

/**
 * One full check: every box and printer probed in parallel (one request at a time per
 * printer, at most `maxDevices` devices at once), then each turned into one diagnosis.
 * Plain data in, plain data out.
 */
export async function runCheck(config: Config, deps: CheckDeps): Promise<CheckResult> {
  const now = deps.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const queue = new HostQueue(deps.printerGapMs ?? 250);
  // A hung device holds its slot only until its own timeouts end, never the whole check.
  const slot = limiter(Math.max(1, deps.maxDevices ?? MAX_DEVICES_AT_ONCE));
  const devices = new Map<string, DeviceDiagnosis>();
  const pos = judgePos(config, deps.pos, deps.environment.browser);
  const order = [...config.boxes.map((b) => b.id), ...config.printers.map((p) => p.id)];
  const doneAt = new Map<HttpOutcome, number>();
  const http: Http = {
    request: async (req) => {
      const res = await deps.http.request(req);
      doneAt.set(res, now().getTime());
      return res;
    },
  };
  let skew: number | undefined;
  const result = (): CheckResult => {
    const list = order.map((id) => devices.get(id)).filter((d): d is DeviceDiagnosis => !!d);
    list.push(...(pos?.rows ?? []).map((r) => toDevice(r.id, 'pos', r.label, r.verdict, [], {})));
    return {
      version: RESULT_VERSION,
      startedAt,
      finishedAt: now().toISOString(),
      environment: { ...deps.environment, ...(skew !== undefined ? { clockSkewMs: skew } : {}) },
      devices: list,
      worst: worstOf(list),
      ...(pos ? { pos: pos.summary } : {}),
    };
  };
  const toDevice = (id: string, kind: DeviceDiagnosis['kind'], label: string, v: Verdict, requests: HttpOutcome[], extra: Partial<DeviceDiagnosis>): DeviceDiagnosis => ({
    deviceId: id,
    kind,
    label,
    code: v.code,
    severity: diagnosis(v.code).severity,
    facts: v.facts,
    ...(v.raw ? { raw: v.raw } : {}),
    attempts: requests.map((r) => (r.ok ? { url: r.url, ok: true as const, status: r.status, ms: r.ms } : { url: r.url, ok: false as const, failure: r.failure, raw: r.raw, ms: r.ms })),
    ...(v.cert ? { cert: v.cert } : {}),
    ...(v.version ? { version: v.version } : {}),
    checkedAt: now().toISOString(),
    ...extra,
  });

  const boxFindings = new Map<string, BoxFindings>();
  const printerFindings = new Map<string, PrinterFindings>();
  const decideAll = (): void => {
    const findings = [...boxFindings.values(), ...printerFindings.values()];
    const offline = findings.some((f) => f.requests.some((r) => !r.ok && r.failure === 'offline'));
    const adjust = (v: Verdict): Verdict => (offline ? whenOffline(v) : v);
    for (const b of config.boxes) {
      const f = boxFindings.get(b.id);
      const plan = pos?.plans.get(b.id);
      if (f) devices.set(b.id, toDevice(b.id, 'box', b.name || b.hostname || b.ip || b.id, onPosPath(adjust(boxOnPosPath(f, plan, () => decideBox(f, now(), skew))), plan, pos), f.requests, { ip: f.ip, hostname: f.hostname }));
    }
    for (const p of config.printers) {
      const f = printerFindings.get(p.id);
      if (!f) continue;
      const before = deps.previous?.devices.find((d) => d.deviceId === p.id);
      const verdict = adjust(withCertImported(withCertChange(decidePrinter(f, skew), before), deps.certImports?.[p.id], now()));
      const device = toDevice(p.id, 'printer', p.name || p.ip, onPosPath(verdict, pos?.plans.get(p.id), pos), f.requests, { ip: p.ip });
      const known = deps.knownCerts?.[p.id];
      if (fingerprintChanged(device, known)) device.facts.certReplacedSince = known!.since.slice(0, 10);
      devices.set(p.id, device);
    }
  };
  const progress = (): void => {
    decideAll();
    deps.onProgress?.(result());
  };

  await Promise.all([
    ...config.boxes.map(async (b) => {
      boxFindings.set(b.id, await slot(() => probeBox(b, { http, dohUrl: config.settings.dohUrl, timeoutMs: deps.timeoutMs, resolve: deps.resolve })));
      progress();
    }),
    ...config.printers.map(async (p) => {
      // The path the POS uses: over plain http (Odoo's LNA mode, an http POS) no certificate is involved.
      const plain = ['lna-http', 'http-ip'].includes(pos?.plans.get(p.id)?.path ?? '');
      printerFindings.set(p.id, await slot(() => (plain ? probePrinterPlain : probePrinter)(p, { http, pageHttp: deps.pageHttp, queue, timeoutMs: deps.timeoutMs })));
      progress();
    }),
  ]);

  // A certificate "expired" or "not yet valid" may be this computer's clock: ask a trusted clock.
  const boxOutcomes = [...boxFindings.values()].flatMap((f) => f.requests);
  const dateFailures = [...boxFindings.values(), ...printerFindings.values()].some((f) => f.requests.some((r) => !r.ok && r.failure === 'cert-date'));
  const references: HttpOutcome[] = [...boxOutcomes];
  if (dateFailures && config.settings.dohUrl) {
    const probe: HttpOutcome[] = [];
    await dohLookup({ request: async (req) => { const r = await http.request(req); probe.push(r); return r; } }, config.settings.dohUrl, 'odoo-iot.com', deps.timeoutMs ?? 5000);
    references.push(...probe);
  }
  skew = clockSkew(references, (o) => doneAt.get(o) ?? now().getTime());
  decideAll();
  const final = result();
  deps.onProgress?.(final);
  return final;
}

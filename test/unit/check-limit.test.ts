import { describe, expect, it } from 'vitest';
import { limiter, MAX_DEVICES_AT_ONCE, runCheck } from '../../src/check';
import type { Config } from '../../src/model';
import { DEFAULT_SETTINGS } from '../../src/model';
import type { Http, HttpOutcome } from '../../src/net/http';

const env = { browser: 'Chromium 156', os: 'Linux (x86-64)', extensionVersion: '0.1.0', timeZone: 'UTC' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const healthy = '<response success="true" code="" status="251658262" battery="0"/>';

/** A fleet network: every printer answers after `ms`, those in `hung` only at their timeout. */
function fleetHttp(opts: { ms: number; hung?: Set<string> }) {
  const inFlight = new Map<string, number>();
  const seen = { maxDevices: 0, maxPerHost: 0 };
  const http: Http = {
    async request(req): Promise<HttpOutcome> {
      const host = new URL(req.url).hostname;
      inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
      seen.maxPerHost = Math.max(seen.maxPerHost, inFlight.get(host)!);
      seen.maxDevices = Math.max(seen.maxDevices, [...inFlight.values()].filter((n) => n > 0).length);
      try {
        if (opts.hung?.has(host)) {
          await sleep(req.timeoutMs);
          return { ok: false, url: req.url, failure: 'timeout', raw: `no answer within ${req.timeoutMs} ms`, ms: req.timeoutMs };
        }
        await sleep(opts.ms);
        return { ok: true, url: req.url, status: 200, text: healthy, tooLarge: false, ms: opts.ms };
      } finally {
        inFlight.set(host, inFlight.get(host)! - 1);
      }
    },
  };
  return { http, seen };
}

const fleet = (n: number): Config => ({
  boxes: [],
  printers: Array.from({ length: n }, (_, i) => ({ id: `p${i}`, ip: `10.0.1.${i + 1}` })),
  settings: { ...DEFAULT_SETTINGS, dohUrl: '' },
});

describe('limiter', () => {
  it('runs at most max tasks at once, in order, and survives failures', async () => {
    const run = limiter(2);
    let active = 0;
    let max = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      active++;
      max = Math.max(max, active);
      await sleep(5);
      active--;
      if (i === 1) throw new Error('boom');
      return i;
    };
    const all = await Promise.allSettled([0, 1, 2, 3, 4].map((i) => run(task(i))));
    expect(max).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(all.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
  });
  it('never lets a newcomer past the limit while a slot is being handed over', async () => {
    const run = limiter(1);
    let active = 0;
    let max = 0;
    const task = async () => {
      active++;
      max = Math.max(max, active);
      await Promise.resolve();
      active--;
    };
    const first = run(task);
    const second = run(task);
    await first;
    const third = run(task); // arrives while the slot passes from first to second
    await Promise.all([second, third]);
    expect(max).toBe(1);
  });
});

describe('a check of many devices', () => {
  it(`probes at most ${MAX_DEVICES_AT_ONCE} devices at once, one request at a time each`, async () => {
    const { http, seen } = fleetHttp({ ms: 5 });
    const r = await runCheck(fleet(30), { http, environment: env, printerGapMs: 0 });
    expect(r.devices).toHaveLength(30);
    expect(r.devices.every((d) => d.code === 'PRINTER_OK')).toBe(true);
    expect(seen.maxDevices).toBe(MAX_DEVICES_AT_ONCE);
    expect(seen.maxPerHost).toBe(1);
  });
  it('lets the others through while a few devices hang until their timeout', async () => {
    const hung = new Set(['10.0.1.1', '10.0.1.2']);
    const { http } = fleetHttp({ ms: 5, hung });
    const finished: string[] = [];
    const r = await runCheck(fleet(20), {
      http,
      environment: env,
      printerGapMs: 0,
      timeoutMs: 300,
      maxDevices: 4,
      onProgress: (p) => {
        for (const d of p.devices) if (!finished.includes(d.deviceId)) finished.push(d.deviceId);
      },
    });
    // The 18 healthy printers all finished before either hung one.
    expect(finished.slice(0, 18).sort()).toEqual(Array.from({ length: 18 }, (_, i) => `p${i + 2}`).sort());
    expect(r.devices.find((d) => d.deviceId === 'p0')?.code).toBe('PRINTER_UNREACHABLE');
  });
});

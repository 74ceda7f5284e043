/**
 * The fleet: its plan (addresses, mix, expectations) and, once started, that its servers serve
 * what the plan says, seen from node's https client trusting only the fleet's CA.
 */
import { mkdtempSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PADLOCK_OF_CODE } from '../../src/diagnoses/padlock';
import { loadOrCreateCerts } from './ca';
import { fleetIp, MIX, planFleet, startFleet, type Fleet } from './fleet';
import { choosePorts, type DeviceContext, PortInUseError, Recorder, REAL_PORTS, ServerSet } from './net';

describe('planFleet', () => {
  it('puts printers on their own loopback addresses, past 127.0.0.x', () => {
    expect([0, 1, 253, 254, 255].map(fleetIp)).toEqual(['127.0.1.1', '127.0.1.2', '127.0.1.254', '127.0.2.1', '127.0.2.2']);
    expect(planFleet(300).fleet.chromiumHostRules).toBe('EXCLUDE 127.0.1.*, EXCLUDE 127.0.2.*');
  });
  it('mixes every padlock state; 50 printers hold each fault twice', () => {
    const { fleet, devices, silent } = planFleet(50);
    expect(new Set(fleet.hosts).size).toBe(50);
    const kinds = fleet.printers.map((p) => p.kind);
    for (const k of new Set(MIX)) expect(kinds.filter((x) => x === k).length, k).toBe(2 * MIX.filter((x) => x === k).length);
    expect(new Set(fleet.printers.map((p) => p.expect.padlock))).toEqual(new Set(['trusted', 'untrusted', 'expired', 'wrong-name', 'temporary', 'changed', 'unreachable']));
    for (const p of fleet.printers) expect(PADLOCK_OF_CODE[p.expect.code], p.id).toBe(p.expect.padlock);
    // Refused printers have no server at all; silent ones accept TCP and say nothing.
    expect(devices.length + silent.length).toBe(50 - kinds.filter((k) => k === 'refused').length);
  });
  it('configures the lab ports when the real ones cannot be used', () => {
    const [p] = planFleet(1, { https: 8443, boxHttp: 8069, printerHttp: 8080 }).fleet.printers;
    expect(p!.config).toMatchObject({ ip: '127.0.1.1', httpsPort: 8443, httpPort: 8080 });
    expect(planFleet(1).fleet.printers[0]!.config).not.toHaveProperty('httpsPort');
  });
});

describe('a running fleet', () => {
  // On its own (127.0.1.x and a throwaway CA): the lab's 127.0.0.x stays free for the other lab tests.
  const ctx: DeviceContext = { recorder: new Recorder(), ports: REAL_PORTS, certs: { caCertPath: '', caCertPem: '', leaves: {} }, servers: new ServerSet(), startedAt: Date.now(), tls: new Map() };
  let fleet: Fleet;
  let ca: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-test-'));
    ca = (await loadOrCreateCerts(dir, {})).caCertPem;
    ctx.ports = await choosePorts();
    for (const deadline = Date.now() + 60_000; ; ) {
      try {
        fleet = await startFleet(25, ctx, dir);
        break;
      } catch (e) {
        await ctx.servers.closeAll();
        if (!(e instanceof PortInUseError) || Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }, 90_000);
  afterAll(async () => {
    await ctx.servers.closeAll();
  });

  const handshake = (ip: string): Promise<string> =>
    new Promise((resolve) => {
      const req = https.request({ host: ip, port: ctx.ports.https, path: '/', ca, agent: false, timeout: 2000 }, (res) => {
        res.resume();
        resolve(`HTTP ${res.statusCode}`);
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
      req.on('error', (e: Error & { code?: string }) => resolve(e.code ?? e.message));
      req.end();
    });

  it('serves the certificate each printer is planned with', async () => {
    const byKind = (k: string) => fleet.printers.find((p) => p.kind === k)!.ip;
    expect(await handshake(byKind('ok'))).toBe('HTTP 200');
    expect(await handshake(byKind('self-signed'))).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(await handshake(byKind('expired'))).toBe('CERT_HAS_EXPIRED');
    expect(await handshake(byKind('wrong-name'))).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(await handshake(byKind('refused'))).toBe('ECONNREFUSED');
    expect(await handshake(byKind('silent'))).toBe('TIMEOUT');
    expect(ctx.recorder.requests(byKind('ok'))).toHaveLength(1);
  });
});

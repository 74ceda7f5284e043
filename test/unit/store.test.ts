import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_VERSION, openStore, sanitizeConfig } from '../../src/store/db';
import { MIGRATIONS } from '../../src/store/schema';
import type { CheckResult, Config } from '../../src/model';
import { DEFAULT_SETTINGS } from '../../src/model';

let n = 0;
const fresh = (): string => `iot-doctor-test-${++n}`;
const CONFIG: Config = { boxes: [{ id: 'b', ip: '192.168.1.143', hostname: '192-168-1-143.d73e7513.odoo-iot.com' }], printers: [{ id: 'p', ip: '192.168.1.50', name: 'Kitchen' }], settings: { ...DEFAULT_SETTINGS } };
const result = (at: string, code: string): CheckResult => ({
  version: 1, startedAt: at, finishedAt: at, environment: { browser: 'x', os: 'y', extensionVersion: '0', timeZone: 'UTC' }, worst: 'ok',
  devices: [{ deviceId: 'p', kind: 'printer', label: 'Kitchen', code, severity: 'ok', facts: {}, attempts: [], checkedAt: at }],
});

/** A database as version `v` of the extension left it, with data in it. */
async function databaseAt(name: string, v: number): Promise<void> {
  const db = await openDB(name, v, {
    async upgrade(d, old, _new, tx) {
      for (let i = old; i < v; i++) await MIGRATIONS[i]!(d as never, tx as never);
    },
  });
  await db.put('kv', CONFIG, 'config');
  await db.put('kv', result('2026-11-25T10:00:00.000Z', 'PRINTER_OK'), 'last');
  await db.add('history', { deviceId: 'p', at: '2026-11-25T10:00:00.000Z', code: 'PRINTER_OK', severity: 'ok' });
  db.close();
}

describe('the store', () => {
  it('keeps configuration, last result and history', async () => {
    const s = openStore(fresh());
    expect(await s.getConfig()).toEqual({ boxes: [], printers: [], settings: DEFAULT_SETTINGS });
    await s.setConfig(CONFIG);
    await s.setLast(result('2026-11-26T09:00:00.000Z', 'PRINTER_OK'));
    await s.setLast(result('2026-11-26T10:00:00.000Z', 'PRINTER_CERT_UNTRUSTED'));
    expect(await s.getConfig()).toEqual(CONFIG);
    expect((await s.getLast())?.devices[0]?.code).toBe('PRINTER_CERT_UNTRUSTED');
    expect((await s.history('p')).map((h) => h.code)).toEqual(['PRINTER_OK', 'PRINTER_CERT_UNTRUSTED']);
  });

  it('bounds the history per device', async () => {
    const s = openStore(fresh());
    for (let i = 0; i < 60; i++) await s.setLast(result(`2026-11-26T10:${String(i).padStart(2, '0')}:00.000Z`, 'PRINTER_OK'));
    const h = await s.history('p');
    expect(h).toHaveLength(50);
    expect(h[0]?.at).toBe('2026-11-26T10:10:00.000Z');
  });

  for (let v = 1; v < DB_VERSION; v++) {
    it(`migrates a version ${v} database without losing anything`, async () => {
      const name = fresh();
      await databaseAt(name, v);
      const s = openStore(name);
      expect(await s.getConfig()).toEqual(CONFIG);
      expect((await s.getLast())?.devices[0]?.code).toBe('PRINTER_OK');
      expect((await s.history('p')).map((h) => h.code)).toEqual(['PRINTER_OK']);
      expect(await s.getNotice()).toBeNull();
    });
  }

  it('resets a database it cannot open, keeps the device list, and says so', async () => {
    const name = fresh();
    // A newer version of the extension left a database this one cannot open.
    const db = await openDB(name, DB_VERSION + 5, { upgrade: (d) => void d.createObjectStore('kv') });
    await db.put('kv', CONFIG, 'config');
    db.close();
    const s = openStore(name);
    expect(await s.getConfig()).toEqual(CONFIG);
    expect(await s.getNotice()).toMatchObject({ kind: 'reset', devicesKept: 2 });
    await s.clearNotice();
    expect(await s.getNotice()).toBeNull();
    await s.setLast(result('2026-11-26T10:00:00.000Z', 'PRINTER_OK'));
    expect(await s.history('p')).toHaveLength(1);
  });

  it('keeps what is readable of a damaged configuration and says so', async () => {
    const name = fresh();
    await databaseAt(name, DB_VERSION);
    const db = await openDB(name, DB_VERSION);
    await db.put('kv', { boxes: [{ id: 'b', ip: 'garbage!!' }], printers: [{ id: 'p', ip: '192.168.1.50' }], settings: { dohUrl: 42 } }, 'config');
    db.close();
    const s = openStore(name);
    const c = await s.getConfig();
    expect(c.printers.map((p) => p.ip)).toEqual(['192.168.1.50']);
    expect(c.boxes).toEqual([]);
    expect(await s.getNotice()).toMatchObject({ kind: 'reset', devicesKept: 1 });
  });

  it('reads garbage as an empty configuration, never throws', () => {
    for (const g of [null, 42, 'x', [], { boxes: 'no' }, { boxes: [null, 7], printers: [{}] }]) expect(sanitizeConfig(g).config.boxes).toEqual([]);
    expect(sanitizeConfig(undefined).damaged).toBe(false);
    expect(sanitizeConfig(CONFIG)).toEqual({ config: CONFIG, damaged: false });
  });

  it('remembers a check in progress', async () => {
    const s = openStore(fresh());
    await s.setRunning({ startedAt: '2026-11-26T10:00:00.000Z' });
    expect(await s.getRunning()).toEqual({ startedAt: '2026-11-26T10:00:00.000Z' });
    await s.setRunning(null);
    expect(await s.getRunning()).toBeNull();
  });
});

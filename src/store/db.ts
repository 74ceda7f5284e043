import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import type { CheckResult, Config } from '../model';
import { DEFAULT_SETTINGS } from '../model';
import type { KnownCert } from '../diagnoses/cert-change';
import { validateConfig } from '../config/validate';
import { DB_VERSION, MIGRATIONS, type HistoryEntry, type KvKey, type PosValues, type Schema, type StoreNotice } from './schema';
import { readConfigAnyVersion } from './rescue';

export type { HistoryEntry, StoreNotice } from './schema';
export { DB_VERSION } from './schema';

/**
 * What we keep, in IndexedDB (idb): the configuration, the last result (so the popup opens
 * instantly), a bounded history per device, remembered certificates, and a marker of the
 * check in progress (so a worker stopped mid-check resumes it). An unreadable database is
 * reset, keeping the device list where it can still be read, and the user is told.
 */
export const DB_NAME = 'iot-doctor';
export const HISTORY_PER_DEVICE = 50;

export const emptyConfig = (): Config => ({ boxes: [], printers: [], settings: { ...DEFAULT_SETTINGS } });

export interface Store {
  getConfig(): Promise<Config>;
  setConfig(config: Config): Promise<void>;
  getLast(): Promise<CheckResult | null>;
  setLast(result: CheckResult): Promise<void>;
  /** Oldest first. */
  history(deviceId: string): Promise<HistoryEntry[]>;
  /** Last notification key per device (see src/watch.ts). */
  getNotified(): Promise<Record<string, string>>;
  setNotified(n: Record<string, string>): Promise<void>;
  /** Certificate fingerprints remembered per device. */
  getCerts(): Promise<Record<string, KnownCert>>;
  setCerts(c: Record<string, KnownCert>): Promise<void>;
  /** The check in progress, if the worker was stopped during one. */
  getRunning(): Promise<{ startedAt: string } | null>;
  setRunning(r: { startedAt: string } | null): Promise<void>;
  /** What the user must be told about the store (reset), until dismissed. */
  getNotice(): Promise<StoreNotice | null>;
  clearNotice(): Promise<void>;
  /** What the point-of-sale checks keep (see src/pos/store.ts). */
  getPos<K extends keyof PosValues>(key: K): Promise<PosValues[K] | undefined>;
  setPos<K extends keyof PosValues>(key: K, value: PosValues[K]): Promise<void>;
}

/** Reads a stored configuration defensively: whatever is valid in it is kept. */
export function sanitizeConfig(stored: unknown): { config: Config; damaged: boolean } {
  if (stored === undefined) return { config: emptyConfig(), damaged: false };
  const { config } = validateConfig(stored, DEFAULT_SETTINGS);
  const s = stored as Partial<Config> | null;
  const shaped = typeof s === 'object' && s !== null && Array.isArray(s.boxes) && Array.isArray(s.printers);
  // Damaged: not a configuration at all, or entries that had to be dropped to read it.
  const dropped = shaped ? s.boxes!.length + s.printers!.length - (config.boxes.length + config.printers.length) : 0;
  return { config, damaged: !shaped || dropped > 0 };
}

export function openStore(name = DB_NAME): Store {
  let db: Promise<IDBPDatabase<Schema>> | undefined;
  const open = (): Promise<IDBPDatabase<Schema>> =>
    openDB<Schema>(name, DB_VERSION, {
      async upgrade(d, oldVersion, _newVersion, tx) {
        for (let v = oldVersion; v < DB_VERSION; v++) await MIGRATIONS[v]!(d, tx);
      },
    });
  const rescue = async (): Promise<IDBPDatabase<Schema>> => {
    const kept = await readConfigAnyVersion(name).catch(() => undefined);
    await deleteDB(name).catch(() => undefined);
    const fresh = await open();
    const { config } = sanitizeConfig(kept);
    await fresh.put('kv', config, 'config');
    const notice: StoreNotice = { at: new Date().toISOString(), kind: 'reset', devicesKept: config.boxes.length + config.printers.length };
    await fresh.put('kv', notice, 'notice');
    return fresh;
  };
  const get = (): Promise<IDBPDatabase<Schema>> => (db ??= open().catch(rescue));
  const read = async <T>(key: KvKey): Promise<T | undefined> => (await (await get()).get('kv', key)) as T | undefined;
  const write = async (key: KvKey, value: Schema['kv']['value'] | undefined): Promise<void> => {
    const d = await get();
    if (value === undefined) await d.delete('kv', key);
    else await d.put('kv', value, key);
  };
  return {
    async getConfig() {
      const stored = await read<unknown>('config');
      const { config, damaged } = sanitizeConfig(stored);
      if (damaged) {
        // Keep what could be read, say so once, and never leave the damaged value behind.
        await write('config', config);
        await write('notice', { at: new Date().toISOString(), kind: 'reset', devicesKept: config.boxes.length + config.printers.length });
      }
      return config;
    },
    setConfig: (config) => write('config', config),
    async getLast() {
      return (await read<CheckResult>('last')) ?? null;
    },
    async setLast(result) {
      const d = await get();
      const tx = d.transaction(['kv', 'history'], 'readwrite');
      await tx.objectStore('kv').put(result, 'last');
      const hist = tx.objectStore('history');
      for (const dev of result.devices) {
        await hist.add({ deviceId: dev.deviceId, at: dev.checkedAt, code: dev.code, severity: dev.severity });
        const keys = await hist.index('byDeviceAt').getAllKeys(IDBKeyRange.bound([dev.deviceId, ''], [dev.deviceId, '\uffff']));
        for (const k of keys.slice(0, Math.max(0, keys.length - HISTORY_PER_DEVICE))) await hist.delete(k);
      }
      await tx.done;
    },
    async history(deviceId) {
      return (await get()).getAllFromIndex('history', 'byDeviceAt', IDBKeyRange.bound([deviceId, ''], [deviceId, '\uffff']));
    },
    async getNotified() {
      return (await read<Record<string, string>>('notified')) ?? {};
    },
    setNotified: (n) => write('notified', n),
    async getCerts() {
      return (await read<Record<string, KnownCert>>('certs')) ?? {};
    },
    setCerts: (c) => write('certs', c),
    async getRunning() {
      return (await read<{ startedAt: string }>('running')) ?? null;
    },
    setRunning: (r) => write('running', r ?? undefined),
    async getNotice() {
      return (await read<StoreNotice>('notice')) ?? null;
    },
    clearNotice: () => write('notice', undefined),
    getPos: (key) => read(key),
    setPos: (key, value) => write(key, value),
  };
}

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CheckResult, Config } from '../model';
import { DEFAULT_SETTINGS } from '../model';
import type { KnownCert } from '../diagnoses/cert-change';

/**
 * What we keep, in IndexedDB (idb): the configuration, the last result (so the popup opens
 * instantly and a restarted worker loses nothing) and a bounded history per device.
 */
interface Schema extends DBSchema {
  kv: { key: 'config' | 'last' | 'notified' | 'certs'; value: Config | CheckResult | Record<string, string> | Record<string, KnownCert> };
  history: { key: number; value: HistoryEntry; indexes: { byDevice: string } };
}

export interface HistoryEntry {
  id?: number;
  deviceId: string;
  at: string;
  code: string;
  severity: string;
}

export const DB_NAME = 'iot-doctor';
export const DB_VERSION = 1;
export const HISTORY_PER_DEVICE = 50;

export const emptyConfig = (): Config => ({ boxes: [], printers: [], settings: { ...DEFAULT_SETTINGS } });

export interface Store {
  getConfig(): Promise<Config>;
  setConfig(config: Config): Promise<void>;
  getLast(): Promise<CheckResult | null>;
  setLast(result: CheckResult): Promise<void>;
  history(deviceId: string): Promise<HistoryEntry[]>;
  /** Last notification key per device (see src/watch.ts). */
  getNotified(): Promise<Record<string, string>>;
  setNotified(n: Record<string, string>): Promise<void>;
  /** Certificate fingerprints remembered per device. */
  getCerts(): Promise<Record<string, KnownCert>>;
  setCerts(c: Record<string, KnownCert>): Promise<void>;
}

export function openStore(): Store {
  let db: Promise<IDBPDatabase<Schema>> | undefined;
  const get = (): Promise<IDBPDatabase<Schema>> =>
    (db ??= openDB<Schema>(DB_NAME, DB_VERSION, {
      upgrade(d) {
        if (!d.objectStoreNames.contains('kv')) d.createObjectStore('kv');
        if (!d.objectStoreNames.contains('history')) d.createObjectStore('history', { keyPath: 'id', autoIncrement: true }).createIndex('byDevice', 'deviceId');
      },
    }));
  return {
    async getConfig() {
      const c = (await (await get()).get('kv', 'config')) as Config | undefined;
      return c ? { ...emptyConfig(), ...c, settings: { ...DEFAULT_SETTINGS, ...c.settings } } : emptyConfig();
    },
    async setConfig(config) {
      await (await get()).put('kv', config, 'config');
    },
    async getLast() {
      return ((await (await get()).get('kv', 'last')) as CheckResult | undefined) ?? null;
    },
    async setLast(result) {
      const d = await get();
      const tx = d.transaction(['kv', 'history'], 'readwrite');
      await tx.objectStore('kv').put(result, 'last');
      const hist = tx.objectStore('history');
      for (const dev of result.devices) {
        await hist.add({ deviceId: dev.deviceId, at: dev.checkedAt, code: dev.code, severity: dev.severity });
        const keys = await hist.index('byDevice').getAllKeys(dev.deviceId);
        for (const k of keys.slice(0, Math.max(0, keys.length - HISTORY_PER_DEVICE))) await hist.delete(k);
      }
      await tx.done;
    },
    async history(deviceId) {
      return (await get()).getAllFromIndex('history', 'byDevice', deviceId);
    },
    async getNotified() {
      return ((await (await get()).get('kv', 'notified')) as Record<string, string> | undefined) ?? {};
    },
    async setNotified(n) {
      await (await get()).put('kv', n, 'notified');
    },
    async getCerts() {
      return ((await (await get()).get('kv', 'certs')) as Record<string, KnownCert> | undefined) ?? {};
    },
    async setCerts(c) {
      await (await get()).put('kv', c, 'certs');
    },
  };
}

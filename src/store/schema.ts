import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { CheckResult, Config } from '../model';
import type { KnownCert } from '../diagnoses/cert-change';

export interface HistoryEntry {
  id?: number;
  deviceId: string;
  at: string;
  code: string;
  severity: string;
}

/** Something the user must be told about the store itself (e.g. it had to be reset). */
export interface StoreNotice {
  at: string;
  kind: 'reset';
  /** How many devices could be kept from the unreadable store. */
  devicesKept: number;
}

/** What the point-of-sale checks keep (src/pos/store.ts): the Odoo site, its tab's last reading, imports marked. */
export interface PosValues {
  posSite: import('../pos/types').PosSite;
  posContext: import('../pos/types').PosContext;
  posImports: Record<string, string>;
}

export type KvKey = 'config' | 'last' | 'notified' | 'certs' | 'running' | 'notice' | keyof PosValues;

export interface Schema extends DBSchema {
  kv: { key: KvKey; value: Config | CheckResult | Record<string, string> | Record<string, KnownCert> | { startedAt: string } | StoreNotice | PosValues[keyof PosValues] };
  history: { key: number; value: HistoryEntry; indexes: { byDevice: string; byDeviceAt: [string, string] } };
}

type Upgrade = (db: IDBPDatabase<Schema>, tx: IDBPTransaction<Schema, StoreNames<Schema>[], 'versionchange'>) => void | Promise<void>;

/**
 * The schema's history, one step per version. A database of any earlier version is brought
 * up to date by running the steps after its version, in order (tests open every earlier
 * version and check nothing is lost). Never edit a released step: add the next one.
 */
export const MIGRATIONS: Upgrade[] = [
  // 1: configuration and last result as key/values, history per device.
  (db) => {
    db.createObjectStore('kv');
    db.createObjectStore('history', { keyPath: 'id', autoIncrement: true }).createIndex('byDevice', 'deviceId');
  },
  // 2: history in time order per device, for the timeline of changes.
  (_db, tx) => {
    tx.objectStore('history').createIndex('byDeviceAt', ['deviceId', 'at']);
  },
];

export const DB_VERSION = MIGRATIONS.length;

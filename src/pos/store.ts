/**
 * What the POS checks keep between checks (the worker may stop at any time): the Odoo site the
 * user allowed or discovery suggested, the last reading of its tab (used while the tab is
 * closed), and the printers whose certificate the user said is imported. An IndexedDB database
 * of its own, so the main store's schema stays untouched.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PosContext, PosSite } from './types';

interface Schema extends DBSchema {
  kv: { key: 'site' | 'context' | 'imports'; value: PosSite | PosContext | Record<string, string> };
}

export const POS_DB_NAME = 'iot-doctor-pos';

export interface PosStore {
  getSite(): Promise<PosSite | null>;
  setSite(site: PosSite): Promise<void>;
  /** The last reading of the site's tab. */
  getContext(): Promise<PosContext | null>;
  setContext(ctx: PosContext): Promise<void>;
  /** Printer id -> when the user said "I imported the certificate" (ISO). */
  getImports(): Promise<Record<string, string>>;
  setImports(marks: Record<string, string>): Promise<void>;
}

export function openPosStore(): PosStore {
  let db: Promise<IDBPDatabase<Schema>> | undefined;
  const get = (): Promise<IDBPDatabase<Schema>> =>
    (db ??= openDB<Schema>(POS_DB_NAME, 1, {
      upgrade(d) {
        if (!d.objectStoreNames.contains('kv')) d.createObjectStore('kv');
      },
    }));
  const read = async <T>(key: 'site' | 'context' | 'imports'): Promise<T | undefined> => (await (await get()).get('kv', key)) as T | undefined;
  const write = async (key: 'site' | 'context' | 'imports', value: Schema['kv']['value']): Promise<void> => {
    await (await get()).put('kv', value, key);
  };
  return {
    getSite: async () => (await read<PosSite>('site')) ?? null,
    setSite: (site) => write('site', site),
    getContext: async () => (await read<PosContext>('context')) ?? null,
    setContext: (ctx) => write('context', ctx),
    getImports: async () => (await read<Record<string, string>>('imports')) ?? {},
    setImports: (marks) => write('imports', marks),
  };
}

/** The same, in memory: for unit tests. */
export function memoryPosStore(): PosStore {
  const kv = new Map<string, unknown>();
  return {
    getSite: async () => (kv.get('site') as PosSite | undefined) ?? null,
    setSite: async (s) => void kv.set('site', structuredClone(s)),
    getContext: async () => (kv.get('context') as PosContext | undefined) ?? null,
    setContext: async (c) => void kv.set('context', structuredClone(c)),
    getImports: async () => ({ ...((kv.get('imports') as Record<string, string> | undefined) ?? {}) }),
    setImports: async (m) => void kv.set('imports', { ...m }),
  };
}

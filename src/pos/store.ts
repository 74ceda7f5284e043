/**
 * What the POS checks keep between checks (the worker may stop at any time): the Odoo site the
 * user allowed or discovery suggested, the last reading of its tab (used while the tab is
 * closed), and the printers whose certificate the user said is imported. Kept in the main
 * store (src/store/db.ts), so its migrations and its rescue of an unreadable database cover them.
 */
import type { Store } from '../store/db';
import type { PosContext, PosSite } from './types';

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

export function posStoreOn(store: Pick<Store, 'getPos' | 'setPos'>): PosStore {
  return {
    getSite: async () => (await store.getPos('posSite')) ?? null,
    setSite: (site) => store.setPos('posSite', site),
    getContext: async () => (await store.getPos('posContext')) ?? null,
    setContext: (ctx) => store.setPos('posContext', ctx),
    getImports: async () => (await store.getPos('posImports')) ?? {},
    setImports: (marks) => store.setPos('posImports', marks),
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

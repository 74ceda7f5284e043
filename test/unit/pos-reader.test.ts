import { describe, expect, it } from 'vitest';
import { pageReading, readPosContext, type PosBrowser } from '../../src/pos/reader';
import { memoryPosStore } from '../../src/pos/store';
import { ORIGIN, odoo, page } from './pos-fixtures';

const NOW = () => new Date('2026-11-26T10:00:00Z');
type Tab = { id?: number; url?: string; lastAccessed?: number };

function browser(o: { access?: boolean; tabs?: Tab[]; pages?: Record<number, unknown>; odoo?: unknown } = {}) {
  const calls: string[] = [];
  const b: PosBrowser = {
    hasAccess: async (pattern) => (calls.push(`access ${pattern}`), o.access ?? true),
    tabs: async (pattern) => (calls.push(`tabs ${pattern}`), o.tabs ?? []),
    readPage: async (tabId) => {
      calls.push(`page ${tabId}`);
      if (!(tabId in (o.pages ?? {}))) throw new Error('Cannot access contents of the page');
      return o.pages![tabId];
    },
    readOdoo: async (tabId, origin) => (calls.push(`odoo ${tabId} ${origin}`), o.odoo ?? odoo(19)),
  };
  return { b, calls };
}

describe('pageReading', () => {
  it("keeps only the declared fields, and only for the site's own page", () => {
    const raw = { ...page(), url: `${ORIGIN}/pos/ui`, extra: 'secret', lna: { ...page().lna, 'local-network': 'weird' } };
    expect(pageReading(raw, ORIGIN)).toEqual({ url: `${ORIGIN}/pos/ui`, secure: true, lna: { 'local-network-access': 'granted', 'local-network': 'unsupported', 'loopback-network': 'granted' } });
    expect(pageReading({ ...page(), url: 'https://evil.example/pos/ui' }, ORIGIN)).toBeUndefined();
    expect(pageReading('nope', ORIGIN)).toBeUndefined();
  });
});

describe('readPosContext', () => {
  it('nothing without a site; only the site and its access while merely suggested or not allowed', async () => {
    const store = memoryPosStore();
    expect(await readPosContext(store, browser().b, NOW)).toBeNull();
    await store.setSite({ origin: ORIGIN, watched: false });
    const { b, calls } = browser();
    expect(await readPosContext(store, b, NOW)).toEqual({ origin: ORIGIN, watched: false, access: true, live: false });
    expect(calls).toEqual([`access ${ORIGIN}/*`]); // never touches a tab before the user said yes
    await store.setSite({ origin: ORIGIN, watched: true });
    expect(await readPosContext(store, browser({ access: false }).b, NOW)).toEqual({ origin: ORIGIN, watched: true, access: false, live: false });
  });
  it('reads the POS tab first, then remembers the reading for when the tab is closed', async () => {
    const store = memoryPosStore();
    await store.setSite({ origin: ORIGIN, watched: true });
    const tabs = [
      { id: 1, url: `${ORIGIN}/odoo/action-pos`, lastAccessed: 9 },
      { id: 2, url: `${ORIGIN}/pos/ui?config_id=1`, lastAccessed: 1 },
      { id: 3, url: 'https://other.example/pos/ui', lastAccessed: 10 },
    ];
    const { b, calls } = browser({ tabs, pages: { 1: page(), 2: page({ 'local-network': 'denied' }) } });
    const live = await readPosContext(store, b, NOW);
    expect(calls.slice(1)).toEqual([`tabs ${ORIGIN}/*`, 'page 2', `odoo 2 ${ORIGIN}`]);
    expect(live).toMatchObject({ origin: ORIGIN, live: true, seenAt: '2026-11-26T10:00:00.000Z', page: { lna: { 'local-network': 'denied' } } });
    expect(live!.odoo?.ok).toBe(true);
    const later = await readPosContext(store, browser({ tabs: [] }).b, () => new Date('2026-11-27T10:00:00Z'));
    expect(later).toMatchObject({ live: false, seenAt: '2026-11-26T10:00:00.000Z', page: { lna: { 'local-network': 'denied' } } });
  });
  it('skips a tab it cannot read; keeps the last configuration when the session expired', async () => {
    const store = memoryPosStore();
    await store.setSite({ origin: ORIGIN, watched: true });
    await readPosContext(store, browser({ tabs: [{ id: 1, url: `${ORIGIN}/pos/ui` }], pages: { 1: page() } }).b, NOW);
    const tabs = [{ id: 5, url: `${ORIGIN}/pos/ui` }, { id: 6, url: `${ORIGIN}/web` }];
    const ctx = await readPosContext(store, browser({ tabs, pages: { 6: page() }, odoo: { ok: false, error: 'session-expired' } }).b, NOW);
    expect(ctx).toMatchObject({ live: true, page: { url: `${ORIGIN}/pos/ui` } });
    expect(ctx!.odoo).toEqual(odoo(19));
  });
  it('another site watched since: the old reading is not used', async () => {
    const store = memoryPosStore();
    await store.setSite({ origin: ORIGIN, watched: true });
    await readPosContext(store, browser({ tabs: [{ id: 1, url: `${ORIGIN}/pos/ui` }], pages: { 1: page() } }).b, NOW);
    await store.setSite({ origin: 'https://other.odoo.com', watched: true });
    expect(await readPosContext(store, browser().b, NOW)).toEqual({ origin: 'https://other.odoo.com', watched: true, access: true, live: false });
  });
});

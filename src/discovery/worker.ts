import type { Config } from '../model';
import { mapDiscovery } from './map';
import { looksLikeOdoo, odooTabsOf } from './odoo-tabs';
import { readOdooInPage } from './read-in-page';
import { WANTED_FIELDS, type DiscoveryResult, type OdooTab, type RawDiscovery } from './types';

/** The browser APIs discovery uses, passed in (tests give fakes). */
export interface DiscoveryDeps {
  /** Needs the optional "tabs" permission to see URLs. */
  queryTabs(): Promise<Array<{ id?: number; url?: string; title?: string }>>;
  getTab(tabId: number): Promise<{ id?: number; url?: string } | undefined>;
  /** scripting.executeScript in the tab's main world; answers the function's result. */
  runInTab(tabId: number, func: typeof readOdooInPage, args: [string, typeof WANTED_FIELDS]): Promise<unknown>;
  getConfig(): Promise<Config>;
}

export function createDiscovery(deps: DiscoveryDeps) {
  return {
    async findTabs(): Promise<OdooTab[]> {
      return odooTabsOf(await deps.queryTabs());
    },

    async read(tabId: number): Promise<DiscoveryResult> {
      const tab = await deps.getTab(tabId).catch(() => undefined);
      if (!tab?.url) return { ok: false, error: 'tab-gone' };
      if (!looksLikeOdoo(tab.url)) return { ok: false, error: 'not-odoo' };
      const origin = new URL(tab.url).origin;
      let raw: unknown;
      try {
        raw = await deps.runInTab(tabId, readOdooInPage, [origin, WANTED_FIELDS]);
      } catch (e) {
        const msg = String((e as Error)?.message ?? e);
        if (/no tab with id|tab was closed|invalid tab/i.test(msg)) return { ok: false, error: 'tab-gone' };
        if (/permission|cannot access|missing host/i.test(msg)) return { ok: false, error: 'no-access' };
        return { ok: false, error: 'failed', detail: msg.slice(0, 120) };
      }
      if (typeof raw !== 'object' || raw === null || typeof (raw as { ok?: unknown }).ok !== 'boolean') return { ok: false, error: 'failed' };
      return mapDiscovery(raw as RawDiscovery, origin, await deps.getConfig());
    },
  };
}

/** The real browser behind DiscoveryDeps. */
export function browserDiscoveryDeps(api: typeof chrome, getConfig: () => Promise<Config>): DiscoveryDeps {
  return {
    queryTabs: () => api.tabs.query({}),
    getTab: (tabId) => api.tabs.get(tabId),
    async runInTab(tabId, func, args) {
      const [first] = await api.scripting.executeScript({ target: { tabId }, world: 'MAIN', func, args });
      const res = first as { result?: unknown; error?: unknown } | undefined;
      if (res && 'error' in res && res.error) throw new Error(String((res.error as Error)?.message ?? res.error));
      return res?.result;
    },
    getConfig,
  };
}

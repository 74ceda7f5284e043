/**
 * Reading the POS site for a check: is it allowed, is a tab of it open, and what does that tab
 * say (its page, its Odoo configuration). The browser is passed in (background/pos.ts gives the
 * real one; tests a fake). When no tab is open, the last reading stands, marked as not live.
 */
import type { RawDiscovery } from '../discovery/types';
import { sitePattern } from '../config/permissions';
import { POS_FIELDS } from './odoo-config';
import type { PosStore } from './store';
import { LNA_NAMES, type LnaState, type PosContext, type PosPageReading } from './types';

export interface PosBrowser {
  hasAccess(pattern: string): Promise<boolean>;
  /** Tabs whose URL matches the pattern (host permission shows their URL, no "tabs" permission needed). */
  tabs(pattern: string): Promise<Array<{ id?: number; url?: string; lastAccessed?: number }>>;
  /** Runs the page reader in the tab; answers its raw result. */
  readPage(tabId: number, names: readonly string[]): Promise<unknown>;
  /** Runs discovery's JSON-RPC reader in the tab with the POS fields. */
  readOdoo(tabId: number, origin: string, fields: typeof POS_FIELDS): Promise<unknown>;
}

const STATES = new Set<LnaState>(['granted', 'prompt', 'denied', 'unsupported']);

/** The page reader's answer, checked field by field: nothing else of the page gets through. */
export function pageReading(raw: unknown, origin: string): PosPageReading | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as { url?: unknown; secure?: unknown; lna?: Record<string, unknown> };
  if (typeof r.url !== 'string' || !r.url.startsWith(`${origin}/`)) return undefined;
  const lna = Object.fromEntries(LNA_NAMES.map((n) => [n, STATES.has(r.lna?.[n] as LnaState) ? (r.lna![n] as LnaState) : 'unsupported'])) as PosPageReading['lna'];
  return { url: r.url.slice(0, 300), secure: r.secure === true, lna };
}

/** POS tabs first (`/pos/ui`, `/pos/web`), then the most recently used: any tab of the site has its permissions. */
function byPreference(a: { url?: string; lastAccessed?: number }, b: { url?: string; lastAccessed?: number }): number {
  const pos = (t: { url?: string }) => (/\/pos\/(ui|web)\b/.test(new URL(t.url!).pathname) ? 1 : 0);
  return pos(b) - pos(a) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0);
}

export async function readPosContext(store: PosStore, browser: PosBrowser, now: () => Date = () => new Date()): Promise<PosContext | null> {
  const site = await store.getSite();
  if (!site) return null;
  const { origin, watched } = site;
  const pattern = sitePattern(origin);
  const access = !!pattern && (await browser.hasAccess(pattern).catch(() => false));
  if (!watched || !access || !pattern) return { origin, watched, access, live: false };
  const last = await store.getContext();
  const before = last?.origin === origin ? last : undefined;

  const tabs = (await browser.tabs(pattern).catch(() => []))
    .filter((t) => t.id !== undefined && t.url && new URL(t.url).origin === origin)
    .sort(byPreference);
  for (const tab of tabs) {
    const page = pageReading(await browser.readPage(tab.id!, LNA_NAMES).catch(() => undefined), origin);
    if (!page) continue;
    const odoo = (await browser.readOdoo(tab.id!, origin, POS_FIELDS).catch(() => undefined)) as RawDiscovery | undefined;
    // A logged-out tab still tells its page; the configuration then stays as last read.
    const config = odoo && typeof odoo === 'object' && odoo.ok ? odoo : before?.odoo;
    const ctx: PosContext = { origin, watched, access, live: true, seenAt: now().toISOString(), page, ...(config ? { odoo: config } : {}) };
    await store.setContext(ctx);
    return ctx;
  }
  return before ? { ...before, watched, access, live: false } : { origin, watched, access, live: false };
}

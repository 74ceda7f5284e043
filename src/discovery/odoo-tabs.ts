import type { OdooTab } from './types';

/**
 * An Odoo web client is at `/odoo...` (17.2+), `/web...` (up to 17, and the login page) or
 * `/pos/ui` / `/pos/web` (the POS itself). Only http(s) pages; never the extension's own.
 */
export function looksLikeOdoo(url: string | undefined): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (!/^https?:$/.test(u.protocol)) return false;
  return /^\/(odoo|web)(\/|$)/.test(u.pathname) || /^\/pos\/(ui|web)(\/|$)/.test(u.pathname);
}

/** One entry per tab that looks like Odoo, most recently used first is left to the browser's order. */
export function odooTabsOf(tabs: ReadonlyArray<{ id?: number; url?: string; title?: string }>): OdooTab[] {
  const out: OdooTab[] = [];
  for (const tab of tabs) {
    if (tab.id === undefined || tab.id < 0 || !looksLikeOdoo(tab.url)) continue;
    const origin = new URL(tab.url!).origin;
    out.push({ tabId: tab.id, origin, title: (tab.title ?? '').trim().slice(0, 80) || origin });
  }
  return out;
}

/**
 * The worker's side of the POS checks: the real browser behind src/pos/reader.ts (host
 * permission, tabs of the allowed Odoo site, the two scripts injected there) and the messages
 * the popup sends (watch the site, add the devices the POS uses, "I imported the certificate").
 */
import type { MessageMap } from '../src/messages';
import type { PolicyStore } from './policy';
import { api } from '../src/platform/api';
import { readOdooInPage } from '../src/discovery/read-in-page';
import { readPosPage } from '../pos-probe/read-pos-page';
import { readPosContext, type PosBrowser } from '../src/pos/reader';
import { createPosService } from '../src/pos/service';
import { posStoreOn, type PosStore } from '../src/pos/store';
import type { PosContext } from '../src/pos/types';

/** scripting.executeScript in the tab's main world, where the page's own session and permissions are. */
async function runInTab<A extends unknown[]>(tabId: number, func: (...args: A) => unknown, args: A): Promise<unknown> {
  const [first] = await api.scripting.executeScript({ target: { tabId }, world: 'MAIN', func: func as never, args: args as never });
  const res = first as { result?: unknown; error?: unknown } | undefined;
  if (res && 'error' in res && res.error) throw new Error(String((res.error as Error)?.message ?? res.error));
  return res?.result;
}

export const browserPos: PosBrowser = {
  hasAccess: (pattern) => api.permissions.contains({ origins: [pattern] }),
  // With host access to the site, its tabs' URLs are visible: the optional "tabs" permission is not needed.
  tabs: (pattern) => api.tabs.query({ url: pattern }),
  readPage: (tabId, names) => runInTab(tabId, readPosPage, [names]),
  readOdoo: (tabId, origin, fields) => runInTab(tabId, readOdooInPage, [origin, fields]),
};

export function createPos(deps: { store: PolicyStore; onConfigChanged(): void; posStore?: PosStore }) {
  const posStore = deps.posStore ?? posStoreOn(deps.store);
  const service = createPosService({ store: posStore, getConfig: () => deps.store.getConfig(), setConfig: (c) => deps.store.setConfig(c), onConfigChanged: deps.onConfigChanged });
  const handlers: { [K in 'posWatch' | 'posAddMissing' | 'markCertImported']: (req: MessageMap[K]['req']) => Promise<MessageMap[K]['res']> } = {
    posWatch: ({ origin }) => service.watch(String(origin ?? '')),
    posAddMissing: () => service.addMissing(),
    markCertImported: async ({ deviceId }) => {
      await service.markImported(String(deviceId ?? ''));
      return { ok: true };
    },
  };
  return {
    handlers,
    service,
    /** The POS context of this check (null without a site); never fails the check. */
    read: (): Promise<PosContext | null> => readPosContext(posStore, browserPos).catch(() => null),
  };
}

export type Pos = ReturnType<typeof createPos>;

import type { MessageMap, MessageType, PopupState } from '../src/messages';
import type { Store } from '../src/store/db';
import { checkUnderPolicy, createConfigService } from '../src/config/service';
import { browserDiscoveryDeps, createDiscovery } from '../src/discovery/worker';
import { reportJson, reportText } from '../src/report';
import { timeline } from '../src/report/timeline';
import { api } from '../src/platform/api';
import { describeBrowser, osId } from '../src/platform/environment';
import { t } from '../src/view/i18n';
import type { Pos } from './pos';

type Handlers = { [K in MessageType]: (req: MessageMap[K]['req']) => Promise<MessageMap[K]['res']> };

export function createHandlers(deps: { store: Store; checker: { running: boolean; check(): Promise<import('../src/model').CheckResult> }; onConfigChanged(): void; pos: Pos }): Handlers {
  const { store, checker } = deps;
  const configService = createConfigService({ getConfig: () => store.getConfig(), setConfig: (c) => store.setConfig(c), onConfigChanged: () => deps.onConfigChanged() });
  const discovery = createDiscovery(browserDiscoveryDeps(api, () => store.getConfig()));
  return {
    ping: async () => ({ version: api.runtime.getManifest().version }),
    getState: async (): Promise<PopupState> => {
      const platform = await api.runtime.getPlatformInfo();
      const config = await store.getConfig();
      const ids = [...config.boxes, ...config.printers].map((d) => d.id);
      return {
        config,
        last: await store.getLast(),
        running: checker.running,
        platform: { os: osId(platform.os), browser: describeBrowser(navigator.userAgent).id },
        timeline: Object.fromEntries(await Promise.all(ids.map(async (id) => [id, timeline(await store.history(id))] as const))),
        notice: await store.getNotice(),
      };
    },
    checkNow: () => checker.check(),
    getConfig: () => store.getConfig(),
    saveConfig: async ({ config }) => {
      const { config: next, errors } = checkUnderPolicy(config, await store.getConfig());
      if (errors.length) return { ok: false, errors: errors.map((e) => `${e.field}: ${e.error}`) };
      await store.setConfig(next);
      deps.onConfigChanged();
      // What is in force now: with a policy, the user's part merged again under the administrator's.
      return { ok: true, config: await store.getConfig() };
    },
    dismissNotice: async () => {
      await store.clearNotice();
      return null;
    },
    getReport: async () => {
      const last = await store.getLast();
      return last ? { text: reportText(last, t), json: reportJson(last) } : null;
    },
    checkConfig: ({ config }) => configService.check(config),
    importDevices: ({ json }) => configService.importDevices(json),
    findOdooTabs: () => discovery.findTabs(),
    discoverFromTab: async ({ tabId }) => {
      const found = await discovery.read(tabId);
      if (found.ok) await deps.pos.service.suggest(found.origin); // the popup then offers to check its POS page
      return found;
    },
    getHistory: async ({ deviceIds }) => {
      const ids = [...new Set(Array.isArray(deviceIds) ? deviceIds.filter((id): id is string => typeof id === 'string') : [])];
      return Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await store.history(id)] as const)));
    },
    ...deps.pos.handlers,
  };
}

/**
 * The administrator's policy in the worker: every configuration read is the merge of managed
 * storage (Chromium: storage.managed_schema + the platform's policies; Firefox: policies.json
 * `3rdparty.Extensions`) with the user's own, and a policy that names devices starts checking
 * them without anyone clicking. Nothing is cached: managed storage is read on every use, so a
 * worker woken at any time works on the policy as it is now.
 */
import type { CheckResult } from '../src/model';
import type { Store } from '../src/store/db';
import type { ManagedConfig } from '../src/policy/types';
import { localPart, mergePolicy, policyErrors } from '../src/policy/merge';

type Api = typeof chrome;

/** What `storage.managed.get()` answers; {} when there is no policy (Firefox throws then). */
export async function readManaged(api: Pick<Api, 'storage'>): Promise<unknown> {
  try {
    return (await api.storage.managed.get()) ?? {};
  } catch {
    return {};
  }
}

export interface PolicyStore extends Store {
  getConfig(): Promise<ManagedConfig>;
}

/**
 * A store whose configuration is the merged one. Saving keeps only the user's part: the
 * policy's devices and settings are not the user's to store, and devices hidden by the policy
 * stay stored as they were.
 */
export function withPolicy(store: Store, managed: () => Promise<unknown>, api?: Pick<Api, 'permissions'>): PolicyStore {
  const merged = async (): Promise<ManagedConfig> => {
    const config = mergePolicy(await store.getConfig(), await managed());
    if (config.managed && api) {
      // No policy grants optional host access: the options page asks for these with one click.
      const has = (origins: string[]): Promise<boolean> => api.permissions.contains({ origins }).catch(() => false);
      const { origins } = config.managed;
      const missing: string[] = [];
      if (origins.length && !(await has(origins))) for (const o of origins) if (!(await has([o]))) missing.push(o);
      config.managed.missingOrigins = missing;
    }
    return config;
  };
  return {
    ...store,
    getConfig: merged,
    async setConfig(next) {
      const current = await merged();
      // saveConfig answers these as field errors first; any other writer (an import) is refused too.
      const locked = policyErrors(next, current);
      if (locked.length) throw new Error(`locked-by-policy: ${locked.map((e) => e.args?.[0]).join(', ')}`);
      await store.setConfig(localPart(next, await store.getConfig(), current.managed));
    },
  };
}

/**
 * The first check without a click: when the policy names devices, check at install, at browser
 * start, when the policy changes, and when a worker starts with nothing checked yet. The
 * alarm's interval follows the policy through `reschedule` (it reads the merged settings).
 */
export function startPolicy(deps: { api: Pick<Api, 'storage' | 'runtime'>; store: PolicyStore; checker: { check(): Promise<CheckResult> }; reschedule(): void }): { ready: Promise<void> } {
  const { api, store, checker } = deps;
  const hasManagedDevices = async (): Promise<boolean> => {
    const m = (await store.getConfig()).managed;
    return !!m && m.boxes.length + m.printers.length > 0;
  };
  const checkIfManaged = async (): Promise<void> => {
    if (await hasManagedDevices()) await checker.check().catch(() => undefined);
  };
  api.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    deps.reschedule();
    void checkIfManaged();
  });
  api.runtime.onInstalled.addListener(() => void checkIfManaged());
  api.runtime.onStartup.addListener(() => void checkIfManaged());
  const ready = (async () => {
    if ((await store.getLast()) === null) await checkIfManaged();
  })().catch(() => undefined);
  return { ready };
}

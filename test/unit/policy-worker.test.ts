/**
 * background/policy.ts with fakes of the browser API and the store: the merged store, and the
 * first check that starts without a click.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CheckResult, Config } from '../../src/model';
import { DEFAULT_SETTINGS } from '../../src/model';
import type { Store } from '../../src/store/db';
import { readManaged, startPolicy, withPolicy } from '../../background/policy';

function memoryStore(config: Config, last: CheckResult | null = null): Store & { saved: Config[] } {
  const saved: Config[] = [];
  return {
    saved,
    getConfig: async () => structuredClone(config),
    setConfig: async (c: Config) => {
      saved.push(c);
      config = structuredClone(c);
    },
    getLast: async () => last,
    setLast: async () => undefined,
    history: async () => [],
    getNotified: async () => ({}),
    setNotified: async () => undefined,
    getCerts: async () => ({}),
    setCerts: async () => undefined,
  } as unknown as Store & { saved: Config[] }; // only what the policy code uses
}

type Listener = (...args: unknown[]) => void;
function fakeApi(opts: { granted?: string[] } = {}) {
  const listeners: Record<string, Listener[]> = { changed: [], installed: [], startup: [] };
  const event = (name: string) => ({ addListener: (l: Listener) => listeners[name]!.push(l) });
  return {
    listeners,
    fire: (name: string, ...args: unknown[]) => listeners[name]!.forEach((l) => l(...args)),
    storage: { onChanged: event('changed') },
    runtime: { onInstalled: event('installed'), onStartup: event('startup') },
    permissions: { contains: async ({ origins }: { origins: string[] }) => origins.every((o) => opts.granted?.includes(o)) },
  };
}

const mine = (): Config => ({ boxes: [], printers: [{ id: 'printer-1', ip: '192.168.1.70', name: 'Mine' }], settings: { ...DEFAULT_SETTINGS } });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('readManaged', () => {
  it('is {} when the browser has no policy (Firefox throws) or answers nothing', async () => {
    expect(await readManaged({ storage: { managed: { get: async () => Promise.reject(new Error('Managed storage manifest not found')) } } } as never)).toEqual({});
    expect(await readManaged({ storage: { managed: { get: async () => undefined } } } as never)).toEqual({});
    expect(await readManaged({ storage: { managed: { get: async () => ({ notifications: false }) } } } as never)).toEqual({ notifications: false });
  });
});

describe('the merged store', () => {
  it('reads the policy on every use and says which origins are still missing', async () => {
    let policy: unknown = {};
    const api = fakeApi({ granted: ['http://192.168.1.60/*', 'https://192.168.1.60/*'] });
    const store = withPolicy(memoryStore(mine()), async () => policy, api as never);
    expect((await store.getConfig()).managed).toBeUndefined();
    policy = { printers: [{ ip: '192.168.1.60' }, { ip: '192.168.1.61' }] };
    const c = await store.getConfig();
    expect(c.printers.map((p) => p.id)).toEqual(['policy-printer-192-168-1-60', 'policy-printer-192-168-1-61', 'printer-1']);
    expect(c.managed?.missingOrigins).toEqual(['http://192.168.1.61/*', 'https://192.168.1.61/*']);
  });

  it("stores only the user's part", async () => {
    const raw = memoryStore(mine());
    const store = withPolicy(raw, async () => ({ printers: [{ ip: '192.168.1.60' }], notifications: false }));
    const shown = await store.getConfig();
    await store.setConfig({ ...shown, settings: { ...shown.settings, intervalMinutes: 30 } });
    expect(raw.saved).toEqual([{ ...mine(), settings: { ...DEFAULT_SETTINGS, intervalMinutes: 30 } }]);
  });

  it('refuses any writer that adds a device to a locked list (an import), and stores nothing', async () => {
    const raw = memoryStore(mine());
    const store = withPolicy(raw, async () => ({ allowUserDevices: false, printers: [{ ip: '192.168.1.60' }] }));
    const shown = await store.getConfig();
    await expect(store.setConfig({ ...shown, printers: [...shown.printers, { id: 'printer-9', ip: '192.168.1.99', name: 'Imported' }] })).rejects.toThrow('locked-by-policy: Imported');
    expect(raw.saved).toEqual([]);
  });
});

describe('the first check without a click', () => {
  const result = {} as CheckResult;
  const setup = (policy: unknown, last: CheckResult | null = null) => {
    const api = fakeApi();
    const store = withPolicy(memoryStore(mine(), last), async () => policy);
    const checker = { check: vi.fn(async () => result) };
    const reschedule = vi.fn();
    const { ready } = startPolicy({ api: api as never, store, checker, reschedule });
    return { api, checker, reschedule, ready };
  };

  it('runs when a worker starts with a policy naming devices and nothing checked yet', async () => {
    const { checker, ready } = setup({ printers: [{ ip: '192.168.1.60' }] });
    await ready;
    expect(checker.check).toHaveBeenCalledTimes(1);
  });

  it('does not run again at every worker start once there is a result', async () => {
    const { checker, ready } = setup({ printers: [{ ip: '192.168.1.60' }] }, result);
    await ready;
    expect(checker.check).not.toHaveBeenCalled();
  });

  it('runs at install and browser start, only with managed devices', async () => {
    const managed = setup({ printers: [{ ip: '192.168.1.60' }] }, result);
    managed.api.fire('installed', { reason: 'install' });
    managed.api.fire('startup');
    await flush();
    await flush();
    expect(managed.checker.check).toHaveBeenCalledTimes(2);
    const none = setup({}, null);
    await none.ready;
    none.api.fire('installed', { reason: 'install' });
    none.api.fire('startup');
    await flush();
    expect(none.checker.check).not.toHaveBeenCalled();
    const settingsOnly = setup({ intervalMinutes: 5 }, null);
    await settingsOnly.ready;
    expect(settingsOnly.checker.check).not.toHaveBeenCalled();
  });

  it('a policy change reschedules the alarm and checks; a change of local storage does nothing', async () => {
    const { api, checker, reschedule, ready } = setup({ printers: [{ ip: '192.168.1.60' }] }, result);
    await ready;
    api.fire('changed', {}, 'local');
    await flush();
    expect(reschedule).not.toHaveBeenCalled();
    api.fire('changed', { printers: {} }, 'managed');
    await flush();
    await flush();
    expect(reschedule).toHaveBeenCalledTimes(1);
    expect(checker.check).toHaveBeenCalledTimes(1);
  });
});

import type { CheckResult } from '../src/model';
import { runCheck } from '../src/check';
import type { Http } from '../src/net/http';
import type { Store } from '../src/store/db';
import { environment } from '../src/platform/environment';
import { api } from '../src/platform/api';
import { showOnBadge } from './badge';
import { notifyChanges } from './notify';
import { rememberCerts } from '../src/diagnoses/cert-change';
import type { Pos } from './pos';

/**
 * One check at a time: a second request (popup click during an alarm check) joins the running
 * one. Progress is saved and broadcast as devices finish, so a popup opened mid-check and a
 * worker restarted mid-check both see the latest state.
 */
export function createChecker(deps: { store: Store; http: Http; pageHttp?: Http; resolve?: (hostname: string) => Promise<string[] | 'nxdomain'>; pos?: Pos }) {
  let running: Promise<CheckResult> | undefined;
  const broadcast = (result: CheckResult, isRunning: boolean): void => {
    api.runtime.sendMessage({ type: 'progress', result, running: isRunning }).catch(() => undefined);
  };
  const start = async (): Promise<CheckResult> => {
    const config = await deps.store.getConfig();
    const platform = await api.runtime.getPlatformInfo();
    const env = environment(navigator.userAgent, platform.os, platform.arch, api.runtime.getManifest().version);
    const previous = await deps.store.getLast();
    const knownCerts = await deps.store.getCerts();
    await showOnBadge(previous, true);
    // Marked in the store: a worker stopped by the browser mid-check resumes it when it wakes.
    await deps.store.setRunning({ startedAt: new Date().toISOString() });
    // The open POS tab, read before the probes: each device is probed on the path the POS uses.
    const pos = (await deps.pos?.read()) ?? null;
    const certImports = (await deps.pos?.service.imports()) ?? {};
    const result = await runCheck(config, {
      pos,
      certImports,
      previous,
      knownCerts,
      http: deps.http,
      pageHttp: deps.pageHttp,
      resolve: deps.resolve,
      environment: env,
      onProgress: (partial) => broadcast(partial, true),
    });
    await deps.store.setLast(result);
    await deps.store.setRunning(null);
    await deps.store.setCerts(rememberCerts(result, knownCerts, new Date()));
    await deps.pos?.service.settle(result);
    await showOnBadge(result, false);
    await notifyChanges(result, deps.store, config.settings.notifications);
    broadcast(result, false);
    return result;
  };
  return {
    get running(): boolean {
      return running !== undefined;
    },
    check(): Promise<CheckResult> {
      running ??= start().finally(() => (running = undefined));
      return running;
    },
  };
}

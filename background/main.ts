/**
 * The worker: wires the browser-independent core (src/) to the browser. It may be stopped at
 * any time (MV3); everything that must survive lives in the store, never only in variables.
 */
import { api } from '../src/platform/api';
import { isMessage } from '../src/messages';
import { openStore } from '../src/store/db';
import { createWorkerHttp } from './http';
import { createPageHttp } from './page-http';
import { createChecker } from './checker';
import { createHandlers } from './handlers';
import { scheduleChecks, ALARM } from './schedule';
import { firefoxResolver } from './dns';
import { createCertReader } from './cert-reader';
import { readManaged, startPolicy, withPolicy } from './policy';
import { createPos } from './pos';

// The administrator's policy (managed storage) merged in: every part of the worker sees the same configuration.
const store = withPolicy(openStore(), () => readManaged(api), api);
const http = createWorkerHttp(api as never, { certs: createCertReader() });
const reschedule = (): void => void store.getConfig().then((c) => scheduleChecks(c.settings.intervalMinutes));
const pos = createPos({ store, onConfigChanged: reschedule });
const checker = createChecker({ store, http, pageHttp: createPageHttp(), resolve: firefoxResolver(), pos });
const handlers = createHandlers({ store, checker, onConfigChanged: reschedule, pos });
startPolicy({ api, store, checker, reschedule });

api.runtime.onMessage.addListener((msg: unknown, sender, reply: (r: unknown) => void) => {
  // Only our own pages may talk to the worker; the offscreen document's own traffic is not ours to answer.
  if (sender.id !== api.runtime.id || !isMessage(msg) || (msg as { target?: string }).target === 'offscreen') return false;
  const handler = (handlers as Record<string, ((req: unknown) => Promise<unknown>) | undefined>)[msg.type];
  if (!handler) return false;
  handler(msg).then(
    (value) => reply({ ok: true, value }),
    (e: Error) => reply({ ok: false, error: e.message }),
  );
  return true;
});

api.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === ALARM) void checker.check();
});
api.runtime.onInstalled.addListener(reschedule);
api.runtime.onStartup.addListener(reschedule);

// A check interrupted by the browser stopping this worker is taken up again as soon as it wakes.
const RESUME_WITHIN_MS = 15 * 60_000;
void store.getRunning().then((r) => {
  if (r && Date.now() - Date.parse(r.startedAt) < RESUME_WITHIN_MS) void checker.check();
  else if (r) void store.setRunning(null);
});

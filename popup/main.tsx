/**
 * The popup's wiring: ask the worker for the state, follow its progress broadcasts, and turn
 * the view's actions into messages, clipboard writes, downloads and tabs. Decides nothing.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PopupState, ProgressEvent } from '../src/messages';
import type { CheckResult } from '../src/model';
import { api } from '../src/platform/api';
import { send } from '../src/platform/send';
import { reportFileStem, reportJson, reportText } from '../src/report';
import { t } from '../src/view/i18n';
import { App, type PopupActions, type PopupModel } from './App';
import { copyText, download } from './actions';
import { certFileName, derBase64ToPem } from '../src/certs/pem';
import { originsForInputs, sitePattern } from '../src/config/permissions';
import './popup.css';

const isProgress = (msg: unknown): msg is ProgressEvent =>
  typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === 'progress' && typeof (msg as ProgressEvent).result === 'object';

const version = (() => {
  try {
    return api.runtime.getManifest().version;
  } catch {
    return '?';
  }
})();

function Root() {
  const [state, setState] = useState<PopupState | null>(null);
  const [fresh, setFresh] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [now, setNow] = useState(() => Date.now());
  const [checkedAt, setCheckedAt] = useState<string>();
  // A progress event that arrives before getState answered, and the run that already ended.
  const early = useRef<ProgressEvent | null>(null);
  const ended = useRef<string | null>(null);
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stateRef = useRef<PopupState | null>(null);
  stateRef.current = state;

  const apply = (ev: ProgressEvent): void => {
    if (ev.running && ev.result.startedAt === ended.current) return;
    if (!ev.running) setCheckedAt(ev.result.finishedAt);
    setFresh(ev.running);
    setState((s) => (s ? { ...s, last: ev.result, running: ev.running } : s));
  };

  useEffect(() => {
    const onMessage = (msg: unknown): undefined => {
      if (!isProgress(msg)) return undefined;
      if (stateRef.current) apply(msg);
      else early.current = msg;
      return undefined;
    };
    api.runtime.onMessage.addListener(onMessage);
    send('getState').then(
      (s) => {
        stateRef.current = s;
        // While a check runs the worker still holds the previous complete result.
        setCheckedAt(s.last?.finishedAt);
        setState(s);
        if (early.current && s.running) apply(early.current);
      },
      () => setError(t('ui_no_worker')),
    );
    const tick = setInterval(() => setNow(Date.now()), 15_000);
    return () => {
      api.runtime.onMessage.removeListener(onMessage);
      clearInterval(tick);
    };
  }, []);

  const say = (text: string): void => {
    setNotice(text);
    clearTimeout(noticeTimer.current);
    noticeTimer.current = setTimeout(() => setNotice(undefined), 5000);
  };
  const last = (): CheckResult | null => stateRef.current?.last ?? null;

  const actions: PopupActions = {
    checkAgain() {
      if (!stateRef.current || stateRef.current.running) return;
      setError(undefined);
      setFresh(false);
      setState((s) => (s ? { ...s, running: true } : s));
      send('checkNow').then(
        (result) => {
          ended.current = result.startedAt;
          setCheckedAt(result.finishedAt);
          setFresh(false);
          setNow(Date.now());
          setState((s) => (s ? { ...s, last: result, running: false } : s));
        },
        (e: unknown) => {
          setState((s) => (s ? { ...s, running: false } : s));
          setError(t('ui_check_failed', [e instanceof Error ? e.message : String(e)]));
        },
      );
    },
    copyReport() {
      const result = last();
      if (!result) return;
      void copyText(reportText(result, t)).then((ok) => say(t(ok ? 'ui_copied' : 'ui_copy_failed')));
    },
    saveReport() {
      const result = last();
      if (!result) return;
      const stem = reportFileStem(result.finishedAt);
      download(`${stem}.txt`, reportText(result, t), 'text/plain;charset=utf-8');
      download(`${stem}.json`, reportJson(result), 'application/json');
      say(t('ui_saved', [`${stem}.txt`]));
    },
    openOptions() {
      void api.runtime.openOptionsPage();
    },
    openUrl(url) {
      void api.tabs.create({ url });
    },
    dismissNotice() {
      setState((s) => (s ? { ...s, notice: null } : s));
      void send('dismissNotice').catch(() => undefined);
    },
    downloadCert(device) {
      if (!device.cert?.derBase64) return;
      const name = certFileName(device.label, device.ip);
      download(name, derBase64ToPem(device.cert.derBase64), 'application/x-x509-ca-cert');
      say(t('ui_saved', [name]));
    },
    // The browser wants its permission request inside the click: asked at once, next to the message.
    allowPos(origin) {
      const pattern = sitePattern(origin);
      if (!pattern) return;
      const asked = Promise.resolve(api.permissions.request({ origins: [pattern] })).catch(() => false);
      void Promise.all([send('posWatch', { origin }), asked]).then(([, ok]) => (ok ? actions.checkAgain() : say(t('pos_allow_refused'))), (e: Error) => say(e.message));
    },
    addPosMissing(addresses) {
      const origins = originsForInputs(addresses);
      const asked = origins.length ? Promise.resolve(api.permissions.request({ origins })).catch(() => false) : Promise.resolve(true);
      void Promise.all([send('posAddMissing'), asked]).then(([r]) => {
        say(r.added ? t('pos_added', [String(r.added)]) : t('pos_add_failed', [r.errors.join('; ')]));
        if (r.added) actions.checkAgain();
      }, (e: Error) => say(e.message));
    },
    markCertImported(deviceId) {
      void send('markCertImported', { deviceId }).then(() => {
        say(t('pos_marked'));
        actions.checkAgain();
      }, (e: Error) => say(e.message));
    },
  };

  const model: PopupModel = { state, fresh, now, checkedAt, version, error, notice };
  return <App model={model} actions={actions} />;
}

document.documentElement.lang = (() => {
  try {
    return api.i18n.getUILanguage();
  } catch {
    return 'en';
  }
})();
document.title = t('extName');
render(<Root />, document.getElementById('app')!);

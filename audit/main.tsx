/**
 * The audit page's wiring: ask the worker for the state and the history, follow its progress
 * broadcasts, and turn the view's actions into messages, files and tabs. Decides nothing.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PopupState, ProgressEvent } from '../src/messages';
import type { CheckResult, Config } from '../src/model';
import type { HistoryEntry } from '../src/store/db';
import { api } from '../src/platform/api';
import { send } from '../src/platform/send';
import { auditCsv, csvFileName } from '../src/view/audit-rows';
import { t } from '../src/view/i18n';
import { download } from '../popup/actions';
import { App, type AuditActions } from './App';
import './audit.css';

const isProgress = (msg: unknown): msg is ProgressEvent =>
  typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === 'progress' && typeof (msg as ProgressEvent).result === 'object';

const deviceIds = (c: Config): string[] => [...c.boxes.map((b) => b.id), ...c.printers.map((p) => p.id)];

function Root() {
  const [state, setState] = useState<PopupState | null>(null);
  const [partial, setPartial] = useState<CheckResult | null>(null);
  const [history, setHistory] = useState<Record<string, HistoryEntry[]>>({});
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const stateRef = useRef<PopupState | null>(null);
  stateRef.current = state;
  // The run whose end we already applied: a late progress event of it must not reopen it.
  const ended = useRef<string | null>(null);

  const loadHistory = (config: Config): void => {
    send('getHistory', { deviceIds: deviceIds(config) }).then(setHistory, () => undefined);
  };
  const finished = (result: CheckResult): void => {
    // The end comes twice (broadcast, then checkNow's answer): apply it once.
    if (ended.current === result.startedAt) return;
    ended.current = result.startedAt;
    setPartial(null);
    setState((s) => (s ? { ...s, last: result, running: false } : s));
    if (stateRef.current) loadHistory(stateRef.current.config);
  };

  useEffect(() => {
    const onMessage = (msg: unknown): undefined => {
      if (!isProgress(msg) || !stateRef.current) return undefined;
      if (!msg.running) finished(msg.result);
      else if (msg.result.startedAt !== ended.current) {
        setPartial(msg.result);
        setState((s) => (s && !s.running ? { ...s, running: true } : s));
      }
      return undefined;
    };
    api.runtime.onMessage.addListener(onMessage);
    send('getState').then(
      (s) => {
        stateRef.current = s;
        setState(s);
        loadHistory(s.config);
      },
      () => setError(t('audit_no_worker')),
    );
    return () => api.runtime.onMessage.removeListener(onMessage);
  }, []);

  const actions: AuditActions = {
    recheck() {
      if (!stateRef.current || stateRef.current.running) return;
      setError(undefined);
      setPartial(null);
      setState((s) => (s ? { ...s, running: true } : s));
      send('checkNow').then(finished, (e: unknown) => {
        setState((s) => (s ? { ...s, running: false } : s));
        setError(t('audit_check_failed', [e instanceof Error ? e.message : String(e)]));
      });
    },
    exportCsv(rows) {
      const name = csvFileName(new Date());
      download(name, auditCsv(rows, t), 'text/csv;charset=utf-8');
      setNotice(t('audit_exported', [name]));
    },
    print() {
      window.print();
    },
    openUrl(url) {
      void api.tabs.create({ url });
    },
    openOptions() {
      void api.runtime.openOptionsPage();
    },
  };

  return <App model={{ state, partial, history, error, notice }} actions={actions} />;
}

document.documentElement.lang = (() => {
  try {
    return api.i18n.getUILanguage();
  } catch {
    return 'en';
  }
})();
document.title = t('audit_page_title');
render(<Root />, document.getElementById('app')!);

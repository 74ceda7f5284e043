/**
 * The popup as a pure view of one data object: it renders what the worker decided and sends
 * actions back. Only what is on screen (which row is open, the support panel) is its own.
 */
import { useState } from 'preact/hooks';
import type { PopupState } from '../src/messages';
import { StatusIcon, type Status } from '../src/view/StatusIcon';
import { ageText } from '../src/view/format';
import { hasDevices, rowsOf } from '../src/view/rows';
import { t, uiLanguage } from '../src/view/i18n';
import { DeviceRow } from './DeviceRow';
import { Support } from './Support';

export interface PopupActions {
  checkAgain(): void;
  copyReport(): void;
  saveReport(): void;
  openOptions(): void;
  openUrl(url: string): void;
  /** The user read the notice about the store being reset. */
  dismissNotice(): void;
  /** Saves the certificate the browser showed for this device as a .crt file. */
  downloadCert(device: import('../src/model').DeviceDiagnosis): void;
  /** Lets IoT Doctor read this Odoo site's POS tab (asks the browser for access in the click). */
  allowPos(origin: string): void;
  /** Adds the devices the POS uses that the list lacks (asks for their access in the click). */
  addPosMissing(addresses: string[]): void;
  /** "I imported the certificate" for this printer, then checks again. */
  markCertImported(deviceId: string): void;
}

export interface PopupModel {
  /** null until the worker answered. */
  state: PopupState | null;
  /** `state.last` is the partial result of the running check (see rowsOf). */
  fresh: boolean;
  now: number;
  /** When the last complete check ended (not a running check's partial result). */
  checkedAt?: string | undefined;
  version: string;
  error?: string | undefined;
  notice?: string | undefined;
}

const HEADLINE: Record<Status, string> = {
  ok: 'ui_head_ok',
  warn: 'ui_head_warn',
  error: 'ui_head_error',
  checking: 'ui_head_checking',
  unchecked: 'ui_head_unchecked',
};

export function App({ model, actions }: { model: PopupModel; actions: PopupActions }) {
  const [expanded, setExpanded] = useState<string | null>(null);
  const [supportOpen, setSupportOpen] = useState(false);
  const { state, now } = model;

  if (!state) {
    return (
      <div class="popup">
        <Header status="unchecked" title={t('extName')} onSettings={actions.openOptions} />
        <main class="main body">
          <p class={model.error ? 'error-line' : 'muted'} role="status">
            {model.error ?? t('ui_loading')}
          </p>
        </main>
      </div>
    );
  }

  const last = state.last;
  if (!hasDevices(state.config) && !last?.devices.length) {
    return (
      <div class="popup">
        <Header status="unchecked" title={t('extName')} onSettings={actions.openOptions} />
        <main class="main body empty">
          <p class="empty-title">{t('ui_empty_title')}</p>
          <p>{t('ui_empty_body')}</p>
          <button type="button" class="primary" data-testid="open-options" onClick={actions.openOptions}>
            {t('ui_open_options')}
          </button>
        </main>
      </div>
    );
  }

  const rows = rowsOf(state, model.fresh);
  const status: Status = state.running ? 'checking' : last ? last.worst : 'unchecked';
  const total = state.config.boxes.length + state.config.printers.length;
  const done = model.fresh ? rows.filter((r) => r.state === 'done' && r.kind !== 'computer' && r.kind !== 'pos').length : 0;
  const checkedAt = model.checkedAt ?? (state.running ? undefined : last?.finishedAt);
  const age = checkedAt ? ageText(checkedAt, now, t, uiLanguage()) : t(state.running ? 'ui_checking' : 'ui_never_checked');

  return (
    <div class="popup" aria-busy={state.running}>
      <Header status={status} title={t(HEADLINE[status])} age={age} onSettings={actions.openOptions} />
      <main class="main">
        <div class="check" hidden={supportOpen}>
          <button type="button" class="primary big" data-testid="check-again" aria-disabled={state.running} onClick={() => !state.running && actions.checkAgain()}>
            {state.running ? (
              <>
                <span class="spinner" aria-hidden="true" />
                {model.fresh && total ? t('ui_checking_count', [String(Math.min(done, total)), String(total)]) : t('ui_checking')}
              </>
            ) : (
              t(last ? 'ui_check_again' : 'ui_check_now')
            )}
          </button>
          {state.running && (
            <progress class="progress" max={total || 1} value={model.fresh ? Math.min(done, total) : undefined} aria-label={t('ui_checking')} />
          )}
        </div>
        {model.error && <p class="error-line" role="alert">{model.error}</p>}
        {state.notice && (
          <p class="error-line store-notice" role="alert" data-testid="store-notice">
            {t('ui_store_reset', [String(state.notice.devicesKept)])}{' '}
            <button type="button" class="link-button" onClick={actions.dismissNotice}>
              {t('ui_dismiss')}
            </button>
          </p>
        )}
        {/* Focusable so keyboard users can scroll the support details, which hold no control. */}
        <div class="body" tabIndex={supportOpen ? 0 : undefined} aria-label={supportOpen ? t('ui_support') : undefined}>
          {!supportOpen && (
            <ul class="devices" aria-label={t('ui_devices')}>
              {rows.map((row) => (
                <DeviceRow
                  key={row.id}
                  row={row}
                  config={state.config}
                  platform={state.platform}
                  expanded={expanded === row.id}
                  onToggle={() => setExpanded(expanded === row.id ? null : row.id)}
                  actions={actions}
                />
              ))}
            </ul>
          )}
          <Support result={last} now={now} version={model.version} open={supportOpen} timeline={state.timeline} />
        </div>
        <p class="notice" role="status" aria-live="polite">
          {model.notice}
        </p>
      </main>
      <footer class="footer">
        <button type="button" data-testid="copy-report" disabled={!last} onClick={actions.copyReport}>
          {t('ui_copy_report')}
        </button>
        <button type="button" data-testid="save-report" disabled={!last} onClick={actions.saveReport}>
          {t('ui_save_report')}
        </button>
        <button type="button" class="disclosure-toggle" data-testid="support-toggle" aria-expanded={supportOpen} aria-controls="support" onClick={() => setSupportOpen(!supportOpen)}>
          <span class="chevron" aria-hidden="true" />
          {t('ui_support')}
        </button>
      </footer>
    </div>
  );
}

function Header({ status, title, age, onSettings }: { status: Status; title: string; age?: string; onSettings(): void }) {
  return (
    <header class={`head head-${status}`}>
      <StatusIcon status={status} large />
      <div class="head-text">
        <h1>{title}</h1>
        {age !== undefined && (
          <p class="age" data-testid="age">
            {age}
          </p>
        )}
      </div>
      <a class="icon-button" href="/audit/index.html" target="_blank" rel="noopener" data-testid="audit-link" aria-label={t('audit_link')} title={t('audit_link')}>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M18 8h-1V6a5 5 0 0 0-10 0v2H6a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V10a2 2 0 0 0-2-2Zm-6 9a2 2 0 1 1 0-4 2 2 0 0 1 0 4Zm3.1-9H8.9V6a3.1 3.1 0 0 1 6.2 0v2Z" />
        </svg>
      </a>
      <button type="button" class="icon-button" data-testid="settings" aria-label={t('ui_settings')} title={t('ui_settings')} onClick={onSettings}>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M19.14 12.94a7.5 7.5 0 0 0 0-1.88l2.03-1.58a.5.5 0 0 0 .12-.64l-1.92-3.32a.5.5 0 0 0-.6-.22l-2.39.96a7.3 7.3 0 0 0-1.63-.94l-.36-2.54A.5.5 0 0 0 13.9 2h-3.8a.5.5 0 0 0-.49.42l-.36 2.54c-.58.24-1.13.55-1.63.94l-2.39-.96a.5.5 0 0 0-.6.22L2.71 8.48a.5.5 0 0 0 .12.64l2.03 1.58a7.5 7.5 0 0 0 0 1.88l-2.03 1.58a.5.5 0 0 0-.12.64l1.92 3.32c.13.22.39.3.6.22l2.39-.96c.5.39 1.05.7 1.63.94l.36 2.54c.04.24.25.42.49.42h3.8c.24 0 .45-.18.49-.42l.36-2.54c.58-.24 1.13-.55 1.63-.94l2.39.96c.22.08.47 0 .6-.22l1.92-3.32a.5.5 0 0 0-.12-.64l-2.03-1.58ZM12 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7Z"
          />
        </svg>
      </button>
    </header>
  );
}

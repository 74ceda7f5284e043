/**
 * The padlock audit as a pure view: one table of every box and printer from the worker's
 * state. What is on screen (sort, filters, the open fix guide) is its own; it decides nothing.
 */
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { PopupState } from '../src/messages';
import type { CheckResult } from '../src/model';
import type { HistoryEntry } from '../src/store/db';
import { PADLOCKS, padlockSeverity, type Padlock } from '../src/diagnoses/padlock';
import { auditRows, filterRows, NO_FILTER, padlockKey, sortRows, type AuditFilter, type AuditRow, type SortDir, type SortKey } from '../src/view/audit-rows';
import { diagnosisTexts } from '../src/view/diagnosis-text';
import { t, uiLanguage } from '../src/view/i18n';
import { AuditTable } from './Table';
import { GuideDialog } from './GuideDialog';
import { dateTime } from './format';

export interface AuditModel {
  /** null until the worker answered. */
  state: PopupState | null;
  /** The running check's partial result, once a progress event came. */
  partial: CheckResult | null;
  history: Record<string, HistoryEntry[]>;
  error?: string | undefined;
  notice?: string | undefined;
}

export interface AuditActions {
  recheck(): void;
  /** Saves these rows (as shown: filtered and sorted) as CSV. */
  exportCsv(rows: AuditRow[]): void;
  print(): void;
  openUrl(url: string): void;
  openOptions(): void;
}

export function App({ model, actions }: { model: AuditModel; actions: AuditActions }) {
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: 'padlock', dir: 'asc' });
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const [guideFor, setGuideFor] = useState<string | null>(null);
  const { state } = model;
  const lang = uiLanguage();

  const all = useMemo(
    () => (state ? auditRows({ config: state.config, last: state.last, partial: model.partial, running: state.running, history: model.history }) : []),
    [state, model.partial, model.history],
  );
  const shown = useMemo(() => sortRows(filterRows(all, filter), sort.key, sort.dir), [all, filter, sort]);

  if (!state) {
    return (
      <Frame>
        <p class={model.error ? 'error-line' : 'muted'} role="status">
          {model.error ?? t('audit_loading')}
        </p>
      </Frame>
    );
  }
  if (!all.length) {
    return (
      <Frame>
        <p>{t('audit_empty')}</p>
        <button type="button" class="primary" data-testid="open-options" onClick={actions.openOptions}>
          {t('audit_open_options')}
        </button>
      </Frame>
    );
  }

  const running = state.running;
  const done = model.partial ? all.filter((r) => r.state === 'done').length : 0;
  const computer = (model.partial ?? state.last)?.devices.filter((d) => d.kind === 'computer' && d.severity !== 'ok') ?? [];
  const guideRow = guideFor ? all.find((r) => r.id === guideFor) : undefined;
  const counts = new Map<Padlock, number>();
  for (const r of all) if (r.padlock) counts.set(r.padlock, (counts.get(r.padlock) ?? 0) + 1);

  return (
    <Frame aside={<p class="last-check" data-testid="last-check">{state.last ? t('audit_last_check', [dateTime(state.last.finishedAt, lang)]) : t('audit_never_checked')}</p>}>
      <div class="toolbar no-print">
        <button type="button" class="primary" data-testid="recheck" aria-disabled={running} onClick={() => !running && actions.recheck()}>
          {running && <span class="spinner" aria-hidden="true" />}
          {running ? t('audit_rechecking', [String(done), String(all.length)]) : t('audit_recheck')}
        </button>
        <button type="button" class="secondary" data-testid="export" onClick={() => actions.exportCsv(shown)}>
          {t('audit_export')}
        </button>
        <button type="button" class="secondary" data-testid="print" onClick={actions.print}>
          {t('audit_print')}
        </button>
      </div>
      {running && <progress class="progress no-print" data-testid="progress" max={all.length} value={model.partial ? done : undefined} aria-label={t('audit_progress_label')} />}
      {model.error && <p class="error-line" role="alert">{model.error}</p>}
      <p class="notice" role="status" aria-live="polite">
        {model.notice}
      </p>
      {computer.map((d) => (
        <p class={`computer sev-${d.severity}`} key={d.code} data-testid="computer-note">
          {t('audit_computer', [diagnosisTexts(d, t, lang).verdict])}
        </p>
      ))}

      <ul class="summary" aria-label={t('audit_summary_label')}>
        {PADLOCKS.filter((p) => counts.has(p)).map((p) => (
          <li key={p}>
            <button
              type="button"
              class={`chip pad-${padlockSeverity(p)}`}
              aria-pressed={filter.padlock === p}
              data-testid={`summary-${p}`}
              onClick={() => setFilter({ ...filter, padlock: filter.padlock === p ? 'all' : p })}
            >
              {t(padlockKey(p))} <strong>{counts.get(p)}</strong>
            </button>
          </li>
        ))}
      </ul>

      <div class="filters no-print" role="search">
        <label>
          <span>{t('audit_filter_text')}</span>
          <input type="search" data-testid="filter-text" value={filter.text} placeholder={t('audit_filter_text_hint')} onInput={(e) => setFilter({ ...filter, text: e.currentTarget.value })} />
        </label>
        <label>
          <span>{t('audit_filter_padlock')}</span>
          <select data-testid="filter-padlock" value={filter.padlock} onChange={(e) => setFilter({ ...filter, padlock: e.currentTarget.value as AuditFilter['padlock'] })}>
            <option value="all">{t('audit_filter_all')}</option>
            {PADLOCKS.map((p) => (
              <option key={p} value={p}>
                {t(padlockKey(p))}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('audit_filter_kind')}</span>
          <select data-testid="filter-kind" value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.currentTarget.value as AuditFilter['kind'] })}>
            <option value="all">{t('audit_filter_all')}</option>
            <option value="box">{t('kind_box')}</option>
            <option value="printer">{t('kind_printer')}</option>
          </select>
        </label>
        <p class="count muted" data-testid="count">
          {t('audit_count', [String(shown.length), String(all.length)])}
        </p>
      </div>

      <AuditTable rows={shown} sort={sort} onSort={setSort} browser={state.platform.browser} lang={lang} onGuide={setGuideFor} />
      <Legend />
      {guideRow?.diagnosis && <GuideDialog row={guideRow} config={state.config} platform={state.platform} actions={actions} onClose={() => setGuideFor(null)} />}
    </Frame>
  );
}

function Frame({ children, aside }: { children: ComponentChildren; aside?: ComponentChildren }) {
  return (
    <div class="audit">
      <header class="page-head">
        <div>
          <h1>{t('audit_title')}</h1>
          <p class="intro">{t('audit_intro')}</p>
        </div>
        {aside}
      </header>
      <main>{children}</main>
    </div>
  );
}

function Legend() {
  return (
    <section class="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('audit_legend')}</h2>
      <dl>
        {PADLOCKS.map((p) => (
          <div key={p}>
            <dt>
              <span class={`pad pad-${padlockSeverity(p)}`}>{t(padlockKey(p))}</span>
            </dt>
            <dd>{t(`${padlockKey(p)}_hint`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { BoxProposal, DiscoveryNote, DiscoveryResult, DiscoverySource, OdooTab, PrinterProposal } from '../src/discovery/types';
import { displayFact } from '../src/view/format';
import { t, uiLanguage } from '../src/view/i18n';
import { problemText } from './problems';
import type { DiscoveryView, OptionsActions } from './types';
import { Why } from './Why';

/**
 * "Find devices in Odoo": pick an open Odoo tab, read what its database knows, tick what to
 * add. Each step that needs a permission is its own click, and says why next to the button.
 */
export function Discovery({ view, locked, actions }: { view: DiscoveryView; locked: boolean; actions: OptionsActions }) {
  const tabs = 'tabs' in view ? view.tabs : null;
  return (
    <section class="card discovery" aria-labelledby="discover-head" data-testid="discovery" aria-busy={view.step === 'asking' || view.step === 'reading' || view.step === 'adding'}>
      <div class="card-head">
        <h2 id="discover-head">{t('opt_discover_title')}</h2>
        <p class="hint">{t('opt_discover_hint')}</p>
      </div>
      <div class="form-actions">
        <button type="button" class={!locked && (view.step === 'idle' || view.step === 'tabs-denied' || view.step === 'failed') ? 'primary' : undefined} data-testid="find-odoo" aria-describedby={locked ? 'discover-locked' : 'discover-why'} disabled={locked || view.step === 'asking' || view.step === 'reading' || view.step === 'adding'} onClick={actions.findOdooTabs}>
          {t(view.step === 'idle' ? 'opt_discover_button' : 'opt_discover_again')}
        </button>
        {locked ? (
          <p id="discover-locked" class="hint" data-testid="locked-hint">
            {t('opt_locked_hint')}
          </p>
        ) : (
          <Why id="discover-why" text={t('opt_discover_tabs_perm')} />
        )}
      </div>
      <div aria-live="polite">
        {view.step === 'asking' && <p class="muted">{t('opt_discover_asking')}</p>}
        {view.step === 'tabs-denied' && <p class="msg msg-warn">{t('opt_discover_tabs_denied')}</p>}
        {view.step === 'failed' && <p class="msg msg-error">{t('opt_discover_failed', [view.detail])}</p>}
        {tabs && !tabs.length && <p class="msg msg-warn" data-testid="no-odoo-tab">{t('opt_discover_no_tabs')}</p>}
      </div>
      {tabs && tabs.length > 0 && view.step !== 'read' && view.step !== 'adding' && (
        <ul class="tabs" aria-label={t('opt_discover_tabs_label')}>
          {tabs.map((tab) => (
            <TabRow key={tab.tabId} tab={tab} reading={view.step === 'reading' && view.tab.tabId === tab.tabId} disabled={view.step === 'reading'} onRead={() => actions.readTab(tab)} />
          ))}
        </ul>
      )}
      {(view.step === 'read' || view.step === 'adding') && <Result tab={view.tab} result={view.result} adding={view.step === 'adding'} locked={locked} actions={actions} />}
    </section>
  );
}

function TabRow({ tab, reading, disabled, onRead }: { tab: OdooTab; reading: boolean; disabled: boolean; onRead(): void }) {
  const why = `tab-why-${tab.tabId}`;
  return (
    <li class="tab-row" data-testid="odoo-tab">
      <div class="device-main">
        <span class="device-name">{tab.title}</span>
        <span class="device-addr mono">{tab.origin}</span>
      </div>
      <div class="tab-action">
        <button type="button" class="primary small" data-testid="read-tab" aria-describedby={why} disabled={disabled} onClick={onRead}>
          {t(reading ? 'opt_discover_reading' : 'opt_discover_read')}
        </button>
        <Why id={why} small text={t('opt_discover_origin_perm', [new URL(tab.origin).hostname])} />
      </div>
    </li>
  );
}

const ERROR_KEY: Record<Exclude<DiscoveryResult, { ok: true }>['error'], string> = {
  'session-expired': 'opt_discover_session',
  'not-odoo': 'opt_discover_not_odoo',
  'no-access': 'opt_discover_no_access',
  'tab-gone': 'opt_discover_tab_gone',
  failed: 'opt_discover_read_failed',
};

function sourceText(s: DiscoverySource): string {
  const key = { 'iot.box': 'opt_src_iot_box', 'iot.device': 'opt_src_iot_device', 'pos.config': 'opt_src_pos_config', 'pos.printer': 'opt_src_pos_printer' }[s.model];
  return t(key, [s.name || '?']);
}

function noteText(n: DiscoveryNote): string {
  const key = { lna: 'opt_note_lna', denied: 'opt_note_denied', failed: 'opt_note_failed', 'no-iot': 'opt_note_no_iot', 'no-pos': 'opt_note_no_pos', 'box-devices': 'opt_note_box_devices' }[n.code];
  return t(key, n.args);
}

function Result({ tab, result, adding, locked, actions }: { tab: OdooTab; result: DiscoveryResult; adding: boolean; locked: boolean; actions: OptionsActions }) {
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(result.ok ? [...result.boxes, ...result.printers].filter((p) => p.addable).map((p) => p.key) : []));
  useEffect(() => {
    if (result.ok) setTicked(new Set([...result.boxes, ...result.printers].filter((p) => p.addable).map((p) => p.key)));
  }, [result]);
  if (!result.ok) {
    return (
      <div class="result" data-testid="discovery-result" data-error={result.error}>
        <p class="msg msg-error" role="alert">
          <span class="msg-icon" aria-hidden="true">✕</span>
          <span>{t(ERROR_KEY[result.error], [tab.origin])}</span>
        </p>
        <div class="form-actions">
          <button type="button" class="primary" onClick={() => actions.readTab(tab)}>
            {t('opt_discover_retry')}
          </button>
          <button type="button" onClick={actions.closeDiscovery}>
            {t('opt_close')}
          </button>
        </div>
      </div>
    );
  }
  const toggle = (key: string): void => {
    const next = new Set(ticked);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setTicked(next);
  };
  const boxes = result.boxes.filter((b) => ticked.has(b.key) && b.config);
  const printers = result.printers.filter((p) => ticked.has(p.key) && p.config);
  const count = boxes.length + printers.length;
  const nothing = !result.boxes.length && !result.printers.length;
  return (
    <div class="result" data-testid="discovery-result">
      <p class="result-head">
        {t('opt_discover_from', [tab.origin])}
        {result.version && <span class="pill">{t('opt_discover_version', [result.version])}</span>}
      </p>
      {nothing && <p class="msg msg-warn">{t('opt_discover_found_none')}</p>}
      {result.boxes.length > 0 && (
        <fieldset class="proposals">
          <legend>{t('opt_boxes_title')}</legend>
          {result.boxes.map((b) => (
            <Proposal key={b.key} p={b} kind="box" ticked={ticked.has(b.key)} onToggle={() => toggle(b.key)} />
          ))}
        </fieldset>
      )}
      {result.printers.length > 0 && (
        <fieldset class="proposals">
          <legend>{t('opt_printers_title')}</legend>
          {result.printers.map((p) => (
            <Proposal key={p.key} p={p} kind="printer" ticked={ticked.has(p.key)} onToggle={() => toggle(p.key)} />
          ))}
        </fieldset>
      )}
      {result.notes.length > 0 && (
        <ul class="notes">
          {result.notes.map((n) => (
            <li data-code={n.code}>{noteText(n)}</li>
          ))}
        </ul>
      )}
      <div class="form-actions">
        <button type="button" class="primary" data-testid="add-discovered" aria-describedby="add-why" disabled={!count || adding || locked} onClick={() => actions.addDiscovered(boxes, printers)}>
          {t(adding ? 'opt_saving' : 'opt_discover_add', [String(count)])}
        </button>
        <button type="button" onClick={actions.closeDiscovery}>
          {t('opt_close')}
        </button>
        <Why id="add-why" text={t('opt_perm_explain')} />
      </div>
    </div>
  );
}

function Proposal({ p, kind, ticked, onToggle }: { p: BoxProposal | PrinterProposal; kind: 'box' | 'printer'; ticked: boolean; onToggle(): void }) {
  const id = `prop-${p.key}`;
  const lang = uiLanguage();
  const box = kind === 'box' ? (p as BoxProposal) : null;
  const printer = kind === 'printer' ? (p as PrinterProposal) : null;
  const errors = p.problems.filter((x) => x.error !== 'public-ip' && x.error !== 'name-without-ip');
  const warnings = p.problems.filter((x) => !errors.includes(x));
  const facts = [
    box?.config?.ip && box.config.hostname ? box.config.ip : '',
    box?.version ? t('opt_discover_box_version', [box.version]) : '',
    box?.certificateEnd ? t('opt_discover_cert_end', [displayFact(box.certificateEnd.replace(' ', 'T').replace(/(T[\d:]+)$/, '$1Z'), lang)]) : '',
    printer?.useLna ? t('opt_discover_lna') : '',
  ].filter(Boolean);
  return (
    <div class={`proposal${p.addable ? '' : ' proposal-off'}`} data-testid="proposal" data-address={p.address} data-addable={String(p.addable)}>
      <input type="checkbox" id={id} checked={ticked && !!p.config} disabled={!p.config || !!p.existing} onChange={onToggle} aria-describedby={`${id}-info`} />
      <div class="proposal-text">
        <label for={id} class="mono">
          {p.address}
        </label>
        <div id={`${id}-info`}>
          <p class="muted">{p.sources.map(sourceText).join(' · ')}</p>
          {facts.length > 0 && <p class="muted">{facts.join(' · ')}</p>}
          {p.existing && <p class="muted">{t('opt_discover_already', [p.existing])}</p>}
          {errors.map((e) => (
            <p class="msg msg-error">
              <span class="msg-icon" aria-hidden="true">✕</span>
              <span>{problemText(e, t)}</span>
            </p>
          ))}
          {warnings.map((w) => (
            <p class="msg msg-warn">
              <span class="msg-icon" aria-hidden="true">!</span>
              <span>{problemText(w, t)}</span>
            </p>
          ))}
        </div>
      </div>
    </div>
  );
}

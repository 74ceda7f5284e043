import { useId } from 'preact/hooks';
import type { Config } from '../src/model';
import { GUIDES } from '../src/guides';
import { GuideView, type Platform } from '../src/view/Guide';
import { StatusIcon } from '../src/view/StatusIcon';
import { diagnosisTexts, guideKeyOf } from '../src/view/diagnosis-text';
import type { Row } from '../src/view/rows';
import { guideActions } from '../src/view/guide-actions';
import { t, uiLanguage } from '../src/view/i18n';
import type { PopupActions } from './App';
import { CertDetails } from '../src/view/CertDetails';
import { posActions } from './pos-actions';

interface Props {
  row: Row;
  config: Config;
  platform: Platform;
  expanded: boolean;
  onToggle(): void;
  actions: PopupActions;
}

/** One device: a glance line (status, name, verdict, what to do) that opens to the why and the fix. */
export function DeviceRow({ row, config, platform, expanded, onToggle, actions }: Props) {
  const panelId = useId();
  const d = row.diagnosis;
  const kind = t(`kind_${row.kind}`);
  if (!d) {
    return (
      <li class={`device device-${row.state}`} data-testid={`device-${row.id}`} data-severity={row.state === 'checking' ? 'pending' : 'unchecked'}>
        <div class="device-head">
          <StatusIcon status={row.state === 'checking' ? 'checking' : 'unchecked'} />
          <span class="device-main">
            <Name label={row.label} kind={kind} />
            <span class="verdict muted">{t(row.state === 'checking' ? 'ui_row_checking' : 'ui_row_unchecked')}</span>
          </span>
        </div>
      </li>
    );
  }
  const lang = uiLanguage();
  const text = diagnosisTexts(d, t, lang);
  const guideKey = guideKeyOf(d);
  const guide = guideKey ? GUIDES[guideKey] : undefined;
  const { actionLabel, onAction } = guideActions(row, config, actions.openUrl, {
    'check-again': { label: t('ui_check_again'), run: actions.checkAgain },
    'copy-report': { label: t('ui_copy_report'), run: actions.copyReport },
    'open-options': { label: t('ui_open_options'), run: actions.openOptions },
    ...posActions(d, platform.browser, actions),
  });
  return (
    <li class={`device sev-${d.severity}${expanded ? ' open' : ''}`} data-testid={`device-${row.id}`} data-code={d.code} data-severity={d.severity}>
      <button type="button" class="device-head" aria-expanded={expanded} aria-controls={panelId} onClick={onToggle}>
        <StatusIcon status={d.severity} />
        <span class="device-main">
          <Name label={d.label} kind={kind} />
          <span class="verdict">{text.verdict}</span>
          {d.severity !== 'ok' && (
            <span class="action">
              <span class="action-arrow" aria-hidden="true">→ </span>
              {text.action}
            </span>
          )}
        </span>
        <span class="chevron" aria-hidden="true" />
      </button>
      <div id={panelId} class="device-panel" hidden={!expanded}>
        <p class="explain">{text.explain}</p>
        {d.cert?.source === 'browser' && <CertDetails cert={d.cert} onDownload={d.cert.derBase64 ? () => actions.downloadCert(d) : undefined} />}
        {guideKey && guide && (
          <GuideView guide={guide} platform={platform} address={d.kind === 'box' ? d.hostname || d.ip || '' : d.ip || ''} actionLabel={actionLabel} onAction={onAction} />
        )}
      </div>
    </li>
  );
}

/** "Kitchen printer · Printer"; just "This computer" when the label already says the kind. */
function Name({ label, kind }: { label: string; kind: string }) {
  return (
    <span class="device-name">
      {label}
      {label.trim().toLowerCase() !== kind.trim().toLowerCase() && <span class="kind"> · {kind}</span>}
    </span>
  );
}

import { useEffect, useRef } from 'preact/hooks';
import type { Config } from '../src/model';
import { GUIDES, type StepAction } from '../src/guides';
import { GuideView, type Platform } from '../src/view/Guide';
import { diagnosisTexts, guideKeyOf } from '../src/view/diagnosis-text';
import { deviceUrl, type Row } from '../src/view/rows';
import type { AuditRow } from '../src/view/audit-rows';
import { t, uiLanguage } from '../src/view/i18n';
import type { AuditActions } from './App';

const OPENERS: ReadonlySet<StepAction> = new Set<StepAction>(['open-printer', 'open-box-name', 'open-box-ip']);

/** The device's fix guide in a modal dialog: Escape or "Close" returns to the table. */
export function GuideDialog({ row, config, platform, actions, onClose }: { row: AuditRow; config: Config; platform: Platform; actions: AuditActions; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const d = row.diagnosis!;
  const key = guideKeyOf(d);
  const guide = key ? GUIDES[key] : undefined;
  const texts = diagnosisTexts(d, t, uiLanguage());
  const asRow: Row = { id: row.id, kind: row.kind, label: row.name, state: 'done', diagnosis: d };
  const actionLabel = (action: StepAction): string | undefined => {
    if (OPENERS.has(action)) return deviceUrl(action, asRow, config) ? t(`ui_act_${action.replace(/-/g, '_')}`) : undefined;
    if (action === 'check-again') return t('audit_recheck');
    if (action === 'open-options') return t('audit_open_options');
    return undefined;
  };
  const onAction = (action: StepAction): void => {
    if (OPENERS.has(action)) {
      const url = deviceUrl(action, asRow, config);
      if (url) actions.openUrl(url);
    } else if (action === 'check-again') {
      ref.current?.close();
      actions.recheck();
    } else if (action === 'open-options') actions.openOptions();
  };
  return (
    <dialog ref={ref} class="guide-dialog" data-testid="guide-dialog" aria-labelledby="guide-dialog-title" onClose={onClose}>
      <div class="dialog-head">
        <p id="guide-dialog-title" class="dialog-title">
          {row.name} · {texts.verdict}
        </p>
        <button type="button" class="secondary" data-testid="guide-close" onClick={() => ref.current?.close()}>
          {t('audit_close')}
        </button>
      </div>
      <p class="explain">{texts.explain}</p>
      {guide && <GuideView guide={guide} platform={platform} address={row.kind === 'box' ? row.hostname || row.ip : row.ip} actionLabel={actionLabel} onAction={onAction} />}
    </dialog>
  );
}

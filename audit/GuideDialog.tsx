import { useEffect, useRef } from 'preact/hooks';
import type { Config } from '../src/model';
import { GUIDES } from '../src/guides';
import { GuideView, type Platform } from '../src/view/Guide';
import { diagnosisTexts, guideKeyOf } from '../src/view/diagnosis-text';
import type { Row } from '../src/view/rows';
import { guideActions } from '../src/view/guide-actions';
import type { AuditRow } from '../src/view/audit-rows';
import { t, uiLanguage } from '../src/view/i18n';
import type { AuditActions } from './App';

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
  const { actionLabel, onAction } = guideActions(asRow, config, actions.openUrl, {
    'check-again': {
      label: t('audit_recheck'),
      run: () => {
        ref.current?.close();
        actions.recheck();
      },
    },
    'open-options': { label: t('audit_open_options'), run: actions.openOptions },
  });
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

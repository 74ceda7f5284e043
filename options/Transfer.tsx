import { useRef } from 'preact/hooks';
import { t } from '../src/view/i18n';
import { importProblemText } from './problems';
import type { ImportView, OptionsActions } from './types';

/** Export the device list as a JSON file; import one (validated by the worker, all or nothing). */
export function Transfer({ view, hasDevices, locked, actions }: { view: ImportView; hasDevices: boolean; locked: boolean; actions: Pick<OptionsActions, 'exportDevices' | 'importFile'> }) {
  const fileRef = useRef<HTMLInputElement>(null);
  return (
    <section class="card" aria-labelledby="transfer-head" data-testid="transfer">
      <div class="card-head">
        <h2 id="transfer-head">{t('opt_transfer_title')}</h2>
        <p class="hint">{t('opt_transfer_hint')}</p>
      </div>
      <div class="form-actions">
        <button type="button" data-testid="export" disabled={!hasDevices} onClick={actions.exportDevices}>
          {t('opt_export')}
        </button>
        <button type="button" data-testid="import" disabled={locked} aria-describedby={locked ? 'import-locked' : undefined} onClick={() => fileRef.current?.click()}>
          {t('opt_import')}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          class="sr-only"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="import-file"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) actions.importFile(file);
            input.value = '';
          }}
          disabled={locked}
        />
        {locked && (
          <p id="import-locked" class="hint" data-testid="locked-hint">
            {t('opt_locked_hint')}
          </p>
        )}
      </div>
      <div aria-live="polite" data-testid="import-result">
        {view && 'errors' in view && (
          <div class="msg-block msg-block-error">
            <p>
              <strong>{t('opt_import_failed', [view.file])}</strong>
            </p>
            <ul>
              {view.errors.slice(0, 20).map((e) => (
                <li data-code={e.error}>{importProblemText(e, t)}</li>
              ))}
            </ul>
            {view.errors.length > 20 && <p>{t('opt_import_more', [String(view.errors.length - 20)])}</p>}
            {!view.errors.some((e) => e.error === 'locked-by-policy') && <p>{t('opt_import_nothing_saved')}</p>}
          </div>
        )}
        {view && 'added' in view && (
          <div class="msg-block msg-block-ok">
            <p>{t('opt_import_done', [String(view.added), String(view.updated)])}</p>
            {view.warnings.map((w) => (
              <p class="msg msg-warn">{importProblemText(w, t)}</p>
            ))}
          </div>
        )}
      </div>
    </section>
  );
}

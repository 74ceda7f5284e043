import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../src/model';
import type { ValidationError } from '../src/config/validate';
import { t } from '../src/view/i18n';
import { settingsDraftOf, type SettingsDraft } from './draft';
import { Field } from './Field';
import type { OptionsActions } from './types';

/** DNS-over-HTTPS server ("off" allowed), check interval (0 = off), notifications. */
export function SettingsForm({ settings, actions }: { settings: Settings; actions: Pick<OptionsActions, 'saveSettings'> }) {
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsDraftOf(settings));
  const [errors, setErrors] = useState<ValidationError[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => setDraft(settingsDraftOf(settings)), [settings]);
  const of = (field: string): ValidationError[] => errors.filter((e) => e.field === field);
  const submit = (e: Event): void => {
    e.preventDefault();
    setSaving(true);
    actions.saveSettings(draft).then(
      (errs) => {
        setSaving(false);
        setErrors(errs ?? []);
      },
      () => setSaving(false),
    );
  };
  return (
    <section class="card" aria-labelledby="settings-head" data-testid="settings">
      <div class="card-head">
        <h2 id="settings-head">{t('opt_settings_title')}</h2>
      </div>
      <form onSubmit={submit} noValidate>
        <Field id="set-interval" testid="input-interval" label={t('opt_interval_label')} hint={t('opt_interval_hint')} type="number" inputMode="numeric" min={0} max={1440} value={draft.intervalMinutes} onInput={(v) => setDraft({ ...draft, intervalMinutes: v })} show errors={of('intervalMinutes')} />
        <div class="check-field">
          <input id="set-notify" type="checkbox" checked={draft.notifications} data-testid="input-notifications" onChange={(e) => setDraft({ ...draft, notifications: (e.currentTarget as HTMLInputElement).checked })} aria-describedby="set-notify-hint" />
          <label for="set-notify">{t('opt_notifications_label')}</label>
          <p id="set-notify-hint" class="hint">
            {t('opt_notifications_hint')}
          </p>
        </div>
        <Field id="set-doh" testid="input-doh" label={t('opt_doh_label')} hint={t('opt_doh_hint')} type="url" inputMode="url" mono value={draft.dohUrl} placeholder="https://dns.google/dns-query" onInput={(v) => setDraft({ ...draft, dohUrl: v })} show errors={of('dohUrl')} />
        <div class="form-actions">
          <button type="submit" class="primary" data-testid="save-settings" disabled={saving}>
            {t(saving ? 'opt_saving' : 'opt_settings_save')}
          </button>
        </div>
      </form>
    </section>
  );
}

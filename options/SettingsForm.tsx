import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../src/model';
import type { ValidationError } from '../src/config/validate';
import type { ManagedSetting } from '../src/policy/types';
import { t } from '../src/view/i18n';
import { settingsDraftOf, type SettingsDraft } from './draft';
import { Field } from './Field';
import { AdminBadge } from './ManagedParts';
import type { ManagedView } from './managed';
import { problemText } from './problems';
import type { OptionsActions } from './types';

const FIELDS: readonly string[] = ['intervalMinutes', 'dohUrl', 'notifications'] satisfies ManagedSetting[];

/** DNS-over-HTTPS server ("off" allowed), check interval (0 = off), notifications; those the administrator sets are read-only. */
export function SettingsForm({ settings, managed, actions }: { settings: Settings; managed: Pick<ManagedView, 'setting'>; actions: Pick<OptionsActions, 'saveSettings'> }) {
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsDraftOf(settings));
  const [errors, setErrors] = useState<ValidationError[]>([]);
  const [saving, setSaving] = useState(false);
  // By value: a reload of the same settings (after a permission change) keeps what is being typed.
  useEffect(() => setDraft(settingsDraftOf(settings)), [settings.dohUrl, settings.intervalMinutes, settings.notifications]);
  const of = (field: string): ValidationError[] => errors.filter((e) => e.field === field);
  /** A refusal that is not about one setting (the administrator locked the list meanwhile). */
  const other = errors.filter((e, i) => !FIELDS.includes(e.field) && errors.findIndex((x) => x.error === e.error && String(x.args) === String(e.args)) === i);
  const interval = managed.setting('intervalMinutes');
  const notify = managed.setting('notifications');
  const doh = managed.setting('dohUrl');
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
        <div data-managed={interval ? 'true' : undefined} data-setting="intervalMinutes">
          <Field id="set-interval" testid="input-interval" label={t('opt_interval_label')} hint={t('opt_interval_hint')} type="number" inputMode="numeric" min={0} max={1440} value={draft.intervalMinutes} onInput={(v) => setDraft({ ...draft, intervalMinutes: v })} show errors={of('intervalMinutes')} disabled={interval} badge={interval && <AdminBadge />} />
        </div>
        <div class="check-field" data-managed={notify ? 'true' : undefined} data-setting="notifications">
          <input id="set-notify" type="checkbox" checked={draft.notifications} disabled={notify} data-testid="input-notifications" onChange={(e) => setDraft({ ...draft, notifications: (e.currentTarget as HTMLInputElement).checked })} aria-describedby="set-notify-hint" />
          <label for="set-notify">
            {t('opt_notifications_label')}
            {notify && (
              <>
                {' '}
                <AdminBadge />
              </>
            )}
          </label>
          <p id="set-notify-hint" class="hint">
            {t('opt_notifications_hint')}
          </p>
        </div>
        <div data-managed={doh ? 'true' : undefined} data-setting="dohUrl">
          <Field id="set-doh" testid="input-doh" label={t('opt_doh_label')} hint={t('opt_doh_hint')} type="url" inputMode="url" mono value={draft.dohUrl} placeholder="https://dns.google/dns-query" onInput={(v) => setDraft({ ...draft, dohUrl: v })} show errors={of('dohUrl')} disabled={doh} badge={doh && <AdminBadge />} />
        </div>
        {other.map((e) => (
          <p class="msg msg-error" role="alert" data-code={e.error}>
            <span class="msg-icon" aria-hidden="true">✕</span>
            <span>{problemText(e, t)}</span>
          </p>
        ))}
        {!(interval && notify && doh) && (
          <div class="form-actions">
            <button type="submit" class="primary" data-testid="save-settings" disabled={saving}>
              {t(saving ? 'opt_saving' : 'opt_settings_save')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
